package nl.koers.app.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import com.jayway.jsonpath.JsonPath;
import nl.koers.app.KoersIntegrationTest;
import nl.koers.app.MovableClock;
import nl.koers.app.MovableClockConfiguration;
import nl.koers.rules.ShiftDetector;
import nl.koers.rules.ShiftDirection;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * KPI_FORECAST_MISS's and KPI_SHIFT's quality targets measured through the running service, on fewer seeded series
 * than the rules' own simulations (ForecastMissQualityTest and ShiftDetectorQualityTest in koers-rules), read weekly
 * over HTTP with the clock moved to each reading's week. Forecast: KPIs from 10 to 80 over 2025, tolerance 5, noise
 * σ = tolerance / 2. Shift: the first series of ShiftDetectorQualityTest's seeds, as deviations from a plan that rises
 * by exactly 1 a day, so that the service sees the very deviations the simulation drew (to 6 decimals).
 */
@KoersIntegrationTest
@Import(MovableClockConfiguration.class)
class SignalQualityTest {

    private static final LocalDate START = LocalDate.of(2025, 1, 1);
    private static final int WEEKS = 52;
    private static final double SIGMA = 2.5;
    private static final int ON_PLAN_SERIES = 12;
    private static final int SLOW_SERIES = 8;
    /** ShiftDetectorQualityTest's seed, and how it derives one per shift start and size. */
    private static final long SHIFT_SEED = 20_261_207L;
    private static final int SHIFT_SERIES_PER_CASE = 4;
    private static final int SHIFT_HORIZON = 60;
    private static final int NOT_FOUND = Integer.MAX_VALUE;

    @Autowired
    MockMvc http;
    @Autowired
    MovableClock clock;

    private String pid;

    @BeforeEach
    void givenAProgramme() throws Exception {
        clock.set(Instant.parse("2024-12-01T09:00:00Z"));
        GenericEventMessage.clock = clock;
    }

    @AfterAll
    static void eventsAreStampedByTheRealClockAgain() {
        GenericEventMessage.clock = Clock.tickMillis(ZoneOffset.UTC);
    }

    @Test
    void onPlanKpisRaiseAtMostHalfAFalseMissPer100Readings() throws Exception {
        List<String> kpis = readWeekly("quality-on-plan", ON_PLAN_SERIES, 1.0, new Random(20_251_511L));

        int raises = 0;
        for (String kpi : kpis) {
            raises += forecastMisses(kpi).size();
        }
        double per100 = 100.0 * raises / (kpis.size() * WEEKS);
        System.out.printf("KPI_FORECAST_MISS through the service, on plan: %d raises in %d readings, %.2f per 100%n",
                raises, kpis.size() * WEEKS, per100);
        assertThat(per100).isLessThanOrEqualTo(0.5);
    }

    @Test
    void aKpiAtSixtyPercentOfItsPlannedPaceIsCaughtWithinTenReadingsMedian() throws Exception {
        List<String> kpis = readWeekly("quality-slow", SLOW_SERIES, 0.6, new Random(20_251_512L));

        List<Integer> delays = new ArrayList<>();
        for (String kpi : kpis) {
            List<Instant> raised = forecastMisses(kpi);
            // the clock stood one hour into the reading's week when it was recorded: its raise names the reading
            delays.add(raised.isEmpty() ? Integer.MAX_VALUE : weekOf(raised.get(0)) + 1);
        }
        Collections.sort(delays);
        System.out.printf("KPI_FORECAST_MISS through the service, at 60 %% pace: detection delays %s%n", delays);
        assertThat(delays.get(SLOW_SERIES / 2)).isLessThanOrEqualTo(10);
    }

