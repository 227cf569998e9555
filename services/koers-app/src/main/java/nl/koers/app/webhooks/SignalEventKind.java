package nl.koers.app.webhooks;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import nl.koers.api.ProgrammeEvent;
import nl.koers.api.signal.SignalAcknowledged;
import nl.koers.api.signal.SignalCleared;
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
    private static final List<Mapping<?>> MAPPINGS = List.of(
            new Mapping<>(SignalRaised.class, SignalRaised::signalId, raised -> RAISED),
            new Mapping<>(SignalSeverityChanged.class, SignalSeverityChanged::signalId,
                    changed -> changed.severity().compareTo(changed.previousSeverity()) > 0 ? ESCALATED : DEESCALATED),
            new Mapping<>(SignalAcknowledged.class, SignalAcknowledged::signalId, acknowledged -> ACKNOWLEDGED),
            new Mapping<>(SignalCleared.class, SignalCleared::signalId, cleared -> CLEARED));

    private final String type;

    SignalEventKind(String type) {
        this.type = type;
    }

    public String type() {
        return type;
    }

    /** A signal event's signal and kind; empty for events that are not about a signal. */
    public record Of(String signalId, SignalEventKind kind) {
    }

    public static Optional<Of> of(ProgrammeEvent event) {
        return MAPPINGS.stream().filter(mapping -> mapping.type().isInstance(event)).findFirst()
                .map(mapping -> mapping.of(event));
    }

    /** The event types that are about a signal. */
    public static List<Class<?>> signalEventTypes() {
        return MAPPINGS.stream().<Class<?>>map(Mapping::type).toList();
    }

    private record Mapping<E>(Class<E> type, Function<E, String> signalId, Function<E, SignalEventKind> kind) {

        Of of(ProgrammeEvent event) {
            E typed = type.cast(event);
            return new Of(signalId.apply(typed), kind.apply(typed));
        }
    }
}
