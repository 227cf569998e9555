package nl.koers.rules;

import static nl.koers.rules.Fixtures.at;
import static nl.koers.rules.Fixtures.date;
import static nl.koers.rules.Fixtures.dec;
import static nl.koers.rules.Fixtures.reading;
import static nl.koers.rules.Fixtures.target;
import static nl.koers.rules.Fixtures.weekly;
import static nl.koers.api.kpi.Direction.HIGHER_IS_BETTER;
import static nl.koers.api.kpi.Direction.LOWER_IS_BETTER;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import nl.koers.api.signal.Severity;

class KpiForecastMissTest {

    private static final BigDecimal WEEKLY = dec("7");
    private static final PlanLine PLAN = Fixtures.productExamplePlan();

    @Test
    void missesWhenEvenTheFavourableBoundFallsShortByMoreThanTheTolerance() {
        // given the product example's plan (80 on 31 Dec, tolerance 5) and readings 10 … 15 on a straight line
        KpiForecastMiss miss = KpiForecastMiss.evaluate(weekly("10", "11", "12", "13", "14", "15"), PLAN,
                HIGHER_IS_BETTER, WEEKLY, at("2025-02-06"), false).orElseThrow();
        // then the line and its band read 62 on 31 Dec: 18 short, more than 5; 80 is reached at day 490, 6 May 2026
        assertThat(miss.shortfall()).isEqualByComparingTo("18");
        assertThat(miss.shortfallAtBound()).isEqualByComparingTo("18");
        assertThat(miss.forecast().targetReachedOn()).contains(date("2026-05-06"));
        assertThat(miss.target()).isEqualTo(target("80", "2025-12-31", "5"));
        assertThat(KpiForecastMiss.SEVERITY).isEqualTo(Severity.WARNING);
    }

    @Test
    void noisyReadingsWhoseBandReachesTheTargetAreNoMiss() {
        // given 10, 12, 11, 13, 12, 14: the line reads 43.11 on 31 Dec, 36.9 short, but its upper bound 65.28
        Forecast forecast = Forecast.of(weekly("10", "12", "11", "13", "12", "14"), PLAN, HIGHER_IS_BETTER, WEEKLY)
                .orElseThrow();
        // then against 80 (tolerance 5) the bound is 14.72 short: a miss (README's worked example)
        assertThat(KpiForecastMiss.evaluate(forecast, target("80", "2025-12-31", "5"), HIGHER_IS_BETTER,
                at("2025-02-06"), false)).hasValueSatisfying(
                        miss -> assertThat(miss.shortfallAtBound().doubleValue()).isBetween(14.71, 14.72));
        // against 70 the bound is 4.72 short: no miss; against 75 it is 9.72 short: a miss
        assertThat(KpiForecastMiss.evaluate(forecast, target("70", "2025-12-31", "5"), HIGHER_IS_BETTER,
                at("2025-02-06"), false)).isEmpty();
        assertThat(KpiForecastMiss.evaluate(forecast, target("75", "2025-12-31", "5"), HIGHER_IS_BETTER,
                at("2025-02-06"), false)).hasValueSatisfying(miss -> {
                    assertThat(miss.shortfall().doubleValue()).isBetween(31.88, 31.89);
                    assertThat(miss.shortfallAtBound().doubleValue()).isBetween(9.71, 9.72);
                });
    }

    @Test
    void anOpenMissHoldsUntilTheBoundComesWithinHalfTheTolerance() {
        Forecast forecast = Forecast.of(weekly("10", "11", "12", "13", "14", "15"), PLAN, HIGHER_IS_BETTER, WEEKLY)
                .orElseThrow();
        // 62 against 66: 4 short, within the tolerance of 5 (not raised) but beyond half of it (an open one holds)
        Target sixtySix = target("66", "2025-12-31", "5");
        assertThat(KpiForecastMiss.evaluate(forecast, sixtySix, HIGHER_IS_BETTER, at("2025-02-06"), false)).isEmpty();
        assertThat(KpiForecastMiss.evaluate(forecast, sixtySix, HIGHER_IS_BETTER, at("2025-02-06"), true)).isPresent();
        // 62 against 64.5: exactly half the tolerance short: the open one clears
        assertThat(KpiForecastMiss.evaluate(forecast, target("64.5", "2025-12-31", "5"), HIGHER_IS_BETTER,
                at("2025-02-06"), true)).isEmpty();
    }