    @Test
    void aWorseningIsFoundThroughTheServiceWhenTheRuleFindsIt() throws Exception {
        List<ShiftSeries> series = new ArrayList<>();
        for (double[] shiftCase : new double[][] {{10, 1.5}, {20, 1.5}, {50, 1.5}, {10, 2}, {30, 2}}) {
            series.addAll(shiftSeries((int) shiftCase[0], shiftCase[1]));
        }
        readShiftSeriesWeekly("quality-shift", series);

        int falseWarnings = 0;
        for (ShiftSeries one : series) {
            List<Instant> warnings = shiftWarnings(one.kpi());
            int start = one.start();
            falseWarnings += (int) warnings.stream().filter(raised -> weekOf(raised) < start - 1).count();
            int delay = warnings.stream().mapToInt(SignalQualityTest::weekOf).filter(week -> week >= start - 1)
                    .map(week -> week - (start - 1) + 1).findFirst().orElse(NOT_FOUND);
            System.out.printf("KPI_SHIFT through the service, %.1f σ from reading %d (%s): found after %s readings, "
                    + "the rule alone %s%n", one.shift(), start, one.kpi(), shown(delay), shown(one.ruleDelay()));
            assertThat(delay).as(one.kpi()).isEqualTo(one.ruleDelay());
        }
        int inControlReadings = series.stream().mapToInt(one -> one.start() - 1).sum();
        System.out.printf("KPI_SHIFT through the service: %d false WARNINGs in %d readings before the shifts%n",
                falseWarnings, inControlReadings);
    }

    /**
     * The first {@code SHIFT_SERIES_PER_CASE} series ShiftDetectorQualityTest draws for a shift of {@code shift} σ
     * from reading {@code start}: the same seed and the same draws (start − 1 in control, then shifted ones until the
     * rule flags them or 60 have been drawn; a series already in a false WARNING at the start draws no more), with the
     * delay the rule finds on the deviations to 6 decimals.
     */
    private static List<ShiftSeries> shiftSeries(int start, double shift) {
        Random noise = new Random(SHIFT_SEED + 1_000L * start + Math.round(10 * shift));
        List<ShiftSeries> drawn = new ArrayList<>();
        while (drawn.size() < SHIFT_SERIES_PER_CASE) {
            List<BigDecimal> deviations = new ArrayList<>();
            for (int i = 1; i < start; i++) {
                deviations.add(sixPlaces(noise.nextGaussian()));
            }
            if (worsening(deviations)) {
                continue;
            }
            int delay = NOT_FOUND;
            for (int shifted = 1; shifted <= SHIFT_HORIZON && delay == NOT_FOUND; shifted++) {
                deviations.add(sixPlaces(noise.nextGaussian() - shift));
                if (worsening(deviations)) {
                    delay = shifted;
                }
            }
            drawn.add(new ShiftSeries("s" + start + "d" + Math.round(10 * shift) + "n" + drawn.size(), start, shift,
                    deviations, delay));
        }
        return drawn;
    }

    private static boolean worsening(List<BigDecimal> deviations) {
        return ShiftDetector.STANDARD.detect(deviations)
                .filter(shift -> shift.direction() == ShiftDirection.WORSENING).isPresent();
    }

