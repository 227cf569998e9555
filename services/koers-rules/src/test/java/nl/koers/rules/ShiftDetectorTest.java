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
import java.util.Random;

import org.junit.jupiter.api.Test;
import nl.koers.api.signal.Severity;

/**
 * The baseline in these examples is −1, +1 alternating twenty times: mean 0, every moving range 2, so
 * σ = 2 / 1.128 = 1.7730; k = 0.5 σ = 0.8865; h = 6.5 σ = 11.5248. A reading of −3 adds 3 − 0.8865 = 2.1135 to the
 * worsening CUSUM: five of them reach 10.57 (quiet), six reach 12.68 (a shift).
 */
class ShiftDetectorTest {

    private final ShiftDetector detector = ShiftDetector.STANDARD;

    @Test
    void sixReadingsThreeBelowTheUsualLevelAreAShiftForTheWorse() {
        // given the baseline, then 0, 0 and six readings of −3
        List<BigDecimal> deviations = baselineThen(0, 0, -3, -3, -3, -3, -3, -3);
        // when detected
        Shift shift = detector.detect(deviations).orElseThrow();
        // then the CUSUM is 6 × 3 − 6 × 0.8865 = 12.68 > 11.52: a WARNING, with the numbers
        assertThat(shift.direction()).isEqualTo(ShiftDirection.WORSENING);
        assertThat(shift.severity()).isEqualTo(Severity.WARNING);
        assertThat(shift.rule()).isEqualTo("CUSUM");
        assertThat(round4(shift.statistic())).isEqualByComparingTo("12.6809");
        assertThat(round4(shift.decisionInterval())).isEqualByComparingTo("11.5248");
        assertThat(round4(shift.allowance())).isEqualByComparingTo("0.8865");
        assertThat(round4(shift.sigma())).isEqualByComparingTo("1.7730");
        assertThat(shift.mean()).isEqualByComparingTo("0");
        assertThat(shift.readings()).isEqualTo(8);
        // and the XmR centre line and limits for the latest deviation, for charts
        assertThat(shift.xmr()).isEqualTo(XmrRules.limitsForLatest(deviations).orElseThrow());
        assertThat(shift.explanation()).contains("CUSUM", "12.68", "11.52", "0.00", "1.77", "worse");
    }

    @Test
    void fiveReadingsThreeBelowAreNotYetAShift() {
        // given the baseline, then 0, 0, 0 and five readings of −3: 5 × 2.1135 = 10.57 ≤ 11.52
        assertThat(detector.detect(baselineThen(0, 0, 0, -3, -3, -3, -3, -3))).isEmpty();
    }

    @Test
    void aShiftForTheBetterIsInfo() {
        Shift shift = detector.detect(baselineThen(0, 0, 3, 3, 3, 3, 3, 3)).orElseThrow();
        assertThat(shift.direction()).isEqualTo(ShiftDirection.IMPROVING);
        assertThat(shift.severity()).isEqualTo(Severity.INFO);
        assertThat(shift.explanation()).contains("better");
    }

    @Test
    void noiseLikeTheBaselineIsQuiet() {
        assertThat(detector.detect(baselineThen(1, -1, 1, -1, 1, -1, 1, -1))).isEmpty();
    }

    @Test
    void needsTwentyDeviationsBeforeTheLatestEight() {
        // given 27 deviations: nothing, however far off the latest
        List<BigDecimal> deviations = new ArrayList<>(XmrRulesTest.alternatingOnes(19));
        deviations.addAll(decs(-9, -9, -9, -9, -9, -9, -9, -9));
        assertThat(detector.detect(deviations)).isEmpty();
        assertThat(detector.detect(List.of())).isEmpty();
        assertThat(detector.detect(decs(-9))).isEmpty();
    }

    @Test
    void onlyTheTwentyBeforeTheLatestEightMakeTheBaseline() {
        // given ten wild deviations before the baseline: the same shift as without them
        List<BigDecimal> deviations = new ArrayList<>(Collections.nCopies(10, dec("1000")));
        deviations.addAll(baselineThen(0, 0, -3, -3, -3, -3, -3, -3));
        assertThat(detector.detect(deviations)).hasValueSatisfying(shift -> assertThat(shift.mean()).isEqualByComparingTo("0"));
    }

    @Test
    void aBaselineWithoutNoiseGivesNothingToMeasureAgainst() {
        // given twenty deviations of exactly 0 (σ = 0), then eight of −3
        List<BigDecimal> deviations = new ArrayList<>(Collections.nCopies(20, BigDecimal.ZERO));
        deviations.addAll(decs(-3, -3, -3, -3, -3, -3, -3, -3));
        assertThat(detector.detect(deviations)).isEmpty();
    }

    @Test
    void lowerIsBetterReadingsRisingIsAShiftForTheWorseWhateverTheirOrder() {
        // given a lead time whose target of 20 on 31 Jan 2024 has passed, so the plan stays 20;
        // weekly readings 21, 19, 21, … (deviations −1, +1, …) for twenty weeks, then 20, 20, then six weeks of 23 (−3)
        PlanLine plan = PlanLine.of(dec("40"), date("2024-01-01"), target("20", "2024-01-31", "2"), List.of());
        List<Reading> readings = new ArrayList<>();
        double[] values = {21, 19, 21, 19, 21, 19, 21, 19, 21, 19, 21, 19, 21, 19, 21, 19, 21, 19, 21, 19, 20, 20, 23, 23, 23, 23, 23, 23};
        for (int week = 0; week < values.length; week++) {
            readings.add(reading("w" + week, String.valueOf(values[week]), Days.startOf(date("2025-01-06").plusWeeks(week)).toString()));
        }
        Collections.shuffle(readings, new Random(7));
        // when their deviations, in measured order, are checked
        List<BigDecimal> deviations = KpiStatusRule.deviations(readings, plan, LOWER_IS_BETTER);
        // then it is the example above: a shift for the worse
        assertThat(detector.detect(deviations))
                .hasValueSatisfying(shift -> assertThat(shift.direction()).isEqualTo(ShiftDirection.WORSENING));
    }

    /** The alternating baseline of twenty, then the given latest eight. */
    private static List<BigDecimal> baselineThen(double... latestEight) {
        List<BigDecimal> deviations = new ArrayList<>(XmrRulesTest.alternatingOnes(20));
        deviations.addAll(decs(latestEight));
        return deviations;
    }

    private static BigDecimal round4(BigDecimal value) {
        return value.setScale(4, RoundingMode.HALF_UP);
    }
}
