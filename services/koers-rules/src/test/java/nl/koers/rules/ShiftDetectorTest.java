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
 * The examples start with twelve deviations alternating +1, −1 (k = 0.5, h = 4.9, a deviation joins the usual level
 * five readings after it arrived). The 13th is scored against the first seven: mean 0.1429, sd 1.0690,
 * t = (x − 0.1429) / (1.0690 × √(1 + 1/7)) with 6 degrees of freedom; a −3 there is t = −2.7500, normal score
 * −2.1285. The 14th is scored against eight (mean 0, sd 1.0690), the 15th against nine (mean 0.1111, sd 1.0541): the
 * walk in README's worked example, checked against SciPy.
 */
class ShiftDetectorTest {

    private final ShiftDetector detector = ShiftDetector.STANDARD;

    @Test
    void threeReadingsAtMinusThreeAfterTwelveOfNoiseAreAShiftForTheWorse() {
        // given twelve alternating, then three of −3
        List<BigDecimal> deviations = alternatingThen(-3, -3, -3);
        // when detected
        Shift shift = detector.detect(deviations).orElseThrow();
        // then the worsening CUSUM is 0.2780 + 2.1285 − 0.5 + 2.1303 − 0.5 + 2.2702 − 0.5 = 5.3070 > 4.9: a WARNING
        assertThat(shift.direction()).isEqualTo(ShiftDirection.WORSENING);
        assertThat(shift.severity()).isEqualTo(Severity.WARNING);
        assertThat(shift.rule()).isEqualTo("SELF_STARTING_CUSUM");
        assertThat(round4(shift.statistic())).isEqualByComparingTo("5.3070");
        assertThat(shift.decisionInterval()).isEqualByComparingTo("4.9");
        assertThat(shift.allowance()).isEqualByComparingTo("0.5");
        // and the usual level is that of the nine readings the latest was scored against
        assertThat(round4(shift.mean())).isEqualByComparingTo("0.1111");
        assertThat(round4(shift.sigma())).isEqualByComparingTo("1.0541");
        assertThat(shift.baselineReadings()).isEqualTo(9);
        assertThat(shift.readings()).isEqualTo(8);
        // and the XmR centre line and limits for the latest deviation, for charts
        assertThat(shift.xmr()).isEqualTo(XmrRules.limitsForLatest(deviations).orElseThrow());
        assertThat(shift.explanation()).contains("self-starting CUSUM", "4.90", "0.11", "1.05", "9 earlier readings",
                "worse").doesNotContain("5.31");
    }

    @Test
    void twoReadingsAtMinusThreeAreNotYetAShift() {
        // 3.5368 ≤ 4.9
        assertThat(detector.detect(alternatingThen(-3, -3))).isEmpty();
    }

    @Test
    void whileTheShiftIsOpenItsReadingsDoNotTeachTheUsualLevel() {
        // given two more readings of −3 after the shift was found
        Shift shift = detector.detect(alternatingThen(-3, -3, -3, -3, -3)).orElseThrow();
        // then each is scored against the same nine (−2.2702 again), and the level stays theirs
        assertThat(round4(shift.statistic())).isEqualByComparingTo("8.8473");
        assertThat(round4(shift.mean())).isEqualByComparingTo("0.1111");
        assertThat(shift.baselineReadings()).isEqualTo(9);
        assertThat(shift.explanation())
                .isEqualTo(detector.detect(alternatingThen(-3, -3, -3)).orElseThrow().explanation());
    }

    @Test
    void anOpenShiftHoldsUntilItsCusumFallsToHalfTheDecisionInterval() {
        // readings of +1 score 0.7607 against the frozen level: 8.8473 falls by 1.2607 a reading;
        // after five it is 2.5436 > 2.45 (held), after six 1.2829 (cleared)
        assertThat(detector.detect(alternatingThen(-3, -3, -3, -3, -3, 1, 1, 1, 1, 1))).isPresent();
        assertThat(detector.detect(alternatingThen(-3, -3, -3, -3, -3, 1, 1, 1, 1, 1, 1))).isEmpty();
    }

    @Test
    void aShiftForTheBetterIsInfo() {
        // 1.4906, 3.1209, 4.7701, then 6.5295 > 4.9 at the fourth reading of +3
        assertThat(detector.detect(alternatingThen(3, 3, 3))).isEmpty();
        Shift shift = detector.detect(alternatingThen(3, 3, 3, 3)).orElseThrow();
        assertThat(shift.direction()).isEqualTo(ShiftDirection.IMPROVING);
        assertThat(shift.severity()).isEqualTo(Severity.INFO);
        assertThat(round4(shift.statistic())).isEqualByComparingTo("6.5295");
        assertThat(shift.explanation()).contains("better");
    }

