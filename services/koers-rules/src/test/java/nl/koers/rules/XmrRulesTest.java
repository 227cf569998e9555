package nl.koers.rules;

import static nl.koers.rules.Fixtures.decs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class XmrRulesTest {

    @Test
    void limitsOfABaseline() {
        // given 10, 12, 11, 13, 12: mean 58 / 5 = 11.6; moving ranges 2, 1, 2, 1, average 1.5
        XmrLimits limits = XmrLimits.of(decs(10, 12, 11, 13, 12));
        // then the natural process limits are 11.6 ∓ 2.66 × 1.5 = 7.61 and 15.59, the upper range limit 3.267 × 1.5 = 4.9005
        assertThat(limits.centreLine()).isEqualByComparingTo("11.6");
        assertThat(limits.averageMovingRange()).isEqualByComparingTo("1.5");
        assertThat(limits.lowerNaturalProcessLimit()).isEqualByComparingTo("7.61");
        assertThat(limits.upperNaturalProcessLimit()).isEqualByComparingTo("15.59");
        assertThat(limits.upperRangeLimit()).isEqualByComparingTo("4.9005");
    }

    @Test
    void aBaselineNeedsTwoValues() {
        assertThatThrownBy(() -> XmrLimits.of(decs(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void needsSixDeviationsBeforeTheLatest() {
        // given five before the latest, however far off it is: nothing
        assertThat(XmrRules.limitsForLatest(decs(0, 1, 0, 1, 0, -100))).isEmpty();
        assertThat(XmrRules.evaluate(decs(0, 1, 0, 1, 0, -100))).isEmpty();
        assertThat(XmrRules.evaluate(decs())).isEmpty();
        assertThat(XmrRules.evaluate(decs(-100))).isEmpty();
    }

    @Test
    void aPointBeyondTheNaturalProcessLimits() {
        // given 0, 1, 0, 1, 0, 1 before the latest: mean 0.5, average moving range 1, limits 0.5 ∓ 2.66 = −2.16 and 3.16
        // then −2.17 is beyond for the worse, 3.17 for the better, and −2.16 (on the limit) is not beyond
        assertThat(XmrRules.evaluate(decs(0, 1, 0, 1, 0, 1, -2.17))).hasValueSatisfying(signal -> {
            assertThat(signal.rule()).isEqualTo(XmrRules.Rule.POINT_BEYOND_LIMITS);
            assertThat(signal.direction()).isEqualTo(ShiftDirection.WORSENING);
            assertThat(signal.limits().lowerNaturalProcessLimit()).isEqualByComparingTo("-2.16");
        });
        assertThat(XmrRules.evaluate(decs(0, 1, 0, 1, 0, 1, 3.17)))
                .hasValueSatisfying(signal -> assertThat(signal.direction()).isEqualTo(ShiftDirection.IMPROVING));
        assertThat(XmrRules.evaluate(decs(0, 1, 0, 1, 0, 1, -2.16))).isEmpty();
    }

    @Test
    void limitsComeFromTheUpToTwentyDeviationsBeforeTheLatest() {
        // given four old outliers of 1000, then 0, 1 alternating twenty times, then the latest 0.5
        List<BigDecimal> deviations = new ArrayList<>(decs(1000, 1000, 1000, 1000));
        for (int i = 0; i < 20; i++) {
            deviations.add(BigDecimal.valueOf(i % 2));
        }
        deviations.add(new BigDecimal("0.5"));
        // then the outliers fall outside the window: mean 0.5, average moving range 1
        XmrLimits limits = XmrRules.limitsForLatest(deviations).orElseThrow();
        assertThat(limits.centreLine()).isEqualByComparingTo("0.5");
        assertThat(limits.averageMovingRange()).isEqualByComparingTo("1");
    }

    @Test
    void eightInARowOnOneSideOfTheCentreLine() {
        // given −1, +1 alternating twelve times (ending on +1), then −0.5 eight times
        List<BigDecimal> deviations = alternatingOnes(12);
        List<BigDecimal> seven = new ArrayList<>(deviations);
        seven.addAll(decs(-0.5, -0.5, -0.5, -0.5, -0.5, -0.5, -0.5));
        List<BigDecimal> eight = new ArrayList<>(seven);
        eight.add(new BigDecimal("-0.5"));
        // then with eight the centre line is −3.5 / 19 = −0.18 and all eight lie below it, within the limits
        assertThat(XmrRules.evaluate(eight)).hasValueSatisfying(signal -> {
            assertThat(signal.rule()).isEqualTo(XmrRules.Rule.RUN_ON_ONE_SIDE);
            assertThat(signal.direction()).isEqualTo(ShiftDirection.WORSENING);
        });
        // and seven in a row (the eighth back is +1) is not yet a run
        assertThat(XmrRules.evaluate(seven)).isEmpty();
        // and the mirror image is a run for the better
        assertThat(XmrRules.evaluate(eight.stream().map(BigDecimal::negate).toList()))
                .hasValueSatisfying(signal -> assertThat(signal.direction()).isEqualTo(ShiftDirection.IMPROVING));
    }

    static List<BigDecimal> alternatingOnes(int count) {
        List<BigDecimal> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(BigDecimal.valueOf(i % 2 == 0 ? -1 : 1));
        }
        return values;
    }
}
