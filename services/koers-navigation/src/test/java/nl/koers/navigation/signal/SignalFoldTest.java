package nl.koers.navigation.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import nl.koers.api.signal.Severity;
import nl.koers.api.signal.SignalAcknowledged;
import nl.koers.api.signal.SignalCleared;
import nl.koers.api.signal.SignalRaised;
import nl.koers.api.signal.SignalState;
import nl.koers.api.signal.SignalType;
import nl.koers.api.signal.Subject;
import nl.koers.navigation.SampleEvents;
import org.junit.jupiter.api.Test;

/** Signals folded from their events, newest first, as GET /signals?asOf shows them. */
class SignalFoldTest {

    private static final Instant FIRST = Instant.parse("2026-03-02T11:00:00Z");
    private static final Instant SECOND = Instant.parse("2026-03-03T11:00:00Z");

    private final SignalFold fold = new SignalFold();

    @Test
    void anAcknowledgedSignalStaysOpenAndAClearedOneDoesNot() {
        SignalRaised other = new SignalRaised(SampleEvents.PROGRAMME, "permits.milestone.pilot.milestone_overdue.1",
                SignalType.MILESTONE_OVERDUE, Subject.milestone(SampleEvents.PROGRAMME, "pilot"), Severity.CRITICAL,
                "overdue", Map.of());
        fold.apply(SampleEvents.RAISED, FIRST);
        fold.apply(other, SECOND);

        fold.apply(SampleEvents.of(SignalAcknowledged.class), SECOND);

        assertThat(fold.open()).extracting(SignalView::id).containsExactly(other.signalId(), SampleEvents.SIGNAL);
        assertThat(fold.open(SampleEvents.SIGNAL_SUBJECT)).singleElement()
                .satisfies(signal -> assertThat(signal.state()).isEqualTo(SignalState.ACKNOWLEDGED));

        fold.apply(SampleEvents.of(SignalCleared.class), SECOND);

        assertThat(fold.open()).extracting(SignalView::id).containsExactly(other.signalId());
        assertThat(fold.signals(new SignalFilter(SampleEvents.PROGRAMME, SignalState.CLEARED, null, null)))
                .singleElement().satisfies(signal -> assertThat(signal.clearedAt()).isEqualTo(SECOND));
        assertThat(SignalViews.openCounts(fold.open())).containsEntry(Severity.CRITICAL, 1)
                .containsEntry(Severity.WARNING, 0);
    }
}
