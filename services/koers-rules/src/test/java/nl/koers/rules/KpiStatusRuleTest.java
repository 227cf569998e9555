package nl.koers.rules;

import static nl.koers.rules.Fixtures.at;
import static nl.koers.rules.Fixtures.date;
import static nl.koers.rules.Fixtures.dec;
import static nl.koers.rules.Fixtures.reading;
import static nl.koers.rules.Fixtures.retracted;
import static nl.koers.rules.Fixtures.target;
import static nl.koers.api.kpi.Direction.HIGHER_IS_BETTER;
import static nl.koers.api.kpi.Direction.LOWER_IS_BETTER;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import nl.koers.api.signal.Severity;

class KpiStatusRuleTest {

    private static final String FIRST_OF_MARCH = "2025-03-01";

    @Test
    void productExampleOnFirstOfMarch() {
        // given baseline 10 on 1 Jan, target 80 on 31 Dec, tolerance 5: the plan on 1 Mar is 21.35
        PlanLine plan = Fixtures.productExamplePlan();
        // when readings of 17, 12 and 11 are measured on 1 Mar
        Reading seventeen = reading("a", "17", FIRST_OF_MARCH);
        Reading twelve = reading("b", "12", FIRST_OF_MARCH);
        Reading eleven = reading("c", "11", FIRST_OF_MARCH);
        // then they deviate −4.35, −9.35, −10.35 and are GREEN, AMBER, RED
        assertThat(twoPlaces(KpiStatusRule.deviation(seventeen, plan, HIGHER_IS_BETTER))).isEqualByComparingTo("-4.35");
        assertThat(twoPlaces(KpiStatusRule.deviation(twelve, plan, HIGHER_IS_BETTER))).isEqualByComparingTo("-9.35");
        assertThat(twoPlaces(KpiStatusRule.deviation(eleven, plan, HIGHER_IS_BETTER))).isEqualByComparingTo("-10.35");
        assertThat(KpiStatusRule.statusOf(seventeen, plan, HIGHER_IS_BETTER)).isEqualTo(Status.GREEN);
        assertThat(KpiStatusRule.statusOf(twelve, plan, HIGHER_IS_BETTER)).isEqualTo(Status.AMBER);
        assertThat(KpiStatusRule.statusOf(eleven, plan, HIGHER_IS_BETTER)).isEqualTo(Status.RED);
    }

    @Test
    void bandEdgesLandWhereThePageSays() {
        // given the plan 0 → 100 over 1–11 Jan, tolerance 5: 25 at 3 Jan 12:00
        PlanLine plan = Fixtures.tenADayPlan();
        String when = "2025-01-03T12:00:00Z";
        // then 25 (on the plan) and 30 (better) are GREEN, 20 (exactly −tolerance) GREEN,
        // 19.99 AMBER, 15 (exactly −2 × tolerance) AMBER, 14.99 RED
        assertThat(KpiStatusRule.statusOf(reading("on", "25", when), plan, HIGHER_IS_BETTER)).isEqualTo(Status.GREEN);
        assertThat(KpiStatusRule.statusOf(reading("better", "30", when), plan, HIGHER_IS_BETTER)).isEqualTo(Status.GREEN);
        assertThat(KpiStatusRule.statusOf(reading("tol", "20", when), plan, HIGHER_IS_BETTER)).isEqualTo(Status.GREEN);
        assertThat(KpiStatusRule.statusOf(reading("past-tol", "19.99", when), plan, HIGHER_IS_BETTER)).isEqualTo(Status.AMBER);
        assertThat(KpiStatusRule.statusOf(reading("2tol", "15", when), plan, HIGHER_IS_BETTER)).isEqualTo(Status.AMBER);
        assertThat(KpiStatusRule.statusOf(reading("past-2tol", "14.99", when), plan, HIGHER_IS_BETTER)).isEqualTo(Status.RED);
    }

