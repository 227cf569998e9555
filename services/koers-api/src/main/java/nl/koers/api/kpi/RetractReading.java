package nl.koers.api.kpi;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RetractReading(String programmeId, String kpiId, String readingId, String reason) {

    @TargetAggregateIdentifier
    public String kpiKey() {
        return KpiKey.of(programmeId, kpiId);
    }
}
