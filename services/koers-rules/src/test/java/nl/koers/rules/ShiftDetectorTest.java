package nl.koers.rules;

import static nl.koers.rules.Fixtures.date;
import static nl.koers.rules.Fixtures.dec;
import static nl.koers.rules.Fixtures.decs;
import static nl.koers.rules.Fixtures.reading;
import static nl.koers.rules.Fixtures.target;
import static nl.koers.api.kpi.Direction.LOWER_IS_BETTER;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import nl.koers.api.signal.Severity;

/**
 * The baseline in these examples is −1, +1 alternating thirty times: mean 0, every moving range 2, so
 * σ = 2 / 1.128 = 1.7730; k = 0.5 σ = 0.8865; h = 5.75 σ = 10.1950, and the CUSUM starts at h / 2 = 5.0975 (the fast
 * initial response). A reading of −3 adds 3 − 0.8865 = 2.1135 to the worsening CUSUM, a reading of 0 takes 0.8865 off.
 */
class ShiftDetectorTest {

    private static final Optional<ShiftDirection> NONE_OPEN = Optional.empty();

    private final ShiftDetector detector = ShiftDetector.STANDARD;

    @Test
    void threeReadingsThreeBelowTheBaselineRightAfterItAreAShiftForTheWorse() {
        // given the baseline, then three readings of −3
        List<BigDecimal> deviations = baselineThen(-3, -3, -3);
        // when detected
        Shift shift = detector.detect(deviations, NONE_OPEN).orElseThrow();
        // then the CUSUM is 5.0975 + 3 × 2.1135 = 11.4379 > 10.1950: a WARNING, with the numbers
        assertThat(shift.direction()).isEqualTo(ShiftDirection.WORSENING);
        assertThat(shift.severity()).isEqualTo(Severity.WARNING);
        assertThat(shift.rule()).isEqualTo("CUSUM");
        assertThat(round4(shift.statistic())).isEqualByComparingTo("11.4379");
        assertThat(round4(shift.decisionInterval())).isEqualByComparingTo("10.1950");
        assertThat(round4(shift.allowance())).isEqualByComparingTo("0.8865");
        assertThat(round4(shift.sigma())).isEqualByComparingTo("1.7730");
        assertThat(shift.mean()).isEqualByComparingTo("0");
        assertThat(shift.readings()).isEqualTo(3);
        // and the XmR centre line and limits for the latest deviation, for charts
        assertThat(shift.xmr()).isEqualTo(XmrRules.limitsForLatest(deviations).orElseThrow());
        assertThat(shift.explanation()).contains("CUSUM", "10.20", "0.00", "1.77", "worse").doesNotContain("11.44");
    }

    @Test
    void twoReadingsThreeBelowAreNotYetAShift() {
        // 5.0975 + 2 × 2.1135 = 9.3245 ≤ 10.1950
        assertThat(detector.detect(baselineThen(-3, -3), NONE_OPEN)).isEmpty();
    }

    @Test
    void theFastInitialResponseFadesOnReadingsAtTheBaselineLevel() {
        // given six readings of 0 (5.0975 − 6 × 0.8865 < 0: back at 0), then −3: four of them reach 8.45 (quiet),
        // five 10.57 (a shift)
        assertThat(detector.detect(baselineThen(0, 0, 0, 0, 0, 0, -3, -3, -3, -3), NONE_OPEN)).isEmpty();
        assertThat(detector.detect(baselineThen(0, 0, 0, 0, 0, 0, -3, -3, -3, -3, -3), NONE_OPEN))
                .hasValueSatisfying(shift -> assertThat(round4(shift.statistic())).isEqualByComparingTo("10.5674"));
    }

    @Test
    void aShiftForTheBetterIsInfo() {
        Shift shift = detector.detect(baselineThen(3, 3, 3), NONE_OPEN).orElseThrow();
        assertThat(shift.direction()).isEqualTo(ShiftDirection.IMPROVING);
        assertThat(shift.severity()).isEqualTo(Severity.INFO);
        assertThat(shift.explanation()).contains("better");
    }

