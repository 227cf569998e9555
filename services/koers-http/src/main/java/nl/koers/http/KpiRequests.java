package nl.koers.http;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.koers.api.kpi.Direction;
import nl.koers.api.kpi.Lever;
import nl.koers.input.Ids;
import nl.koers.input.InstantOrDateDeserializer;

/** Request bodies of the KPI and reading endpoints. Values are decimals of at most 15 + 10 digits. */
final class KpiRequests {

    private KpiRequests() {
    }

    record DefineKpi(
            @NotBlank @Pattern(regexp = Ids.SLUG, message = Ids.SLUG_MESSAGE) String id,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 50) String unit,
            @NotNull Direction direction,
            @NotNull @Digits(integer = 15, fraction = 10) BigDecimal baseline,
            @NotNull LocalDate baselineDate,
            @NotNull @Digits(integer = 15, fraction = 10) BigDecimal target,
            @NotNull LocalDate targetDate,
            @NotNull @Digits(integer = 15, fraction = 10) BigDecimal tolerance,
            @NotBlank @Size(max = 20) String cadence,
            @Pattern(regexp = Ids.SLUG, message = Ids.SLUG_MESSAGE) String objectiveId,
            Lever lever) {
    }

    record Retarget(
            @NotNull @Digits(integer = 15, fraction = 10) BigDecimal target,
            @NotNull LocalDate targetDate,
            @Digits(integer = 15, fraction = 10) BigDecimal tolerance,
            @NotBlank @Size(max = 2000) String reason) {
    }

    record RecordReading(
            @NotNull @Digits(integer = 15, fraction = 10) BigDecimal value,
            @Schema(implementation = String.class, example = "2026-03-01T09:30:00Z",
                    description = "When it was true: an instant like 2026-03-01T09:30:00Z, or a date like 2026-03-01 (00:00 UTC)")
            @NotNull @JsonDeserialize(using = InstantOrDateDeserializer.class) Instant measuredAt,
            @NotBlank @Pattern(regexp = Ids.READING_ID, message = Ids.READING_ID_MESSAGE) String readingId,
            @Size(max = 200) String source,
            @Size(max = 2000) String note) {
    }

    record Correction(
            @NotNull @Digits(integer = 15, fraction = 10) BigDecimal value,
            @NotBlank @Size(max = 2000) String reason) {
    }

    record Retraction(@NotBlank @Size(max = 2000) String reason) {
    }
}
