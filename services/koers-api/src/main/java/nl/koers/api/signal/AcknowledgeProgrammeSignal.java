package nl.koers.api.signal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Acknowledges a signal the programme owns (milestone, evaluation and programme signals). Build it with
 * {@link AcknowledgeOwnedSignal#of}.
 */
public record AcknowledgeProgrammeSignal(SignalId signalId, String by, String note) implements AcknowledgeOwnedSignal {

    @TargetAggregateIdentifier
    public String ownerAggregateId() {
        return signalId.ownerAggregateId();
    }
}