    @Test
    void bandsOfABareDeviation() {
        // tolerance 0.1: −0.1 GREEN, −0.1000001 AMBER, −0.2 AMBER, −0.2000001 RED, +7 GREEN
        assertThat(KpiStatusRule.statusOf(dec("-0.1"), dec("0.1"))).isEqualTo(Status.GREEN);
        assertThat(KpiStatusRule.statusOf(dec("-0.1000001"), dec("0.1"))).isEqualTo(Status.AMBER);
        assertThat(KpiStatusRule.statusOf(dec("-0.2"), dec("0.1"))).isEqualTo(Status.AMBER);
        assertThat(KpiStatusRule.statusOf(dec("-0.2000001"), dec("0.1"))).isEqualTo(Status.RED);
        assertThat(KpiStatusRule.statusOf(dec("7"), dec("0.1"))).isEqualTo(Status.GREEN);
    }

    @Test
    void lowerIsBetterFlipsTheDeviation() {
        // given a lead time planned 100 → 0 days over 1–11 Jan, tolerance 5: 75 at 3 Jan 12:00
        PlanLine plan = PlanLine.of(dec("100"), date("2025-01-01"), target("0", "2025-01-11", "5"), List.of());
        String when = "2025-01-03T12:00:00Z";
        // then 60 deviates +15 (better, GREEN); 80 deviates −5 (GREEN); 85 −10 (AMBER); 85.01 −10.01 (RED)
        assertThat(KpiStatusRule.deviation(reading("a", "60", when), plan, LOWER_IS_BETTER)).isEqualByComparingTo("15");
        assertThat(KpiStatusRule.statusOf(reading("a", "60", when), plan, LOWER_IS_BETTER)).isEqualTo(Status.GREEN);
        assertThat(KpiStatusRule.statusOf(reading("b", "80", when), plan, LOWER_IS_BETTER)).isEqualTo(Status.GREEN);
        assertThat(KpiStatusRule.statusOf(reading("c", "85", when), plan, LOWER_IS_BETTER)).isEqualTo(Status.AMBER);
        assertThat(KpiStatusRule.statusOf(reading("d", "85.01", when), plan, LOWER_IS_BETTER)).isEqualTo(Status.RED);
    }

    @Test
    void afterThePassedTargetDateReadingsAreJudgedAgainstTheTarget() {
        // given the product example, whose target date 31 Dec 2025 has passed by June 2026: the plan stays 80
        PlanLine plan = Fixtures.productExamplePlan();
        // then 75 (−5) is GREEN, 74 (−6) AMBER, 69 (−11) RED
        assertThat(KpiStatusRule.statusOf(reading("a", "75", "2026-06-01"), plan, HIGHER_IS_BETTER)).isEqualTo(Status.GREEN);
        assertThat(KpiStatusRule.statusOf(reading("b", "74", "2026-06-01"), plan, HIGHER_IS_BETTER)).isEqualTo(Status.AMBER);
        assertThat(KpiStatusRule.statusOf(reading("c", "69", "2026-06-01"), plan, HIGHER_IS_BETTER)).isEqualTo(Status.RED);
    }

    @Test
    void readingsAfterARetargetUseItsTolerance() {
        // given 0 → 100 over 1–11 Jan, tolerance 5, retargeted on 6 Jan to 80 on 16 Jan with tolerance 2 (65 on 11 Jan)
        PlanLine plan = PlanLine.of(dec("0"), date("2025-01-01"), target("100", "2025-01-11", "5"),
                List.of(Retarget.of(at("2025-01-06"), dec("80"), date("2025-01-16"), dec("2"))));
        // then 62 on 11 Jan (−3) is AMBER under tolerance 2, while 36 on 5 Jan (−4, plan 40) is GREEN under tolerance 5
        assertThat(KpiStatusRule.statusOf(reading("a", "62", "2025-01-11"), plan, HIGHER_IS_BETTER)).isEqualTo(Status.AMBER);
        assertThat(KpiStatusRule.statusOf(reading("b", "36", "2025-01-05"), plan, HIGHER_IS_BETTER)).isEqualTo(Status.GREEN);
    }

    @Test
    void noReadingsMeansNoData() {
        assertThat(KpiStatusRule.latest(List.of(), Fixtures.productExamplePlan(), HIGHER_IS_BETTER)).isEqualTo(Status.NO_DATA);
    }

