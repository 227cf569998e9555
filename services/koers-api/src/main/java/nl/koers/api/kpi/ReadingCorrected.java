package nl.koers.api.kpi;

import java.math.BigDecimal;

import nl.koers.api.ProgrammeEvent;

public record ReadingCorrected(
        String programmeId,
        String kpiId,
        String readingId,
        BigDecimal value,
        BigDecimal previousValue,
        String reason) implements ProgrammeEvent {
}
