package nl.koers.api.signal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Acknowledges a KPI signal; its KPI owns it. Build it with {@link AcknowledgeOwnedSignal#of}. */
public record AcknowledgeKpiSignal(SignalId signalId, String by, String note) implements AcknowledgeOwnedSignal {

    @TargetAggregateIdentifier
    public String ownerAggregateId() {
        return signalId.ownerAggregateId();
    }
}
