package nl.koers.api.kpi;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the time-driven sweep: raise or clear KPI_STALE as of {@code now}. */
public record CheckKpiStaleness(String programmeId, String kpiId, Instant now) {

    @TargetAggregateIdentifier
    public String kpiKey() {
        return KpiKey.of(programmeId, kpiId);
    }
}
