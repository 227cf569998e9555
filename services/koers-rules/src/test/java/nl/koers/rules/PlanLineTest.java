package nl.koers.rules;

import static nl.koers.rules.Fixtures.at;
import static nl.koers.rules.Fixtures.date;
import static nl.koers.rules.Fixtures.dec;
import static nl.koers.rules.Fixtures.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.RoundingMode;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.koers.api.kpi.Direction;
import nl.koers.api.kpi.KpiDefined;

class PlanLineTest {

    @Test
    void productExamplePlanOnFirstOfMarch() {
        // given baseline 10 on 1 Jan, target 80 on 31 Dec (364 days later)
        PlanLine plan = Fixtures.productExamplePlan();
        // when read on 1 Mar (59 days in)
        // then 10 + 70 × 59 / 364 = 21.346… = 21.35 to two places
        assertThat(plan.valueAt(at("2025-03-01")).setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("21.35");
    }

    @Test
    void runsStraightInFractionalDays() {
        // given 0 on 1 Jan to 100 on 11 Jan: 10 a day
        PlanLine plan = Fixtures.tenADayPlan();
        // then at 3 Jan 12:00 (2.5 days in) the plan is 25, and at 1 Jan 06:00 (0.25 days) 2.5
        assertThat(plan.valueAt(at("2025-01-03T12:00:00Z"))).isEqualByComparingTo("25");
        assertThat(plan.valueAt(at("2025-01-01T06:00:00Z"))).isEqualByComparingTo("2.5");
    }

    @Test
    void staysAtBaselineBeforeTheBaselineDateAndAtTargetAfterTheTargetDate() {
        PlanLine plan = Fixtures.tenADayPlan();
        // before 1 Jan: 0; on 1 Jan: 0; on 11 Jan: 100; a year later (target date in the past): 100
        assertThat(plan.valueAt(at("2024-06-01"))).isEqualByComparingTo("0");
        assertThat(plan.valueAt(at("2025-01-01"))).isEqualByComparingTo("0");
        assertThat(plan.valueAt(at("2025-01-11"))).isEqualByComparingTo("100");
        assertThat(plan.valueAt(at("2026-01-11"))).isEqualByComparingTo("100");
    }

    @Test
    void aRetargetStartsANewSegmentFromThePlanValueThere() {
        // given 0 → 100 over 1–11 Jan (tolerance 5), retargeted on 6 Jan 00:00 (plan 50 there) to 80 on 16 Jan, tolerance 2
        PlanLine plan = PlanLine.of(dec("0"), date("2025-01-01"), target("100", "2025-01-11", "5"),
                List.of(Retarget.of(at("2025-01-06"), dec("80"), date("2025-01-16"), dec("2"))));
        // then before the retarget the old line holds: 3 Jan 12:00 → 25
        assertThat(plan.valueAt(at("2025-01-03T12:00:00Z"))).isEqualByComparingTo("25");
        // and from 6 Jan it runs 50 → 80 over 10 days, 3 a day: 6 Jan → 50, 11 Jan → 65, 16 Jan → 80, later → 80
        assertThat(plan.valueAt(at("2025-01-06"))).isEqualByComparingTo("50");
        assertThat(plan.valueAt(at("2025-01-11"))).isEqualByComparingTo("65");
        assertThat(plan.valueAt(at("2025-01-16"))).isEqualByComparingTo("80");
        assertThat(plan.valueAt(at("2025-03-01"))).isEqualByComparingTo("80");
        // and the tolerance in force changes at the retarget's moment
        assertThat(plan.toleranceAt(at("2025-01-05T23:59:59Z"))).isEqualByComparingTo("5");
        assertThat(plan.toleranceAt(at("2025-01-06"))).isEqualByComparingTo("2");
        assertThat(plan.toleranceAt(at("2024-12-01"))).isEqualByComparingTo("5");
        assertThat(plan.currentTarget()).isEqualTo(target("80", "2025-01-16", "2"));
        assertThat(plan.currentSegmentStart()).isEqualTo(at("2025-01-06"));
    }

    @Test
    void retargetsCountInEffectiveOrderWhateverTheirOrderInTheList() {
        // given two retargets: 6 Jan → 80 on 16 Jan; 11 Jan (plan 65 there) → 65 on 21 Jan (flat)
        Retarget first = Retarget.of(at("2025-01-06"), dec("80"), date("2025-01-16"), dec("2"));
        Retarget second = Retarget.of(at("2025-01-11"), dec("65"), date("2025-01-21"), dec("3"));
        Target original = target("100", "2025-01-11", "5");
        PlanLine inOrder = PlanLine.of(dec("0"), date("2025-01-01"), original, List.of(first, second));
        PlanLine reversed = PlanLine.of(dec("0"), date("2025-01-01"), original, List.of(second, first));
        // then both read 65 on 14 Jan, and the second retarget's tolerance 3 is in force
        assertThat(inOrder.valueAt(at("2025-01-14"))).isEqualByComparingTo("65");
        assertThat(reversed.valueAt(at("2025-01-14"))).isEqualByComparingTo("65");
        assertThat(reversed.toleranceAt(at("2025-01-14"))).isEqualByComparingTo("3");
        assertThat(reversed.currentTarget().date()).isEqualTo(date("2025-01-21"));
    }

    @Test
    void aRetargetAfterTheTargetDateStartsFromTheTargetValue() {
        // given 0 → 100 reached on 11 Jan, retargeted on 21 Jan to 200 on 31 Jan: 10 a day from 100
        PlanLine plan = PlanLine.of(dec("0"), date("2025-01-01"), target("100", "2025-01-11", "5"),
                List.of(Retarget.of(at("2025-01-21"), dec("200"), date("2025-01-31"), dec("5"))));
        // then 15 Jan stays 100, 26 Jan is 150
        assertThat(plan.valueAt(at("2025-01-15"))).isEqualByComparingTo("100");
        assertThat(plan.valueAt(at("2025-01-26"))).isEqualByComparingTo("150");
    }

    @Test
    void itsCornersAreEachSegmentsStartAndTheTargetsReachedBeforeTheNextSegment() {
        // given 0 → 100 reached on 11 Jan (tolerance 5), retargeted on 21 Jan to 200 on 31 Jan (tolerance 8)
        PlanLine plan = PlanLine.of(dec("0"), date("2025-01-01"), target("100", "2025-01-11", "5"),
                List.of(Retarget.of(at("2025-01-21"), dec("200"), date("2025-01-31"), dec("8"))));
        // then the corners: the baseline, the first target, the retarget's start and its target
        assertThat(plan.points()).containsExactly(
                new PlanLine.Point(at("2025-01-01"), dec("0"), dec("5")),
                new PlanLine.Point(at("2025-01-11"), dec("100"), dec("5")),
                new PlanLine.Point(at("2025-01-21"), dec("100"), dec("8")),
                new PlanLine.Point(at("2025-01-31"), dec("200"), dec("8")));
    }

    @Test
    void aRetargetBeforeTheTargetDateCutsTheFirstSegmentShort() {
        // given 0 → 100 on 11 Jan, retargeted on 6 Jan (plan 50 there) to 80 on 16 Jan
        PlanLine plan = PlanLine.of(dec("0"), date("2025-01-01"), target("100", "2025-01-11", "5"),
                List.of(Retarget.of(at("2025-01-06"), dec("80"), date("2025-01-16"), dec("2"))));
        // then the first target is never a corner
        assertThat(plan.points()).extracting(PlanLine.Point::at)
                .containsExactly(at("2025-01-01"), at("2025-01-06"), at("2025-01-16"));
        assertThat(plan.points().get(1).value()).isEqualByComparingTo("50");
    }

    @Test
    void aRetargetToADateAlreadyPassedJumpsToTheNewTarget() {
        // given a retarget on 6 Jan to 70 "on 5 Jan": the new segment has no length
        PlanLine plan = PlanLine.of(dec("0"), date("2025-01-01"), target("100", "2025-01-11", "5"),
                List.of(Retarget.of(at("2025-01-06"), dec("70"), date("2025-01-05"), dec("5"))));
        // then the plan is 40 just before, and 70 from 6 Jan on
        assertThat(plan.valueAt(at("2025-01-05"))).isEqualByComparingTo("40");
        assertThat(plan.valueAt(at("2025-01-06"))).isEqualByComparingTo("70");
        assertThat(plan.valueAt(at("2025-01-09"))).isEqualByComparingTo("70");
    }

    @Test
    void isBuiltFromAKpiDefinition() {
        KpiDefined defined = new KpiDefined("p", "k", "Adoption", "%", Direction.HIGHER_IS_BETTER,
                dec("10"), date("2025-01-01"), dec("80"), date("2025-12-31"), dec("5"), "P1M", null, null);
        PlanLine plan = PlanLine.of(defined, List.of());
        assertThat(plan.valueAt(at("2025-03-01"))).isEqualByComparingTo(Fixtures.productExamplePlan().valueAt(at("2025-03-01")));
        assertThat(plan.currentTarget()).isEqualTo(target("80", "2025-12-31", "5"));
    }

    @Test
    void refusesATargetDateNotAfterTheBaselineDate() {
        assertThatThrownBy(() -> PlanLine.of(dec("0"), date("2025-01-01"), target("100", "2025-01-01", "5"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
