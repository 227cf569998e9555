package nl.koers.kafka;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.koers.api.kpi.RecordReading;
import nl.koers.input.Ids;
import nl.koers.input.InstantOrDateDeserializer;
import nl.koers.input.Storable;

/**
 * Reads a message of the readings topic into the command the HTTP endpoint sends, with the HTTP endpoint's rules
 * for each field; the aggregate then applies the same rules to both.
 */
class ReadingMessages {

    /** A reading as published on the readings topic: the HTTP body plus the programme and KPI of the path. */
    record ReadingMessage(
            @NotBlank @Pattern(regexp = Ids.SLUG, message = Ids.SLUG_MESSAGE) String programmeId,
            @NotBlank @Pattern(regexp = Ids.SLUG, message = Ids.SLUG_MESSAGE) String kpiId,
            @NotNull @Digits(integer = 15, fraction = 10) BigDecimal value,
            @NotNull @JsonDeserialize(using = InstantOrDateDeserializer.class) Instant measuredAt,
            @NotBlank @Pattern(regexp = Ids.READING_ID, message = Ids.READING_ID_MESSAGE) String readingId,
            @Size(max = 200) String source,
            @Size(max = 2000) String note) {
    }

    /** Why a message cannot be a reading, in words for the dead-letter topic's headers. */
    static class InvalidReading extends Exception {
        InvalidReading(String reason) {
            super(reason);
        }
    }

    private final ObjectMapper json;
    private final Validator validator;

    ReadingMessages(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    RecordReading read(byte[] message) throws InvalidReading {
        if (message == null || message.length == 0) {
            throw new InvalidReading("the message is empty");
        }
        ReadingMessage reading = parse(message);
        String violations = validator.validate(reading).stream()
                .map(violation -> violation.getPropertyPath() + " " + violation.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        if (!violations.isEmpty()) {
            throw new InvalidReading(violations);
        }
        requireStorable("source", reading.source());
        requireStorable("note", reading.note());
        return new RecordReading(reading.programmeId(), reading.kpiId(), reading.readingId(), reading.value(),
                reading.measuredAt(), reading.source(), reading.note());
    }

    private static void requireStorable(String field, String text) throws InvalidReading {
        if (text != null && !Storable.text(text)) {
            throw new InvalidReading(field + " is not storable text");
        }
    }

    private ReadingMessage parse(byte[] message) throws InvalidReading {
        try {
            ReadingMessage reading = json.readValue(message, ReadingMessage.class);
            if (reading == null) {
                throw new InvalidReading("the message is JSON null, not a reading");
            }
            return reading;
        } catch (JsonMappingException e) {
            if (e.getPath().isEmpty()) {
                throw new InvalidReading("the message is not a JSON object");
            }
            throw new InvalidReading(e.getPath().get(0).getFieldName() + " has the wrong type or format");
        } catch (JsonProcessingException e) {
            throw new InvalidReading("the message is not valid JSON");
        } catch (IOException e) {
            throw new InvalidReading("the message cannot be read");
        }
    }
}
