package nl.koers.api.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;

public record KpiDefined(
        String programmeId,
        String kpiId,
        String name,
        String unit,
        Direction direction,
        BigDecimal baseline,
        LocalDate baselineDate,
        BigDecimal target,
        LocalDate targetDate,
        BigDecimal tolerance,
        String cadence,
        String objectiveId,
        Lever lever) implements KpiEvent {
}