    @Test
    void anOpenShiftHoldsUntilItsCusumFallsToHalfTheDecisionInterval() {
        Optional<ShiftDirection> open = Optional.of(ShiftDirection.WORSENING);
        // 11.4379 − 0.8865 × 2 = 9.6649: under h, but above h / 2: it holds when open, and is quiet when not
        assertThat(detector.detect(baselineThen(-3, -3, -3, 0, 0), open)).isPresent();
        assertThat(detector.detect(baselineThen(-3, -3, -3, 0, 0), NONE_OPEN)).isEmpty();
        // seven readings of 0 take it to 5.23, eight to 4.35 ≤ 5.0975: cleared
        assertThat(detector.detect(baselineThen(-3, -3, -3, 0, 0, 0, 0, 0, 0, 0), open)).isPresent();
        assertThat(detector.detect(baselineThen(-3, -3, -3, 0, 0, 0, 0, 0, 0, 0, 0), open)).isEmpty();
        // and an open shift for the better does not hold a worsening CUSUM
        assertThat(detector.detect(baselineThen(-3, -3, -3, 0, 0), Optional.of(ShiftDirection.IMPROVING))).isEmpty();
    }

    @Test
    void noiseLikeTheBaselineIsQuiet() {
        assertThat(detector.detect(baselineThen(1, -1, 1, -1, 1, -1, 1, -1), NONE_OPEN)).isEmpty();
    }

    @Test
    void needsThirtyDeviationsBeforeAnyItJudges() {
        List<BigDecimal> deviations = new ArrayList<>(XmrRulesTest.alternatingOnes(30));
        assertThat(detector.detect(deviations, NONE_OPEN)).isEmpty();
        assertThat(detector.detect(List.of(), NONE_OPEN)).isEmpty();
        assertThat(detector.detect(decs(-9, -9, -9, -9, -9, -9, -9, -9), NONE_OPEN)).isEmpty();
    }

    @Test
    void theBaselineIsFixedAndTheCusumRunsOverTheLatest52() {
        // given the baseline, 60 readings of 0 and then five of −3
        double[] latest = new double[65];
        java.util.Arrays.fill(latest, 60, 65, -3);
        Shift shift = detector.detect(baselineThen(latest), NONE_OPEN).orElseThrow();
        // then the baseline is still the first thirty, and the CUSUM ran over the latest 52: back at 0 after the
        // zeros, 5 × 2.1135 = 10.5674 after the five
        assertThat(round4(shift.sigma())).isEqualByComparingTo("1.7730");
        assertThat(shift.readings()).isEqualTo(52);
        assertThat(round4(shift.statistic())).isEqualByComparingTo("10.5674");
    }

    @Test
    void aBaselineWithoutNoiseGivesNothingToMeasureAgainst() {
        List<BigDecimal> deviations = new ArrayList<>(Collections.nCopies(30, BigDecimal.ZERO));
        deviations.addAll(decs(-3, -3, -3, -3, -3, -3, -3, -3));
        assertThat(detector.detect(deviations, NONE_OPEN)).isEmpty();
    }

    @Test
    void lowerIsBetterReadingsRisingIsAShiftForTheWorseWhateverTheirOrder() {
        // given a lead time whose target of 20 on 31 Jan 2024 has passed, so the plan stays 20;
        // weekly readings 21, 19, 21, … (deviations −1, +1, …) for thirty weeks, then three weeks of 23 (−3)
        PlanLine plan = PlanLine.of(dec("40"), date("2024-01-01"), target("20", "2024-01-31", "2"), List.of());
        List<Reading> readings = new ArrayList<>();
        for (int week = 0; week < 33; week++) {
            String value = week >= 30 ? "23" : week % 2 == 0 ? "21" : "19";
            readings.add(reading("w" + week, value, Days.startOf(date("2025-01-06").plusWeeks(week)).toString()));
        }
        Collections.shuffle(readings, new Random(7));
        // when their deviations, in measured order, are checked
        List<BigDecimal> deviations = KpiStatusRule.deviations(readings, plan, LOWER_IS_BETTER);
        // then it is the example above: a shift for the worse
        assertThat(detector.detect(deviations, NONE_OPEN))
                .hasValueSatisfying(shift -> assertThat(shift.direction()).isEqualTo(ShiftDirection.WORSENING));
    }

    /** The alternating baseline of thirty, then the given latest deviations. */
    private static List<BigDecimal> baselineThen(double... latest) {
        List<BigDecimal> deviations = new ArrayList<>(XmrRulesTest.alternatingOnes(30));
        deviations.addAll(decs(latest));
        return deviations;
    }

    private static BigDecimal round4(BigDecimal value) {
        return value.setScale(4, RoundingMode.HALF_UP);
    }
}
