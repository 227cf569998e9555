package bench.lean;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.koers.input.Ids;
import nl.koers.input.InstantOrDateDeserializer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** POST a reading: 201 with its Location when new, 200 when the same readingId was recorded before. */
@RestController
class ReadingController {

    /** The body Koers accepts, with Koers's own limits and readingId pattern. */
    record RecordReading(
            @NotNull @Digits(integer = 15, fraction = 10) BigDecimal value,
            @NotNull @JsonDeserialize(using = InstantOrDateDeserializer.class) Instant measuredAt,
            @NotBlank @Pattern(regexp = Ids.READING_ID) String readingId,
            @Size(max = 200) String source,
            @Size(max = 2000) String note) {
    }

    /** What is stored as the event row's payload. */
    record ReadingRecorded(String programmeId, String kpiId, String readingId, BigDecimal value, Instant measuredAt,
                           String source, String note, Instant recordedAt) {
    }

    record Receipt(String programmeId, String kpiId, String readingId, long eventId) {
    }

    private final Readings readings;

    ReadingController(Readings readings) {
        this.readings = readings;
    }

    @PostMapping(path = "/api/v1/programmes/{pid}/kpis/{kid}/readings", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Receipt> record(@PathVariable String pid, @PathVariable String kid,
                                   @Valid @RequestBody RecordReading body) {
        Long eventId = readings.record(new ReadingRecorded(pid, kid, body.readingId(), body.value(), body.measuredAt(),
                body.source(), body.note(), Instant.now()));
        if (eventId == null) {
            return ResponseEntity.status(HttpStatus.OK).body(new Receipt(pid, kid, body.readingId(), -1));
        }
        return ResponseEntity.created(URI.create("/api/v1/programmes/" + pid + "/kpis/" + kid + "/readings/"
                + body.readingId())).body(new Receipt(pid, kid, body.readingId(), eventId));
    }
}
