package nl.koers.api.kpi;

import java.math.BigDecimal;

public record ReadingCorrected(
        String programmeId,
        String kpiId,
        String readingId,
        BigDecimal value,
        BigDecimal previousValue,
        String reason) implements KpiEvent {
}
