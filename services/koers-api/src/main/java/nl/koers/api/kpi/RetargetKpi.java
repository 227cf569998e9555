package nl.koers.api.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A new target from now on; {@code tolerance} is optional and keeps the current one when null. */
public record RetargetKpi(
        String programmeId,
        String kpiId,
        BigDecimal target,
        LocalDate targetDate,
        BigDecimal tolerance,
        String reason) {

    @TargetAggregateIdentifier
    public String kpiKey() {
        return KpiKey.of(programmeId, kpiId);
    }
}