    @Test
    void oneReadingGivesItsStatus() {
        // given one reading of 12 on 1 Mar (plan 21.35): AMBER
        List<Reading> readings = List.of(reading("a", "12", FIRST_OF_MARCH));
        assertThat(KpiStatusRule.latest(readings, Fixtures.productExamplePlan(), HIGHER_IS_BETTER)).isEqualTo(Status.AMBER);
    }

    @Test
    void theLatestByMeasuredAtCountsWhateverTheOrderTheyArrive() {
        // given, in shuffled order, 30 on 1 Feb, 25 on 1 Apr, and 11 on 1 Mar (RED) that was recorded last, on 1 May
        Reading april = reading("april", "25", "2025-04-01");
        Reading march = new Reading("march", dec("11"), at(FIRST_OF_MARCH), at("2025-05-01"), false);
        Reading february = reading("february", "30", "2025-02-01");
        // then the latest is 25 on 1 Apr, against a plan of 10 + 70 × 90 / 364 = 27.31: −2.31, GREEN
        assertThat(KpiStatusRule.latest(List.of(march, april, february), Fixtures.productExamplePlan(), HIGHER_IS_BETTER))
                .isEqualTo(Status.GREEN);
        assertThat(Readings.latest(List.of(march, april, february))).contains(april);
        assertThat(Readings.counted(List.of(march, april, february))).containsExactly(february, march, april);
    }

    @Test
    void aTieOnMeasuredAtGoesToTheLaterRecordedAt() {
        // given two readings for 1 Mar: 17 (GREEN) recorded on 2 Mar, 11 (RED) recorded on 3 Mar
        Instant measured = at(FIRST_OF_MARCH);
        Reading earlier = new Reading("z", dec("17"), measured, at("2025-03-02"), false);
        Reading later = new Reading("a", dec("11"), measured, at("2025-03-03"), false);
        // then the KPI is RED, in either order
        assertThat(KpiStatusRule.latest(List.of(earlier, later), Fixtures.productExamplePlan(), HIGHER_IS_BETTER)).isEqualTo(Status.RED);
        assertThat(KpiStatusRule.latest(List.of(later, earlier), Fixtures.productExamplePlan(), HIGHER_IS_BETTER)).isEqualTo(Status.RED);
    }

    @Test
    void retractedReadingsDoNotCount() {
        // given 17 on 1 Mar (GREEN) and a retracted 11 on 2 Mar
        List<Reading> readings = List.of(reading("a", "17", FIRST_OF_MARCH), retracted("b", "11", "2025-03-02"));
        // then the KPI is GREEN; with only the retracted one it has NO_DATA
        assertThat(KpiStatusRule.latest(readings, Fixtures.productExamplePlan(), HIGHER_IS_BETTER)).isEqualTo(Status.GREEN);
        assertThat(KpiStatusRule.latest(List.of(retracted("b", "11", "2025-03-02")), Fixtures.productExamplePlan(), HIGHER_IS_BETTER))
                .isEqualTo(Status.NO_DATA);
        assertThat(KpiStatusRule.deviations(readings, Fixtures.tenADayPlan(), HIGHER_IS_BETTER)).hasSize(1);
    }

    @Test
    void deviationsComeInMeasuredOrder() {
        // given the 10-a-day plan, 30 on 3 Jan (plan 20, +10) and 35 on 2 Jan (plan 10, +25), given newest first
        List<Reading> readings = List.of(reading("b", "30", "2025-01-03"), reading("a", "35", "2025-01-02"));
        assertThat(KpiStatusRule.deviations(readings, Fixtures.tenADayPlan(), HIGHER_IS_BETTER)).containsExactly(dec("25"), dec("10"));
    }

    @Test
    void offPlanSeverityFollowsTheStatus() {
        assertThat(KpiStatusRule.offPlanSeverity(Status.AMBER)).contains(Severity.WARNING);
        assertThat(KpiStatusRule.offPlanSeverity(Status.RED)).contains(Severity.CRITICAL);
        assertThat(KpiStatusRule.offPlanSeverity(Status.GREEN)).isEmpty();
        assertThat(KpiStatusRule.offPlanSeverity(Status.NO_DATA)).isEmpty();
    }

    private static BigDecimal twoPlaces(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
