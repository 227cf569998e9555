package nl.koers.rules;

import static nl.koers.rules.Fixtures.at;
import static nl.koers.rules.Fixtures.date;
import static nl.koers.rules.Fixtures.dec;
import static nl.koers.rules.Fixtures.reading;
import static nl.koers.rules.Fixtures.target;
import static nl.koers.api.kpi.Direction.HIGHER_IS_BETTER;
import static nl.koers.api.kpi.Direction.LOWER_IS_BETTER;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import nl.koers.api.signal.Severity;

class KpiForecastMissTest {

    private static final BigDecimal WEEKLY = dec("7");
    /** 10, 11, 12, 13 weekly from 1 Jan 2025: 1/7 a day, 62 on 31 Dec 2025 (day 364). */
    private static final List<Reading> RISING_A_WEEK = List.of(
            reading("a", "10", "2025-01-01"), reading("b", "11", "2025-01-08"),
            reading("c", "12", "2025-01-15"), reading("d", "13", "2025-01-22"));

    @Test
    void missesWhenTheForecastIsWorseThanTargetByMoreThanTheTolerance() {
        // given the product example's plan: 80 on 31 Dec, tolerance 5, and readings heading for 62 there
        PlanLine plan = Fixtures.productExamplePlan();
        // when evaluated on 1 Feb
        KpiForecastMiss miss = KpiForecastMiss.evaluate(RISING_A_WEEK, plan, HIGHER_IS_BETTER, WEEKLY, at("2025-02-01")).orElseThrow();
        // then it falls 80 − 62 = 18 short, more than 5: a miss, with the evidence; 80 is reached at day 490, 6 May 2026
        assertThat(miss.shortfall()).isEqualByComparingTo("18");
        assertThat(miss.forecast().valueAtTargetDate()).isEqualByComparingTo("62");
        assertThat(miss.forecast().targetReachedOn()).contains(date("2026-05-06"));
        assertThat(miss.target()).isEqualTo(target("80", "2025-12-31", "5"));
        assertThat(KpiForecastMiss.SEVERITY).isEqualTo(Severity.WARNING);
    }

    @Test
    void aShortfallOfExactlyTheToleranceIsNoMiss() {
        Forecast forecast = Forecast.of(RISING_A_WEEK, target("67", "2025-12-31", "5"), HIGHER_IS_BETTER, WEEKLY).orElseThrow();
        // 67 − 62 = 5: not more than the tolerance; 67.01 − 62 = 5.01: a miss
        assertThat(KpiForecastMiss.evaluate(forecast, target("67", "2025-12-31", "5"), HIGHER_IS_BETTER, at("2025-02-01"))).isEmpty();
        assertThat(KpiForecastMiss.evaluate(forecast, target("67.01", "2025-12-31", "5"), HIGHER_IS_BETTER, at("2025-02-01")))
                .hasValueSatisfying(miss -> assertThat(miss.shortfall()).isEqualByComparingTo("5.01"));
    }

    @Test
    void aForecastBetterThanTargetIsNoMiss() {
        // 62 forecast against a target of 50: 12 better
        Target fifty = target("50", "2025-12-31", "5");
        Forecast forecast = Forecast.of(RISING_A_WEEK, fifty, HIGHER_IS_BETTER, WEEKLY).orElseThrow();
        assertThat(KpiForecastMiss.evaluate(forecast, fifty, HIGHER_IS_BETTER, at("2025-02-01"))).isEmpty();
    }

    @Test
    void onlyBeforeTheTargetDate() {
        Target eighty = target("80", "2025-12-31", "5");
        Forecast forecast = Forecast.of(RISING_A_WEEK, eighty, HIGHER_IS_BETTER, WEEKLY).orElseThrow();
        // on 30 Dec still a miss; on the target date itself, or once it has passed, not any more
        assertThat(KpiForecastMiss.evaluate(forecast, eighty, HIGHER_IS_BETTER, at("2025-12-30T23:59:59Z"))).isPresent();
        assertThat(KpiForecastMiss.evaluate(forecast, eighty, HIGHER_IS_BETTER, at("2025-12-31"))).isEmpty();
        assertThat(KpiForecastMiss.evaluate(forecast, eighty, HIGHER_IS_BETTER, at("2026-03-01"))).isEmpty();
    }

    @Test
    void lowerIsBetterMissesWhenTheForecastIsTooHigh() {
        // given lead times 100, 99, 98, 97 weekly: 48 forecast on 31 Dec against a target of 20, tolerance 5
        List<Reading> readings = List.of(
                reading("a", "100", "2025-01-01"), reading("b", "99", "2025-01-08"),
                reading("c", "98", "2025-01-15"), reading("d", "97", "2025-01-22"));
        PlanLine plan = PlanLine.of(dec("100"), date("2025-01-01"), target("20", "2025-12-31", "5"), List.of());
        // then 48 − 20 = 28 too high: a miss
        assertThat(KpiForecastMiss.evaluate(readings, plan, LOWER_IS_BETTER, WEEKLY, at("2025-02-01")))
                .hasValueSatisfying(miss -> assertThat(miss.shortfall()).isEqualByComparingTo("28"));
    }

    @Test
    void noForecastNoMiss() {
        // one reading only
        assertThat(KpiForecastMiss.evaluate(List.of(reading("a", "10", "2025-01-01")), Fixtures.productExamplePlan(),
                HIGHER_IS_BETTER, WEEKLY, at("2025-02-01"))).isEmpty();
        assertThat(KpiForecastMiss.evaluate(List.of(), Fixtures.productExamplePlan(), HIGHER_IS_BETTER, WEEKLY, at("2025-02-01"))).isEmpty();
    }

    @Test
    void usesTheTargetOfTheLatestRetarget() {
        // given the product example retargeted on 1 Feb to 60 on 31 Dec: 62 forecast is on target, no miss
        PlanLine plan = PlanLine.of(dec("10"), date("2025-01-01"), target("80", "2025-12-31", "5"),
                List.of(Retarget.of(at("2025-02-01"), dec("60"), date("2025-12-31"), dec("5"))));
        assertThat(KpiForecastMiss.evaluate(RISING_A_WEEK, plan, HIGHER_IS_BETTER, WEEKLY, at("2025-02-02"))).isEmpty();
    }
}