    private static BigDecimal sixPlaces(double value) {
        return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_EVEN);
    }

    /**
     * One KPI per series, planned from 10 on 1 Jan 2025 to 374 on 31 Dec 2025 (1 a day, 7 a week, then 374), read
     * weekly from 1 Jan 2025 at plan + deviation.
     */
    private void readShiftSeriesWeekly(String programmeId, List<ShiftSeries> series) throws Exception {
        pid = programmeId;
        post("/api/v1/programmes", """
                {"id": "%s", "name": "Shift quality", "startDate": "2024-12-01", "plannedEndDate": "2028-12-31"}"""
                .formatted(pid));
        for (ShiftSeries one : series) {
            post(programme() + "/kpis", """
                    {"id": "%s", "name": "%s", "unit": "units", "direction": "HIGHER_IS_BETTER", "baseline": 10,
                     "baselineDate": "2025-01-01", "target": 374, "targetDate": "2025-12-31", "tolerance": 2,
                     "cadence": "P1W"}""".formatted(one.kpi(), one.kpi()));
        }
        int weeks = series.stream().mapToInt(one -> one.deviations().size()).max().orElse(0);
        for (int week = 0; week < weeks; week++) {
            LocalDate measured = START.plusWeeks(week);
            clock.set(measured.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(3600));
            BigDecimal planned = BigDecimal.valueOf(10 + Math.min(364, 7 * week));
            for (ShiftSeries one : series) {
                if (week < one.deviations().size()) {
                    post(programme() + "/kpis/" + one.kpi() + "/readings", """
                            {"value": %s, "measuredAt": "%s", "readingId": "w%d"}""".formatted(
                            planned.add(one.deviations().get(week)).toPlainString(), measured, week));
                }
            }
        }
        for (ShiftSeries one : series) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http
                    .perform(get(programme() + "/kpis/" + one.kpi()))
                    .andExpect(jsonPath("$.readings.length()").value(one.deviations().size())));
        }
    }

    /** When each KPI_SHIFT WARNING of the KPI was raised, oldest first. */
    private List<Instant> shiftWarnings(String kpi) throws Exception {
        String body = http.perform(get("/api/v1/signals").param("programme", pid).param("type", "KPI_SHIFT"))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.<List<String>>read(body,
                        "$[?(@.subject.id == '" + kpi + "' && @.severity == 'WARNING')].raisedAt").stream()
                .map(Instant::parse).sorted().toList();
    }

    /** The week of the reading whose recording raised a signal at {@code raisedAt}: the clock stood in that week. */
    private static int weekOf(Instant raisedAt) {
        return (int) (ChronoUnit.DAYS.between(START, raisedAt.atOffset(ZoneOffset.UTC).toLocalDate()) / 7);
    }

    private static String shown(int delay) {
        return delay == NOT_FOUND ? "more than " + SHIFT_HORIZON : String.valueOf(delay);
    }

    private record ShiftSeries(String kpi, int start, double shift, List<BigDecimal> deviations, int ruleDelay) {
    }

    /** {@code series} KPIs of a new programme read weekly for a year at {@code pace} × the plan; their ids. */
    private List<String> readWeekly(String programmeId, int series, double pace, Random noise) throws Exception {
        pid = programmeId;
        post("/api/v1/programmes", """
                {"id": "%s", "name": "Quality", "startDate": "2024-12-01", "plannedEndDate": "2026-06-30"}""".formatted(pid));
        List<String> kpis = new ArrayList<>();
        for (int k = 0; k < series; k++) {
            kpis.add("k" + k);
            post(programme() + "/kpis", """
                    {"id": "k%d", "name": "K%d", "unit": "%%", "direction": "HIGHER_IS_BETTER", "baseline": 10,
                     "baselineDate": "2025-01-01", "target": 80, "targetDate": "2025-12-31", "tolerance": 5,
                     "cadence": "P1W"}""".formatted(k, k));
        }
        for (int week = 0; week < WEEKS; week++) {
            LocalDate measured = START.plusWeeks(week);
            clock.set(measured.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(3600));
            double planned = 70.0 * week * 7 / 364;
            for (String kpi : kpis) {
                BigDecimal value = BigDecimal.valueOf(10 + pace * planned + SIGMA * noise.nextGaussian())
                        .setScale(2, RoundingMode.HALF_EVEN);
                post(programme() + "/kpis/" + kpi + "/readings", """
                        {"value": %s, "measuredAt": "%s", "readingId": "w%d"}""".formatted(value.toPlainString(), measured, week));
            }
        }
        String last = kpis.get(kpis.size() - 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.perform(get(programme() + "/kpis/" + last))
                .andExpect(jsonPath("$.readings.length()").value(WEEKS)));
        return kpis;
    }

    /** When each KPI_FORECAST_MISS of the KPI was raised, oldest first (once its projection has caught up). */
    private List<Instant> forecastMisses(String kpi) throws Exception {
        String body = http.perform(get("/api/v1/signals").param("programme", pid).param("type", "KPI_FORECAST_MISS"))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.<List<String>>read(body, "$[?(@.subject.id == '" + kpi + "')].raisedAt").stream()
                .map(Instant::parse).sorted().toList();
    }

    private String programme() {
        return "/api/v1/programmes/" + pid;
    }

    private void post(String path, String json) throws Exception {
        http.perform(MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().is2xxSuccessful());
    }
}
