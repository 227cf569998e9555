package nl.koers.api.signal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AcknowledgeSignal(SignalId signalId, String by, String note) {

    @TargetAggregateIdentifier
    public String ownerAggregateId() {
        return signalId.ownerAggregateId();
    }
}
