package nl.koers.rules;

import static nl.koers.rules.Fixtures.at;
import static nl.koers.rules.Fixtures.date;
import static nl.koers.rules.Fixtures.reading;
import static nl.koers.rules.Fixtures.retracted;
import static nl.koers.rules.Fixtures.target;
import static nl.koers.api.kpi.Direction.HIGHER_IS_BETTER;
import static nl.koers.api.kpi.Direction.LOWER_IS_BETTER;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.koers.api.kpi.Cadence;

class ForecastTest {

    private static final BigDecimal WEEKLY = Cadence.lengthInDays("P1W").orElseThrow();
    private static final Target EIGHTY_BY_NEW_YEARS_EVE = target("80", "2025-12-31", "5");

    @Test
    void leastSquaresLineThroughFourWeeklyReadings() {
        // given weekly readings 10, 12, 11, 13 on days 0, 7, 14, 21 from 1 Jan 2025
        List<Reading> readings = List.of(
                reading("a", "10", "2025-01-01"), reading("b", "12", "2025-01-08"),
                reading("c", "11", "2025-01-15"), reading("d", "13", "2025-01-22"));
        // when forecast towards 80 on 31 Dec 2025 (day 364)
        Forecast forecast = Forecast.of(readings, EIGHTY_BY_NEW_YEARS_EVE, HIGHER_IS_BETTER, WEEKLY).orElseThrow();
        // then mean day 10.5, mean value 11.5; Sxy = 28, Sxx = 245: slope 28 / 245 = 4/35 a day (0.8 a week)
        assertThat(forecast.slopePerDay().setScale(10, RoundingMode.HALF_UP)).isEqualByComparingTo("0.1142857143");
        // the line reads 11.5 + 4/35 × (364 − 10.5) = 51.9 on 31 Dec
        assertThat(forecast.valueAtTargetDate()).isEqualByComparingTo("51.9");
        // and reaches 80 at day 10.5 + (80 − 11.5) × 35/4 = 609.875: 2 Sep 2026, 21:00 UTC
        assertThat(forecast.targetReachedAt()).contains(at("2026-09-02T21:00:00Z"));
        assertThat(forecast.targetReachedOn()).contains(date("2026-09-02"));
        assertThat(forecast.readingsUsed()).isEqualTo(4);
    }

    @Test
    void readingsOutOfMeasuredOrderGiveTheSameLine() {
        List<Reading> shuffled = List.of(
                reading("c", "11", "2025-01-15"), reading("a", "10", "2025-01-01"),
                reading("d", "13", "2025-01-22"), reading("b", "12", "2025-01-08"));
        assertThat(Forecast.of(shuffled, EIGHTY_BY_NEW_YEARS_EVE, HIGHER_IS_BETTER, WEEKLY).orElseThrow().valueAtTargetDate())
                .isEqualByComparingTo("51.9");
    }

    @Test
    void onlyTheLastEightReadingsCount() {
        // given two early readings far off (1000 on days 0 and 7), then 8 weekly readings rising 1 a week from 10 on day 14
        List<Reading> readings = new ArrayList<>(List.of(reading("x", "1000", "2025-01-01"), reading("y", "1000", "2025-01-08")));
        for (int week = 0; week < 8; week++) {
            readings.add(reading("r" + week, String.valueOf(10 + week), Days.startOf(date("2025-01-15").plusWeeks(week)).toString()));
        }
        // when forecast
        Forecast forecast = Forecast.of(readings, EIGHTY_BY_NEW_YEARS_EVE, HIGHER_IS_BETTER, WEEKLY).orElseThrow();
        // then the line is 10 + (day − 14) / 7: at day 364, 10 + 350 / 7 = 60; 80 at day 14 + 490 = 504 (20 May 2026)
        assertThat(forecast.readingsUsed()).isEqualTo(8);
        assertThat(forecast.valueAtTargetDate()).isEqualByComparingTo("60");
        assertThat(forecast.targetReachedOn()).contains(date("2026-05-20"));
    }

    @Test
    void needsFourReadings() {
        // given three weekly readings, or none: no forecast
        List<Reading> three = List.of(
                reading("a", "10", "2025-01-01"), reading("b", "12", "2025-01-08"), reading("c", "14", "2025-01-15"));
        assertThat(Forecast.of(three, EIGHTY_BY_NEW_YEARS_EVE, HIGHER_IS_BETTER, WEEKLY)).isEmpty();
        assertThat(Forecast.of(List.of(), EIGHTY_BY_NEW_YEARS_EVE, HIGHER_IS_BETTER, WEEKLY)).isEmpty();
        assertThat(Forecast.of(List.of(reading("a", "10", "2025-01-01")), EIGHTY_BY_NEW_YEARS_EVE, HIGHER_IS_BETTER, WEEKLY)).isEmpty();
    }

    @Test
    void retractedReadingsDoNotCountTowardsTheFour() {
        List<Reading> readings = List.of(
                reading("a", "10", "2025-01-01"), reading("b", "12", "2025-01-08"),
                reading("c", "11", "2025-01-15"), retracted("d", "13", "2025-01-22"));
        assertThat(Forecast.of(readings, EIGHTY_BY_NEW_YEARS_EVE, HIGHER_IS_BETTER, WEEKLY)).isEmpty();
    }

