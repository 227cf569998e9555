package nl.koers.tracking.signal;

import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY;
import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE;
import static nl.koers.tracking.Require.notBlank;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.eventsourcing.EventSourcingHandler;

import nl.koers.api.ConflictException;
import nl.koers.api.NotFoundException;
import nl.koers.api.signal.Severity;
import nl.koers.api.signal.SignalAcknowledged;
import nl.koers.api.signal.SignalCleared;
import nl.koers.api.signal.SignalEvidenceUpdated;
import nl.koers.api.signal.SignalId;
import nl.koers.api.signal.SignalRaised;
import nl.koers.api.signal.SignalSeverityChanged;
import nl.koers.api.signal.SignalState;
import nl.koers.api.signal.SignalType;
import nl.koers.api.signal.Subject;

/**
 * The signals an aggregate owns, one slot per type and subject. Its owner asks it which events bring the signals in
 * line with what the rules detect now ({@link #reconcile}) and applies them; as an {@code @AggregateMember} of its
 * owner, the board receives those events in its own event sourcing handlers, and only those change it. So a signal
 * is raised once per condition, whatever the number of checks, and replaying the events never raises it again.
 * While a signal stays open at the same severity, a check whose sentence differs from the signal's records the new
 * sentence and numbers ({@link SignalEvidenceUpdated}): an open signal always says what the facts are now.
 */
@JsonAutoDetect(fieldVisibility = ANY, getterVisibility = NONE, isGetterVisibility = NONE)
public class SignalBoard {

    /** By {@link #key}; a slot remembers how often its signal was raised, so a returning condition gets a new id. */
    private Map<String, Slot> slots = new HashMap<>();

    /** What a rule found: the signal's severity, its sentence with the numbers, and the same numbers as fields. */
    public record Detected(Severity severity, String explanation, Map<String, Object> evidence) {

        public Detected {
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(explanation, "explanation");
            evidence = Map.copyOf(evidence);
        }
    }

    /** The latest raise of a type on a subject, where that signal stands, and the sentence it shows. */
    record Slot(Subject subject, SignalType type, int raises, Severity severity, SignalState state, String explanation) {

        SignalId currentId() {
            return SignalId.of(subject, type, raises);
        }

        Slot with(Severity newSeverity, SignalState newState) {
            return new Slot(subject, type, raises, newSeverity, newState, explanation);
        }

        Slot saying(String newExplanation) {
            return new Slot(subject, type, raises, severity, state, newExplanation);
        }
    }

    /**
     * The events that bring the signal of {@code type} on {@code subject} in line with {@code detected}: a raise
     * when it holds and no signal is open, a severity change when it holds at another severity, an evidence update
     * when it holds at the same severity with another sentence, a clearing (saying {@code clearedBecause}) when it no
     * longer holds; none when nothing changes.
     */
    public List<Object> reconcile(Subject subject, SignalType type, Optional<Detected> detected, String clearedBecause) {
        return reconcile(subject, type, detected, clearedBecause, true, true);
    }

    /**
     * Like {@link #reconcile}, but raising and escalating nothing: for signals that only the sweep raises, which a
     * command may clear or bring up to date.
     */
    public List<Object> reconcileWithoutRaising(
            Subject subject, SignalType type, Optional<Detected> detected, String clearedBecause) {
        return reconcile(subject, type, detected, clearedBecause, false, true);
    }

    /**
     * Like {@link #reconcile} for the sweep of time-driven signals: time passing changes no fact, so an open signal's
     * sentence stays as the last fact left it (its day counts as of then). {@code mayRaise} false (a programme that
     * is not ACTIVE) raises and escalates nothing either; the signal may still clear.
     */
    public List<Object> reconcileAsTimePasses(
            Subject subject, SignalType type, Optional<Detected> detected, String clearedBecause, boolean mayRaise) {
        return reconcile(subject, type, detected, clearedBecause, mayRaise, false);
    }

