package nl.koers.api.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DefineKpi(
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
        Lever lever) {

    @TargetAggregateIdentifier
    public String kpiKey() {
        return KpiKey.of(programmeId, kpiId);
    }
}