    @Test
    void needsASpanOfTwoCadences() {
        // given a weekly KPI read on days 0, 1, 2, 13: a span of 13 days, under 2 × 7 = 14: no forecast
        List<Reading> tooClose = List.of(
                reading("a", "10", "2025-01-01"), reading("b", "11", "2025-01-02"),
                reading("c", "12", "2025-01-03"), reading("d", "13", "2025-01-14"));
        assertThat(Forecast.of(tooClose, EIGHTY_BY_NEW_YEARS_EVE, HIGHER_IS_BETTER, WEEKLY)).isEmpty();
        // when the last is read on day 14 instead: exactly two cadences, so a forecast
        List<Reading> justEnough = List.of(
                reading("a", "10", "2025-01-01"), reading("b", "11", "2025-01-02"),
                reading("c", "12", "2025-01-03"), reading("d", "13", "2025-01-15"));
        assertThat(Forecast.of(justEnough, EIGHTY_BY_NEW_YEARS_EVE, HIGHER_IS_BETTER, WEEKLY)).isPresent();
    }

    @Test
    void neverWhenTheLineMovesAwayFromTheTarget() {
        // given weekly readings falling 13, 12, 11, 10 while higher is better: 1/7 a day down
        List<Reading> falling = List.of(
                reading("a", "13", "2025-01-01"), reading("b", "12", "2025-01-08"),
                reading("c", "11", "2025-01-15"), reading("d", "10", "2025-01-22"));
        Forecast forecast = Forecast.of(falling, EIGHTY_BY_NEW_YEARS_EVE, HIGHER_IS_BETTER, WEEKLY).orElseThrow();
        // then at day 364 the line reads 13 − 364 / 7 = −39, and the target is never reached
        assertThat(forecast.valueAtTargetDate()).isEqualByComparingTo("-39");
        assertThat(forecast.targetReachedAt()).isEmpty();
    }

    @Test
    void neverWhenTheLineIsFlat() {
        List<Reading> flat = List.of(
                reading("a", "10", "2025-01-01"), reading("b", "10", "2025-01-08"),
                reading("c", "10", "2025-01-15"), reading("d", "10", "2025-01-22"));
        Forecast forecast = Forecast.of(flat, EIGHTY_BY_NEW_YEARS_EVE, HIGHER_IS_BETTER, WEEKLY).orElseThrow();
        assertThat(forecast.valueAtTargetDate()).isEqualByComparingTo("10");
        assertThat(forecast.targetReachedAt()).isEmpty();
    }

    @Test
    void neverWhenItWouldTakeOverAHundredYears() {
        // given weekly readings rising 0.0001 a week from 10: 80 lies 70 / 0.0001 = 700 000 weeks away (13 400 years)
        List<Reading> crawling = List.of(
                reading("a", "10", "2025-01-01"), reading("b", "10.0001", "2025-01-08"),
                reading("c", "10.0002", "2025-01-15"), reading("d", "10.0003", "2025-01-22"));
        assertThat(Forecast.of(crawling, EIGHTY_BY_NEW_YEARS_EVE, HIGHER_IS_BETTER, WEEKLY).orElseThrow().targetReachedAt()).isEmpty();
    }

    @Test
    void lowerIsBetterReachesTheTargetWhenFalling() {
        // given lead times 100, 99, 98, 97 weekly (1/7 a day down), target 20 on 31 Dec 2025
        List<Reading> readings = List.of(
                reading("a", "100", "2025-01-01"), reading("b", "99", "2025-01-08"),
                reading("c", "98", "2025-01-15"), reading("d", "97", "2025-01-22"));
        Forecast forecast = Forecast.of(readings, target("20", "2025-12-31", "5"), LOWER_IS_BETTER, WEEKLY).orElseThrow();
        // then 100 − 364 / 7 = 48 on 31 Dec; 20 is reached at day 80 × 7 = 560: 15 Jul 2026
        assertThat(forecast.valueAtTargetDate()).isEqualByComparingTo("48");
        assertThat(forecast.targetReachedOn()).contains(date("2026-07-15"));
        // and rising lead times never reach it
        List<Reading> rising = List.of(
                reading("a", "97", "2025-01-01"), reading("b", "98", "2025-01-08"),
                reading("c", "99", "2025-01-15"), reading("d", "100", "2025-01-22"));
        assertThat(Forecast.of(rising, target("20", "2025-12-31", "5"), LOWER_IS_BETTER, WEEKLY).orElseThrow().targetReachedAt()).isEmpty();
    }

    @Test
    void aTargetAlreadyPassedIsReachedWhereTheLineCrossedIt() {
        // given readings 10, 11, 12, 13 weekly and a target of 11.5 (1/7 a day: crossed on day 10.5, 11 Jan 12:00)
        List<Reading> readings = List.of(
                reading("a", "10", "2025-01-01"), reading("b", "11", "2025-01-08"),
                reading("c", "12", "2025-01-15"), reading("d", "13", "2025-01-22"));
        Forecast forecast = Forecast.of(readings, target("11.5", "2025-12-31", "1"), HIGHER_IS_BETTER, WEEKLY).orElseThrow();
        assertThat(forecast.targetReachedAt()).contains(at("2025-01-11T12:00:00Z"));
    }
}
