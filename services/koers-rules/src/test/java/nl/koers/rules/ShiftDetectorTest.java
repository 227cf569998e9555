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
 * The examples start with ten deviations alternating +1, −1 (k = 0.5, h = 4.2). The 11th is scored against the ten
 * before it: mean 0, sd 1.0541, t = (x − 0) / (1.0541 × √(1 + 1/10)) with 9 degrees of freedom; a −3 there is
 * t = −2.7136, normal score −2.2594. The 12th is scored against eleven (mean −0.2727, sd 1.3484), and so on: the
 * figures below are the walk in docs/BENCHMARKS.md, checked against SciPy.
 */
class ShiftDetectorTest {

    private final ShiftDetector detector = ShiftDetector.STANDARD;

    @Test
    void threeReadingsAtMinusThreeAfterTenOfNoiseAreAShiftForTheWorse() {
        // given ten alternating, then three of −3
        List<BigDecimal> deviations = alternatingThen(-3, -3, -3);
        // when detected
        Shift shift = detector.detect(deviations).orElseThrow();
        // then the worsening CUSUM is 0.4412 + 2.2594 − 0.5 + 1.7417 − 0.5 + 1.4780 − 0.5 = 4.4204 > 4.2: a WARNING
        assertThat(shift.direction()).isEqualTo(ShiftDirection.WORSENING);
        assertThat(shift.severity()).isEqualTo(Severity.WARNING);
        assertThat(shift.rule()).isEqualTo("SELF_STARTING_CUSUM");
        assertThat(round4(shift.statistic())).isEqualByComparingTo("4.4204");
        assertThat(shift.decisionInterval()).isEqualByComparingTo("4.2");
        assertThat(shift.allowance()).isEqualByComparingTo("0.5");
        // and the usual level is that of the twelve readings before the shift was found
        assertThat(round4(shift.mean())).isEqualByComparingTo("-0.5000");
        assertThat(round4(shift.sigma())).isEqualByComparingTo("1.5076");
        assertThat(shift.baselineReadings()).isEqualTo(12);
        assertThat(shift.readings()).isEqualTo(11);
        // and the XmR centre line and limits for the latest deviation, for charts
        assertThat(shift.xmr()).isEqualTo(XmrRules.limitsForLatest(deviations));
        assertThat(shift.explanation()).contains("self-starting CUSUM", "4.20", "-0.50", "1.51", "12 readings", "worse")
                .doesNotContain("4.42");
    }

    @Test
    void twoReadingsAtMinusThreeAreNotYetAShift() {
        // 3.4424 ≤ 4.2
        assertThat(detector.detect(alternatingThen(-3, -3))).isEmpty();
    }

    @Test
    void whileTheShiftIsOpenItsReadingsDoNotTeachTheUsualLevel() {
        // given two more readings of −3 after the shift was found
        Shift shift = detector.detect(alternatingThen(-3, -3, -3, -3, -3)).orElseThrow();
        // then each is scored against the twelve before the shift (−1.4780 again), and the level stays theirs
        assertThat(round4(shift.statistic())).isEqualByComparingTo("6.3764");
        assertThat(round4(shift.mean())).isEqualByComparingTo("-0.5000");
        assertThat(shift.baselineReadings()).isEqualTo(12);
        assertThat(shift.explanation()).isEqualTo(detector.detect(alternatingThen(-3, -3, -3)).orElseThrow().explanation());
    }

    @Test
    void anOpenShiftHoldsUntilItsCusumFallsToHalfTheDecisionInterval() {
        // readings of 0 score 0.3108 against the frozen level: 6.3764 falls by 0.8108 a reading;
        // after five it is 2.3224 > 2.1 (held), after six 1.5116 (cleared)
        assertThat(detector.detect(alternatingThen(-3, -3, -3, -3, -3, 0, 0, 0, 0, 0))).isPresent();
        assertThat(detector.detect(alternatingThen(-3, -3, -3, -3, -3, 0, 0, 0, 0, 0, 0))).isEmpty();
    }

    @Test
    void aShiftForTheBetterIsInfo() {
        Shift shift = detector.detect(alternatingThen(3, 3, 3, 3)).orElseThrow();
        assertThat(shift.direction()).isEqualTo(ShiftDirection.IMPROVING);
        assertThat(shift.severity()).isEqualTo(Severity.INFO);
        assertThat(shift.explanation()).contains("better");
    }

    @Test
    void noiseLikeTheFirstReadingsIsQuiet() {
        assertThat(detector.detect(alternatingThen(1, -1, 1, -1, 1, -1, 1, -1))).isEmpty();
    }

    @Test
    void watchesFromTheThirdDeviation() {
        assertThat(detector.detect(List.of())).isEmpty();
        assertThat(detector.detect(decs(1, -1))).isEmpty();
        // a far drop after four quiet readings: t = −154.92 with 2 degrees of freedom, score −4.9935, CUSUM 4.7953;
        // before the 7th deviation there are no XmR limits to chart
        assertThat(detector.detect(decs(0.1, -0.1, 0.1, -0.1, -20))).hasValueSatisfying(shift -> {
            assertThat(round4(shift.statistic())).isEqualByComparingTo("4.7953");
            assertThat(shift.xmr()).isEmpty();
        });
    }

    @Test
    void equalDeviationsGiveNoNoiseToMeasureAgainst() {
        List<BigDecimal> deviations = new ArrayList<>(Collections.nCopies(30, BigDecimal.ZERO));
        assertThat(detector.detect(deviations)).isEmpty();
    }

    @Test
    void lowerIsBetterReadingsRisingIsAShiftForTheWorseWhateverTheirOrder() {
        // given a lead time whose target of 20 on 31 Jan 2024 has passed, so the plan stays 20;
        // weekly readings 19, 21, 19, … (deviations +1, −1, …) for ten weeks, then three weeks of 23 (−3)
        PlanLine plan = PlanLine.of(dec("40"), date("2024-01-01"), target("20", "2024-01-31", "2"), List.of());
        List<Reading> readings = new ArrayList<>();
        for (int week = 0; week < 13; week++) {
            String value = week >= 10 ? "23" : week % 2 == 0 ? "19" : "21";
            readings.add(reading("w" + week, value, Days.startOf(date("2025-01-06").plusWeeks(week)).toString()));
        }
        Collections.shuffle(readings, new Random(7));
        // when their deviations, in measured order, are checked
        List<BigDecimal> deviations = KpiStatusRule.deviations(readings, plan, LOWER_IS_BETTER);
        // then it is the example above: a shift for the worse
        assertThat(detector.detect(deviations))
                .hasValueSatisfying(shift -> assertThat(round4(shift.statistic())).isEqualByComparingTo("4.4204"));
    }

    /** Ten deviations alternating +1, −1, then the given latest ones. */
    static List<BigDecimal> alternatingThen(double... latest) {
        List<BigDecimal> deviations = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            deviations.add(BigDecimal.valueOf(i % 2 == 0 ? 1 : -1));
        }
        deviations.addAll(decs(latest));
        return deviations;
    }

    private static BigDecimal round4(BigDecimal value) {
        return value.setScale(4, RoundingMode.HALF_UP);
    }
}
