package nl.koers.api.kpi;

import java.math.BigDecimal;
import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Answered with a {@link ReadingReceipt}. */
public record RecordReading(
        String programmeId,
        String kpiId,
        String readingId,
        BigDecimal value,
        Instant measuredAt,
        String source,
        String note) {

    @TargetAggregateIdentifier
    public String kpiKey() {
        return KpiKey.of(programmeId, kpiId);
    }
}
