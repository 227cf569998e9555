package nl.koers.navigation.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import nl.koers.api.ProgrammeEvent;
import nl.koers.api.kpi.KpiDefined;
import nl.koers.api.kpi.ReadingCorrected;
import nl.koers.api.kpi.ReadingRecorded;
import nl.koers.api.milestone.MilestoneAchieved;
import nl.koers.api.signal.SignalEvent;
import nl.koers.api.signal.SignalSeverityChanged;
import org.junit.jupiter.api.Test;

/** A period's events grouped the way a steering committee reads them, by their type. */
class ChangeGroupTest {

    private static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-04-01T00:00:00Z");

    @Test
    void everyEventLandsInExactlyOneGroupAndASeverityChangeByItsDirection() {
        HistoryEntry defined = entry(1, KpiDefined.class);
        HistoryEntry recorded = entry(2, ReadingRecorded.class);
        HistoryEntry corrected = entry(3, ReadingCorrected.class);
        HistoryEntry achieved = entry(4, MilestoneAchieved.class);
        HistoryEntry escalated = entry(5, SignalSeverityChanged.class);
        HistoryEntry deescalated = entry(6, SignalSeverityChanged.class);

        Changes changes = ChangeGroup.group(FROM, TO,
                List.of(defined, recorded, corrected, achieved, escalated, deescalated), entry -> entry == escalated);

        assertThat(changes.readings()).containsExactly(recorded);
        assertThat(changes.correctionsAndRetractions()).containsExactly(corrected);
        assertThat(changes.milestoneMoves()).containsExactly(achieved);
        assertThat(changes.signals().escalated()).containsExactly(escalated);
        assertThat(changes.signals().deescalated()).containsExactly(deescalated);
        assertThat(changes.other()).containsExactly(defined);
        assertThat(changes.decisions()).isEmpty();
    }

    @Test
    void aTypeNoGroupNamesIsAMistakeNotAnOtherChange() {
        assertThatThrownBy(() -> ChangeGroup.of(SignalEvent.class)).isInstanceOf(IllegalArgumentException.class);
    }

    private static HistoryEntry entry(long sequence, Class<? extends ProgrammeEvent> type) {
        return new HistoryEntry(sequence, FROM.plusSeconds(sequence), type.getSimpleName(),
                new HistorySubject(HistorySubject.Kind.PROGRAMME, "permits"), "tester", null,
                StoredJson.ofUtf8("{}".getBytes(StandardCharsets.UTF_8)), type);
    }
}
