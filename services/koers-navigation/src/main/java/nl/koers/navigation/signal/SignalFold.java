package nl.koers.navigation.signal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.koers.api.ProgrammeEvent;
import nl.koers.api.signal.SignalAcknowledged;
import nl.koers.api.signal.SignalCleared;
import nl.koers.api.signal.SignalEvidenceUpdated;
import nl.koers.api.signal.SignalRaised;
import nl.koers.api.signal.SignalSeverityChanged;
import nl.koers.api.signal.SignalState;
import nl.koers.api.signal.Subject;

/**
 * Signals as the events up to some moment leave them: the same changes {@link SignalProjection} makes to its
 * table, made in memory, for views as of a past moment.
 */
public class SignalFold {

    private final Map<String, SignalView> signals = new LinkedHashMap<>();

    public void apply(ProgrammeEvent event, Instant at) {
        if (event instanceof SignalRaised raised) {
            signals.put(raised.signalId(), new SignalView(raised.signalId(), raised.type(), raised.severity(),
                    SignalState.OPEN, raised.subject(), at, raised.explanation(), raised.evidence(), null, null));
        } else if (event instanceof SignalSeverityChanged changed) {
            signals.computeIfPresent(changed.signalId(),
                    (id, s) -> s.withFacts(changed.severity(), changed.explanation(), changed.evidence()));
        } else if (event instanceof SignalEvidenceUpdated updated) {
            signals.computeIfPresent(updated.signalId(),
                    (id, s) -> s.withFacts(s.severity(), updated.explanation(), updated.evidence()));
        } else if (event instanceof SignalAcknowledged acknowledged) {
            signals.computeIfPresent(acknowledged.signalId(), (id, s) -> s.acknowledgedBy(
                    new SignalView.Acknowledgement(at, acknowledged.by(), acknowledged.note())));
        } else if (event instanceof SignalCleared cleared) {
            signals.computeIfPresent(cleared.signalId(), (id, s) -> s.clearedOn(at));
        }
    }

    /** Goes on from a signal as an earlier fold left it. */
    public void restore(SignalView signal) {
        signals.put(signal.id(), signal);
    }

    /** The signal as the events so far leave it. */
    public Optional<SignalView> signal(String signalId) {
        return Optional.ofNullable(signals.get(signalId));
    }

    /** The signals that pass the filter, newest first. */
    public List<SignalView> signals(SignalFilter filter) {
        return signals.values().stream()
                .filter(s -> filter.programmeId() == null || filter.programmeId().equals(s.subject().programmeId()))
                .filter(s -> filter.state() == null || filter.state() == s.state())
                .filter(s -> filter.severity() == null || filter.severity() == s.severity())
                .filter(s -> filter.type() == null || filter.type() == s.type())
                .sorted(SignalViews.NEWEST_FIRST)
                .toList();
    }

    /** The OPEN and ACKNOWLEDGED signals, newest first. */
    public List<SignalView> open() {
        return signals.values().stream().filter(s -> s.state() != SignalState.CLEARED).sorted(SignalViews.NEWEST_FIRST).toList();
    }

    /** The OPEN and ACKNOWLEDGED signals about one subject, newest first. */
    public List<SignalView> open(Subject subject) {
        return open().stream().filter(s -> s.subject().equals(subject)).toList();
    }
}