    private List<Object> reconcile(Subject subject, SignalType type, Optional<Detected> detected, String clearedBecause,
                                   boolean mayRaise, boolean mayUpdate) {
        Optional<Slot> open = open(subject, type);
        if (detected.isEmpty()) {
            return open.<List<Object>>map(slot -> List.of(cleared(slot, clearedBecause))).orElse(List.of());
        }
        Detected now = detected.get();
        if (open.isEmpty()) {
            if (!mayRaise) {
                return List.of();
            }
            int raise = Optional.ofNullable(slots.get(key(subject, type))).map(Slot::raises).orElse(0) + 1;
            return List.of(new SignalRaised(subject.programmeId(), SignalId.of(subject, type, raise).toString(), type,
                    subject, now.severity(), now.explanation(), now.evidence()));
        }
        Slot slot = open.get();
        if (slot.severity() != now.severity()) {
            return mayRaise
                    ? List.of(new SignalSeverityChanged(subject.programmeId(), slot.currentId().toString(), type,
                            subject, slot.severity(), now.severity(), now.explanation(), now.evidence()))
                    : List.of();
        }
        if (!mayUpdate || now.explanation().equals(slot.explanation())) {
            return List.of();
        }
        return List.of(new SignalEvidenceUpdated(subject.programmeId(), slot.currentId().toString(), type, subject,
                slot.severity(), now.explanation(), now.evidence()));
    }

    /** The clearing of the open signal of {@code type} on {@code subject}, if there is one. */
    public List<Object> clear(Subject subject, SignalType type, String because) {
        return reconcile(subject, type, Optional.empty(), because);
    }

    /** The clearing of every open signal, in a stable order. */
    public List<Object> clearAll(String because) {
        List<Object> events = new ArrayList<>();
        new TreeMap<>(slots).values().stream()
                .filter(slot -> slot.state().isOpen())
                .forEach(slot -> events.add(cleared(slot, because)));
        return events;
    }

    public boolean isOpen(Subject subject, SignalType type) {
        return open(subject, type).isPresent();
    }

    /**
     * The acknowledgement of {@code signalId} by {@code by} with {@code note}, or empty when it is acknowledged
     * already. Only the latest raise of its slot can be acknowledged, and only while it has not cleared.
     *
     * @throws NotFoundException when this board never raised that signal
     * @throws ConflictException when the signal has cleared
     */
    public Optional<SignalAcknowledged> acknowledge(SignalId signalId, String by, String note) {
        Slot slot = slots.get(key(signalId.subject(), signalId.type()));
        if (slot == null || signalId.raise() > slot.raises()) {
            throw new NotFoundException("There is no signal '" + signalId + "'.");
        }
        if (signalId.raise() < slot.raises() || slot.state() == SignalState.CLEARED) {
            throw new ConflictException("Signal " + signalId + " has cleared; cleared signals cannot be acknowledged.");
        }
        notBlank(by, "by");
        notBlank(note, "note");
        if (slot.state() == SignalState.ACKNOWLEDGED) {
            return Optional.empty();
        }
        return Optional.of(new SignalAcknowledged(signalId.subject().programmeId(), signalId.toString(), by, note));
    }

    @EventSourcingHandler
    void on(SignalRaised event) {
        int raise = SignalId.parse(event.signalId()).map(SignalId::raise).orElseThrow();
        slots.put(key(event.subject(), event.type()),
                new Slot(event.subject(), event.type(), raise, event.severity(), SignalState.OPEN, event.explanation()));
    }

    @EventSourcingHandler
    void on(SignalSeverityChanged event) {
        slots.computeIfPresent(key(event.subject(), event.type()),
                (key, slot) -> slot.with(event.severity(), slot.state()).saying(event.explanation()));
    }

    @EventSourcingHandler
    void on(SignalEvidenceUpdated event) {
        slots.computeIfPresent(key(event.subject(), event.type()), (key, slot) -> slot.saying(event.explanation()));
    }

    @EventSourcingHandler
    void on(SignalAcknowledged event) {
        SignalId.parse(event.signalId()).ifPresent(signalId -> slots.computeIfPresent(
                key(signalId.subject(), signalId.type()),
                (key, slot) -> slot.with(slot.severity(), SignalState.ACKNOWLEDGED)));
    }

    @EventSourcingHandler
    void on(SignalCleared event) {
        slots.computeIfPresent(key(event.subject(), event.type()),
                (key, slot) -> slot.with(slot.severity(), SignalState.CLEARED));
    }

    private Optional<Slot> open(Subject subject, SignalType type) {
        return Optional.ofNullable(slots.get(key(subject, type))).filter(slot -> slot.state().isOpen());
    }

    private static SignalCleared cleared(Slot slot, String because) {
        return new SignalCleared(slot.subject().programmeId(), slot.currentId().toString(), slot.type(), slot.subject(),
                because);
    }

    /** Subject ids are slugs without dots, so this key names one slot. */
    private static String key(Subject subject, SignalType type) {
        return subject.kind() + "." + subject.id() + "." + type;
    }
}
