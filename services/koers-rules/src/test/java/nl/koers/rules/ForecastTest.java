package nl.koers.rules;

import static nl.koers.rules.Fixtures.at;
import static nl.koers.rules.Fixtures.date;
import static nl.koers.rules.Fixtures.dec;
import static nl.koers.rules.Fixtures.reading;
import static nl.koers.rules.Fixtures.retracted;
import static nl.koers.rules.Fixtures.target;
import static nl.koers.rules.Fixtures.weekly;
import static nl.koers.api.kpi.Direction.HIGHER_IS_BETTER;
import static nl.koers.api.kpi.Direction.LOWER_IS_BETTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.koers.api.kpi.Cadence;

class ForecastTest {

    private static final BigDecimal WEEKLY = Cadence.lengthInDays("P1W").orElseThrow();
    private static final Target EIGHTY_BY_NEW_YEARS_EVE = target("80", "2025-12-31", "5");
    private static final PlanLine PLAN = Fixtures.productExamplePlan();

    private static Forecast forecast(List<Reading> readings) {
        return Forecast.of(readings, PLAN, HIGHER_IS_BETTER, WEEKLY).orElseThrow();
    }

    @Test
    void leastSquaresLineThroughSixWeeklyReadingsWithItsConfidenceBounds() {
        // given weekly readings 10, 12, 11, 13, 12, 14 on days 0 … 35 from 1 Jan 2025
        Forecast forecast = forecast(weekly("10", "12", "11", "13", "12", "14"));
        // then mean day 17.5, mean value 12; Sxy = 77, Sxx = 857.5: slope 22/245 a day (0.63 a week)
        assertThat(forecast.slopePerDay().setScale(10, RoundingMode.HALF_UP)).isEqualByComparingTo("0.0897959184");
        // the line reads 12 + 22/245 × (364 − 17.5) = 1509/35 = 43.11 on 31 Dec
        assertThat(forecast.valueAtTargetDate().doubleValue()).isCloseTo(43.1142857, within(1e-6));
        // residuals square to 108/35, s² = 108/140; √(s² (1/6 + 346.5² / 857.5)) = 10.399; t(0.95, 4) = 2.132
        assertThat(forecast.valueAtTargetLow().doubleValue()).isCloseTo(43.1142857 - 22.1707081, within(1e-5));
        assertThat(forecast.valueAtTargetHigh().doubleValue()).isCloseTo(43.1142857 + 22.1707081, within(1e-5));
        assertThat(forecast.favourableBound(HIGHER_IS_BETTER)).isEqualTo(forecast.valueAtTargetHigh());
        assertThat(forecast.favourableBound(LOWER_IS_BETTER)).isEqualTo(forecast.valueAtTargetLow());
        // 80 is reached at day 17.5 + (80 − 12) × 245/22 = 774.8: 14 Feb 2027
        assertThat(forecast.targetReachedOn()).contains(date("2027-02-14"));
        assertThat(forecast.readingsUsed()).isEqualTo(6);
    }

    @Test
    void readingsOnAStraightLineHaveNoBand() {
        // given 10, 11, … 15 weekly: 1/7 a day, 62 on day 364, and no residuals
        Forecast forecast = forecast(weekly("10", "11", "12", "13", "14", "15"));
        assertThat(forecast.valueAtTargetDate()).isEqualByComparingTo("62");
        assertThat(forecast.valueAtTargetLow()).isEqualByComparingTo("62");
        assertThat(forecast.valueAtTargetHigh()).isEqualByComparingTo("62");
    }

    @Test
    void readingsOutOfMeasuredOrderGiveTheSameLine() {
        List<Reading> shuffled = new ArrayList<>(weekly("10", "12", "11", "13", "12", "14"));
        java.util.Collections.reverse(shuffled);
        assertThat(forecast(shuffled).valueAtTargetDate().doubleValue()).isCloseTo(43.1142857, within(1e-6));
    }

    @Test
    void onlyTheLastSixteenReadingsCount() {
        // given two early readings far off (1000), then 16 weekly readings rising 1 a week from 10 on day 14
        List<String> values = new ArrayList<>(List.of("1000", "1000"));
        for (int week = 0; week < 16; week++) {
            values.add(String.valueOf(10 + week));
        }
        Forecast forecast = forecast(weekly(values.toArray(String[]::new)));
        // then the line is 10 + (day − 14) / 7: at day 364, 10 + 350 / 7 = 60; 80 at day 14 + 490 = 504 (20 May 2026)
        assertThat(forecast.readingsUsed()).isEqualTo(16);
        assertThat(forecast.valueAtTargetDate()).isEqualByComparingTo("60");
        assertThat(forecast.targetReachedOn()).contains(date("2026-05-20"));
    }

