package nl.koers.navigation.programme;

import static nl.koers.navigation.SampleEvents.KPI;
import static nl.koers.navigation.SampleEvents.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import nl.koers.api.ProgrammeEvent;
import nl.koers.api.kpi.ReadingCorrected;
import nl.koers.api.kpi.ReadingRetracted;
import nl.koers.api.milestone.MilestoneRebaselined;
import nl.koers.api.programme.ProgrammePaused;
import nl.koers.api.programme.ProgrammeStatus;
import nl.koers.api.signal.SignalEvidenceUpdated;
import nl.koers.api.signal.SignalSeverityChanged;
import nl.koers.navigation.SampleEvents;
import nl.koers.rules.Status;
import org.junit.jupiter.api.Test;

/** A programme folded from its events in memory, as the as-of views see it. */
class ProgrammeFoldTest {

    private static final Instant RAISED_AT = Instant.parse("2026-03-02T11:00:00Z");
    private static final Instant LATER = Instant.parse("2026-03-09T09:00:00Z");

    private final ProgrammeFold fold = new ProgrammeFold();

    @Test
    void nothingIsDefinedBeforeTheProgramme() {
        assertThat(fold.defined()).isFalse();
    }

    @Test
    void aCorrectionChangesTheValueAndMarksTheReadingAndARetractionTakesItOutOfTheStatus() {
        given(SampleEvents.DEFINED, SampleEvents.KPI_DEFINED, SampleEvents.RECORDED);
        assertThat(fold.kpi(KPI, NOW).status()).isEqualTo(Status.RED);

        when(SampleEvents.of(ReadingCorrected.class));

        ReadingView corrected = fold.kpi(KPI, NOW).readings().get(0);
        assertThat(corrected.value()).isEqualByComparingTo("20");
        assertThat(corrected.corrected()).isTrue();

        when(SampleEvents.of(ReadingRetracted.class));

        assertThat(fold.kpi(KPI, NOW).readings().get(0).retracted()).isTrue();
        assertThat(fold.kpi(KPI, NOW).status()).isEqualTo(Status.NO_DATA);
    }

    @Test
    void aRebaselineMovesTheDueDateAndKeepsTheOriginalAndTheRecord() {
        given(SampleEvents.DEFINED, SampleEvents.PLANNED);

        when(SampleEvents.of(MilestoneRebaselined.class));

        MilestoneView pilot = fold.view(NOW).milestones().get(0);
        assertThat(pilot.dueDate()).hasToString("2026-07-01");
        assertThat(pilot.originalDueDate()).hasToString("2026-06-01");
        assertThat(pilot.rebaselines()).singleElement().satisfies(r -> assertThat(r.rebaselinedAt()).isEqualTo(LATER));
    }

    @Test
    void aPauseChangesTheStatusAndAnOpenSignalTheHealth() {
        given(SampleEvents.DEFINED, SampleEvents.KPI_DEFINED, SampleEvents.RAISED);

        when(SampleEvents.of(ProgrammePaused.class));

        ProgrammeView programme = fold.view(NOW);
        assertThat(programme.status()).isEqualTo(ProgrammeStatus.PAUSED);
        assertThat(programme.health()).hasToString("RED");
        assertThat(fold.summary().health()).isEqualTo(programme.health());
        assertThat(fold.kpi(KPI, NOW).signals()).singleElement().extracting(s -> s.id()).isEqualTo(SampleEvents.SIGNAL);
    }

    @Test
    void onlyARaiseOrAnEscalationCountsAsTheSignalsLastEscalation() {
        given(SampleEvents.DEFINED, SampleEvents.KPI_DEFINED, SampleEvents.RAISED);

        when(SampleEvents.of(SignalSeverityChanged.class));
        when(SampleEvents.of(SignalEvidenceUpdated.class));

        assertThat(fold.lastEscalation()).containsEntry(SampleEvents.SIGNAL, RAISED_AT);
    }

    private void given(ProgrammeEvent... events) {
        for (ProgrammeEvent event : events) {
            fold.apply(event, RAISED_AT);
        }
    }

    private void when(ProgrammeEvent event) {
        fold.apply(event, LATER);
    }
}
