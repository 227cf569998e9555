package nl.koers.navigation.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import nl.koers.api.evaluation.Decision;
import nl.koers.api.evaluation.DeliveryConfidence;
import nl.koers.api.signal.Severity;
import nl.koers.navigation.signal.SignalViews;
import nl.koers.rules.Health;
import org.junit.jupiter.api.Test;

/** A programme's health, last delivery confidence and milestone slips, from rows alone. */
class ProgrammeViewsTest {

    @Test
    void healthFollowsTheMostSevereOpenSignal() {
        Map<Severity, Integer> counts = SignalViews.zeroCounts();
        assertThat(ProgrammeViews.health(counts)).isEqualTo(Health.GREEN);

        counts.put(Severity.CRITICAL, 1);

        assertThat(ProgrammeViews.health(counts)).isEqualTo(Health.RED);
    }

    @Test
    void theLastOutcomeIsOfTheEvaluationHeldLastAndOfTwoOnOneDayTheOneRecordedLast() {
        EvaluationView early = held("q1", "2026-04-02", "2026-04-02T10:00:00Z", DeliveryConfidence.GREEN);
        EvaluationView sameDayFirst = held("q2a", "2026-07-01", "2026-07-01T10:00:00Z", DeliveryConfidence.AMBER);
        EvaluationView sameDayLast = held("q2b", "2026-07-01", "2026-07-01T15:00:00Z", DeliveryConfidence.RED);
        EvaluationView notHeld = new EvaluationView("permits", "q3", "Q3", LocalDate.parse("2026-10-01"), null);

        assertThat(ProgrammeViews.lastOutcome(List.of(sameDayLast, early, notHeld, sameDayFirst)))
                .hasValue(sameDayLast.outcome());
    }

    @Test
    void aLateForecastSlipsTheMilestoneBySomeDaysAndAShareOfItsDuration() {
        MilestoneRow pilot = MilestoneRow.planned("permits", "pilot", "Pilot", null, LocalDate.parse("2026-05-01"))
                .withForecastDate(LocalDate.parse("2026-05-31"));

        MilestoneView view = ProgrammeViews.milestone(pilot, LocalDate.parse("2026-01-01"), List.of());

        assertThat(view.slipDays()).isEqualTo(30L);
        assertThat(view.slipPercent()).isEqualByComparingTo(new BigDecimal("25"));
        assertThat(ProgrammeViews.milestone(pilot.withForecastDate(null), LocalDate.parse("2026-01-01"), List.of())
                .slipDays()).isNull();
    }

    @Test
    void aMilestoneWithAStartDateOfItsOwnSlipsByAShareOfItsOwnDuration() {
        MilestoneRow pilot = MilestoneRow.planned("permits", "pilot", "Pilot", LocalDate.parse("2026-03-02"),
                LocalDate.parse("2026-05-01")).withForecastDate(LocalDate.parse("2026-05-31"));

        MilestoneView view = ProgrammeViews.milestone(pilot, LocalDate.parse("2026-01-01"), List.of());

        assertThat(view.startDate()).isEqualTo(LocalDate.parse("2026-03-02"));
        assertThat(view.slipPercent()).isEqualByComparingTo(new BigDecimal("50"));
    }

    private static EvaluationView held(String id, String heldOn, String recordedAt, DeliveryConfidence confidence) {
        return new EvaluationView("permits", id, id, LocalDate.parse(heldOn), new EvaluationView.Outcome(
                LocalDate.parse(heldOn), confidence, Decision.CONTINUE, "", List.of(), List.of(),
                Instant.parse(recordedAt)));
    }
}
