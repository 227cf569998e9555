package nl.koers.api.kpi;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the sweep once a KPI's programme is closed: every open signal of the KPI clears. */
public record ClearKpiSignals(String programmeId, String kpiId, String reason) {

    @TargetAggregateIdentifier
    public String kpiKey() {
        return KpiKey.of(programmeId, kpiId);
    }
}
