package nl.koers.api.kpi;

import java.math.BigDecimal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CorrectReading(String programmeId, String kpiId, String readingId, BigDecimal value, String reason) {

    @TargetAggregateIdentifier
    public String kpiKey() {
        return KpiKey.of(programmeId, kpiId);
    }
}