    @Test
    void onlyReadingsSinceTheLatestRetargetCount() {
        // given 1000 for five weeks, a retarget on 5 Feb (day 35), then 10 … 15 weekly from day 35
        List<Reading> readings = weekly("1000", "1000", "1000", "1000", "1000", "10", "11", "12", "13", "14", "15");
        PlanLine retargeted = PlanLine.of(dec("10"), date("2025-01-01"), EIGHTY_BY_NEW_YEARS_EVE,
                List.of(Retarget.of(at("2025-02-05"), dec("70"), date("2025-12-31"), dec("5"))));
        Forecast forecast = Forecast.of(readings, retargeted, HIGHER_IS_BETTER, WEEKLY).orElseThrow();
        // then the line is 10 + (day − 35) / 7: 57 on day 364; without the retarget all 11 would count
        assertThat(forecast.readingsUsed()).isEqualTo(6);
        assertThat(forecast.valueAtTargetDate()).isEqualByComparingTo("57");
        assertThat(forecast(readings).readingsUsed()).isEqualTo(11);
    }

    @Test
    void needsSixReadings() {
        assertThat(Forecast.of(weekly("10", "12", "14", "16", "18"), PLAN, HIGHER_IS_BETTER, WEEKLY)).isEmpty();
        assertThat(Forecast.of(List.of(), PLAN, HIGHER_IS_BETTER, WEEKLY)).isEmpty();
    }

    @Test
    void retractedReadingsDoNotCountTowardsTheSix() {
        List<Reading> readings = new ArrayList<>(weekly("10", "12", "11", "13", "12"));
        readings.add(retracted("w5", "14", "2025-02-05"));
        assertThat(Forecast.of(readings, PLAN, HIGHER_IS_BETTER, WEEKLY)).isEmpty();
    }

    @Test
    void needsASpanOfThreeCadences() {
        // given a weekly KPI read on days 0 … 4 and 20: a span of 20 days, under 3 × 7 = 21: no forecast
        List<Reading> tooClose = List.of(
                reading("a", "10", "2025-01-01"), reading("b", "11", "2025-01-02"), reading("c", "12", "2025-01-03"),
                reading("d", "13", "2025-01-04"), reading("e", "14", "2025-01-05"), reading("f", "15", "2025-01-21"));
        assertThat(Forecast.of(tooClose, PLAN, HIGHER_IS_BETTER, WEEKLY)).isEmpty();
        // when the last is read on day 21 instead: exactly three cadences, so a forecast
        List<Reading> justEnough = new ArrayList<>(tooClose.subList(0, 5));
        justEnough.add(reading("f", "15", "2025-01-22"));
        assertThat(Forecast.of(justEnough, PLAN, HIGHER_IS_BETTER, WEEKLY)).isPresent();
    }

    @Test
    void neverWhenTheLineMovesAwayFromTheTarget() {
        // given weekly readings falling 15 … 10 while higher is better: 1/7 a day down
        Forecast forecast = forecast(weekly("15", "14", "13", "12", "11", "10"));
        // then at day 364 the line reads 15 − 364 / 7 = −37, and the target is never reached
        assertThat(forecast.valueAtTargetDate()).isEqualByComparingTo("-37");
        assertThat(forecast.targetReachedAt()).isEmpty();
    }

    @Test
    void neverWhenTheLineIsFlat() {
        Forecast forecast = forecast(weekly("10", "10", "10", "10", "10", "10"));
        assertThat(forecast.valueAtTargetDate()).isEqualByComparingTo("10");
        assertThat(forecast.targetReachedAt()).isEmpty();
    }

    @Test
    void neverWhenItWouldTakeOverAHundredYears() {
        // given weekly readings rising 0.0001 a week from 10: 80 lies 700 000 weeks away (13 400 years)
        Forecast forecast = forecast(weekly("10", "10.0001", "10.0002", "10.0003", "10.0004", "10.0005"));
        assertThat(forecast.targetReachedAt()).isEmpty();
    }

    @Test
    void lowerIsBetterReachesTheTargetWhenFalling() {
        // given lead times 100 … 95 weekly (1/7 a day down), target 20 on 31 Dec 2025
        PlanLine leadTime = PlanLine.of(dec("100"), date("2025-01-01"), target("20", "2025-12-31", "5"), List.of());
        Forecast forecast = Forecast.of(weekly("100", "99", "98", "97", "96", "95"), leadTime, LOWER_IS_BETTER, WEEKLY)
                .orElseThrow();
        // then 100 − 364 / 7 = 48 on 31 Dec; 20 is reached at day 80 × 7 = 560: 15 Jul 2026
        assertThat(forecast.valueAtTargetDate()).isEqualByComparingTo("48");
        assertThat(forecast.targetReachedOn()).contains(date("2026-07-15"));
        // and rising lead times never reach it
        assertThat(Forecast.of(weekly("95", "96", "97", "98", "99", "100"), leadTime, LOWER_IS_BETTER, WEEKLY)
                .orElseThrow().targetReachedAt()).isEmpty();
    }

    @Test
    void aTargetAlreadyPassedIsReachedWhereTheLineCrossedIt() {
        // given readings 10 … 15 weekly and a target of 11.5 (1/7 a day: crossed on day 10.5, 11 Jan 12:00)
        PlanLine low = PlanLine.of(dec("10"), date("2025-01-01"), target("11.5", "2025-12-31", "1"), List.of());
        Forecast forecast = Forecast.of(weekly("10", "11", "12", "13", "14", "15"), low, HIGHER_IS_BETTER, WEEKLY)
                .orElseThrow();
        assertThat(forecast.targetReachedAt()).contains(at("2025-01-11T12:00:00Z"));
    }
}
