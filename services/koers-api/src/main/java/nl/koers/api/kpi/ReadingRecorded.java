package nl.koers.api.kpi;

import java.math.BigDecimal;
import java.time.Instant;

/** {@code measuredAt} is valid time (when it was true); the event's own timestamp is when we learned it. */
public record ReadingRecorded(
        String programmeId,
        String kpiId,
        String readingId,
        BigDecimal value,
        Instant measuredAt,
        String source,
        String note) implements KpiEvent {
}
