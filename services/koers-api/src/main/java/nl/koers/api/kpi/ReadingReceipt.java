package nl.koers.api.kpi;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The reading as first recorded. {@code duplicate} is true when the same readingId, value and measuredAt had been
 * recorded before, so nothing new was stored.
 */
public record ReadingReceipt(
        String programmeId,
        String kpiId,
        String readingId,
        BigDecimal value,
        Instant measuredAt,
        Instant recordedAt,
        String source,
        String note,
        boolean duplicate) {
}