    @Test
    void aShortfallOfExactlyTheToleranceIsNoMiss() {
        Forecast forecast = Forecast.of(weekly("10", "11", "12", "13", "14", "15"), PLAN, HIGHER_IS_BETTER, WEEKLY)
                .orElseThrow();
        assertThat(KpiForecastMiss.evaluate(forecast, target("67", "2025-12-31", "5"), HIGHER_IS_BETTER,
                at("2025-02-06"), false)).isEmpty();
        assertThat(KpiForecastMiss.evaluate(forecast, target("67.01", "2025-12-31", "5"), HIGHER_IS_BETTER,
                at("2025-02-06"), false)).hasValueSatisfying(miss -> assertThat(miss.shortfall()).isEqualByComparingTo("5.01"));
    }

    @Test
    void onlyBeforeTheTargetDate() {
        Target eighty = target("80", "2025-12-31", "5");
        Forecast forecast = Forecast.of(weekly("10", "11", "12", "13", "14", "15"), PLAN, HIGHER_IS_BETTER, WEEKLY)
                .orElseThrow();
        assertThat(KpiForecastMiss.evaluate(forecast, eighty, HIGHER_IS_BETTER, at("2025-12-30T23:59:59Z"), false)).isPresent();
        assertThat(KpiForecastMiss.evaluate(forecast, eighty, HIGHER_IS_BETTER, at("2025-12-31"), false)).isEmpty();
        assertThat(KpiForecastMiss.evaluate(forecast, eighty, HIGHER_IS_BETTER, at("2026-03-01"), true)).isEmpty();
    }

    @Test
    void lowerIsBetterMissesWhenEvenTheLowerBoundIsTooHigh() {
        // given lead times 100 … 95 weekly: 48 forecast on 31 Dec against a target of 20, tolerance 5
        PlanLine plan = PlanLine.of(dec("100"), date("2025-01-01"), target("20", "2025-12-31", "5"), List.of());
        assertThat(KpiForecastMiss.evaluate(weekly("100", "99", "98", "97", "96", "95"), plan, LOWER_IS_BETTER, WEEKLY,
                at("2025-02-06"), false))
                .hasValueSatisfying(miss -> assertThat(miss.shortfallAtBound()).isEqualByComparingTo("28"));
    }

    @Test
    void noForecastNoMiss() {
        assertThat(KpiForecastMiss.evaluate(weekly("10", "11", "12", "13", "14"), PLAN, HIGHER_IS_BETTER, WEEKLY,
                at("2025-02-06"), true)).isEmpty();
        assertThat(KpiForecastMiss.evaluate(List.of(), PLAN, HIGHER_IS_BETTER, WEEKLY, at("2025-02-01"), false)).isEmpty();
    }

    @Test
    void usesTheTargetOfTheLatestRetarget() {
        // given the product example retargeted on 1 Jan to 60 on 31 Dec: 62 forecast is on target, no miss
        PlanLine plan = PlanLine.of(dec("10"), date("2025-01-01"), target("80", "2025-12-31", "5"),
                List.of(Retarget.of(at("2025-01-01"), dec("60"), date("2025-12-31"), dec("5"))));
        assertThat(KpiForecastMiss.evaluate(weekly("10", "11", "12", "13", "14", "15"), plan, HIGHER_IS_BETTER, WEEKLY,
                at("2025-02-06"), false)).isEmpty();
    }
}
