package nl.koers.api.programme;

import java.util.Set;

import nl.koers.api.kpi.Lever;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the sweep with the levers the programme's KPIs measure: raise or clear LEVER_UNMEASURED. */
public record AssessLeverCoverage(@TargetAggregateIdentifier String programmeId, Set<Lever> measuredLevers) {

    public AssessLeverCoverage {
        measuredLevers = measuredLevers == null ? Set.of() : Set.copyOf(measuredLevers);
    }
}
