package nl.koers.api.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The plan line starts a new segment at this event's time, from the plan value there to the new target. */
public record KpiRetargeted(
        String programmeId,
        String kpiId,
        BigDecimal target,
        LocalDate targetDate,
        BigDecimal tolerance,
        BigDecimal previousTarget,
        LocalDate previousTargetDate,
        String reason) implements KpiEvent {
}
