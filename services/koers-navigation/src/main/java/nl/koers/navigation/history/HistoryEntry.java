package nl.koers.navigation.history;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import nl.koers.api.ProgrammeEvent;

/**
 * One event of a programme as the history shows it: when it was recorded, its name ({@code ReadingRecorded}), what
 * it is about, who caused it, and its fields as the event holds them. {@code sequence} is its position in the event
 * store, which orders events recorded in the same millisecond; {@code eventType} is for
 * those that read the fields as the event ({@code data}), not part of the answer.
 */
public record HistoryEntry(
        long sequence,
        @JsonSerialize(using = RecordedAtText.class) Instant recordedAt,
        String type,
        HistorySubject subject,
        String actor,
        String correlationId,
        StoredJson data,
        @JsonIgnore Class<? extends ProgrammeEvent> eventType) {
}