    @Test
    void noiseLikeTheFirstReadingsIsQuiet() {
        assertThat(detector.detect(alternatingThen(1, -1, 1, -1, 1, -1, 1, -1))).isEmpty();
    }

    @Test
    void scoresFromTheEighthDeviation() {
        assertThat(detector.detect(List.of())).isEmpty();
        // seven quiet, then a far drop: not scored at the 7th (only one deviation has joined the level), the 8th is
        // scored against two (t = −115.47 with 1 degree of freedom: score −2.7754), the 9th against three (−4.0839)
        assertThat(detector.detect(decs(0.1, -0.1, 0.1, -0.1, 0.1, -0.1, -20))).isEmpty();
        assertThat(detector.detect(decs(0.1, -0.1, 0.1, -0.1, 0.1, -0.1, 0.1, -20))).isEmpty();
        assertThat(detector.detect(decs(0.1, -0.1, 0.1, -0.1, 0.1, -0.1, 0.1, -20, -20)))
                .hasValueSatisfying(shift -> assertThat(round4(shift.statistic())).isEqualByComparingTo("5.8593"));
    }

    @Test
    void equalDeviationsGiveNoNoiseToMeasureAgainst() {
        List<BigDecimal> deviations = new ArrayList<>(Collections.nCopies(30, BigDecimal.ZERO));
        assertThat(detector.detect(deviations)).isEmpty();
    }

    @Test
    void lowerIsBetterReadingsRisingIsAShiftForTheWorseWhateverTheirOrder() {
        // given a lead time whose target of 20 on 31 Jan 2024 has passed, so the plan stays 20;
        // weekly readings 19, 21, 19, … (deviations +1, −1, …) for twelve weeks, then three weeks of 23 (−3)
        PlanLine plan = PlanLine.of(dec("40"), date("2024-01-01"), target("20", "2024-01-31", "2"), List.of());
        List<Reading> readings = new ArrayList<>();
        for (int week = 0; week < 15; week++) {
            String value = week >= 12 ? "23" : week % 2 == 0 ? "19" : "21";
            readings.add(reading("w" + week, value, Days.startOf(date("2025-01-06").plusWeeks(week)).toString()));
        }
        Collections.shuffle(readings, new Random(7));
        // when their deviations, in measured order, are checked
        List<BigDecimal> deviations = KpiStatusRule.deviations(readings, plan, LOWER_IS_BETTER);
        // then it is the example above: a shift for the worse
        assertThat(detector.detect(deviations))
                .hasValueSatisfying(shift -> assertThat(round4(shift.statistic())).isEqualByComparingTo("5.3070"));
    }

    @Test
    void aWalkKeptOverTheDeviationsFindsWhatDetectFindsOverThemAllAtEveryOne() {
        // given seeded series of 300 noisy deviations whose level moves now and then
        Random random = new Random(26);
        int open = 0;
        for (int series = 0; series < 20; series++) {
            ShiftDetector.Walk walk = detector.walk();
            List<BigDecimal> deviations = new ArrayList<>();
            double level = 0;
            for (int i = 0; i < 300; i++) {
                level += random.nextDouble() < 0.02 ? random.nextGaussian() * 3 : 0;
                BigDecimal deviation = BigDecimal.valueOf(level + random.nextGaussian())
                        .setScale(2, RoundingMode.HALF_EVEN);
                deviations.add(deviation);
                // when one walk is given each in turn
                walk.add(deviation);
                // then it finds what a new walk over them all finds, to the last digit
                assertThat(walk.shift()).isEqualTo(detector.detect(deviations));
                open += walk.shift().isPresent() ? 1 : 0;
            }
        }
        assertThat(open).as("deviations at which a shift was open").isGreaterThan(500);
    }

    /** Twelve deviations alternating +1, −1, then the given latest ones. */
    private static List<BigDecimal> alternatingThen(double... latest) {
        List<BigDecimal> deviations = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            deviations.add(BigDecimal.valueOf(i % 2 == 0 ? 1 : -1));
        }
        deviations.addAll(decs(latest));
        return deviations;
    }

    private static BigDecimal round4(BigDecimal value) {
        return value.setScale(4, RoundingMode.HALF_UP);
    }
}
