package nl.koers.notify;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import nl.koers.api.signal.SignalAcknowledged;
import nl.koers.api.signal.SignalCleared;
import nl.koers.api.signal.SignalEvent;
import nl.koers.api.signal.SignalEvidenceUpdated;
import nl.koers.api.signal.SignalRaised;
import nl.koers.api.signal.SignalSeverityChanged;

/** What happened to a signal, as a webhook names it ({@code type} of a delivery). */
public enum SignalEventKind {
    RAISED("signal.raised"),
    ESCALATED("signal.escalated"),
    DEESCALATED("signal.deescalated"),
    UPDATED("signal.updated"),
    ACKNOWLEDGED("signal.acknowledged"),
    CLEARED("signal.cleared");

    /** Every signal event and what it is: a new signal event type is one more line here. */
    private static final Map<Class<? extends SignalEvent>, Function<SignalEvent, SignalEventKind>> KINDS = Map.of(
            SignalRaised.class, raised -> RAISED,
            SignalSeverityChanged.class, changed -> direction((SignalSeverityChanged) changed),
            SignalEvidenceUpdated.class, updated -> UPDATED,
            SignalAcknowledged.class, acknowledged -> ACKNOWLEDGED,
            SignalCleared.class, cleared -> CLEARED);

    private final String type;

    SignalEventKind(String type) {
        this.type = type;
    }

    public String type() {
        return type;
    }

    /** What a signal event is; empty for an event type without a line above. */
    public static Optional<SignalEventKind> of(SignalEvent event) {
        return Optional.ofNullable(KINDS.get(event.getClass())).map(kind -> kind.apply(event));
    }

    /** The signal event types that have a kind. */
    public static Set<Class<? extends SignalEvent>> signalEventTypes() {
        return KINDS.keySet();
    }

    private static SignalEventKind direction(SignalSeverityChanged changed) {
        return changed.severity().compareTo(changed.previousSeverity()) > 0 ? ESCALATED : DEESCALATED;
    }
}
