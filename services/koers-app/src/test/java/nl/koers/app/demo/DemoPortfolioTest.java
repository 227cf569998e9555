package nl.koers.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.koers.app.RunningService;
import nl.koers.app.TestDatabase;
import nl.koers.app.signals.SignalSweep;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * The demo portfolio (issue 19): started with {@code --koers.demo=true} on an empty store, the service loads the IT
 * Dashboard's investments as programmes, its projects as milestones with their own start dates, every date shifted so
 * that the export lands on today. MILESTONE_SLIPPING measures the slip from the milestone's start, the span the
 * dashboard's schedule variance measures, so the signal is CRITICAL exactly where the dashboard's own variance is red
 * (late by 30 % or more).
 */
class DemoPortfolioTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RED_PERCENT = -30;

    private static RunningService service;
    private static DemoPortfolio.Loaded loaded;
    private static String database;

    @BeforeAll
    static void start() throws Exception {
        database = TestDatabase.newDatabase();
        service = RunningService.onDatabase(database, "--koers.demo=true");
        loaded = service.bean(DemoPortfolio.class).loaded().get(5, TimeUnit.MINUTES);
        System.out.println("Demo portfolio: " + loaded);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    /** A usable record of the file as the dashboard published it: its own schedule variance and start. */
    private record Published(String programmeId, String milestoneId, LocalDate start, LocalDate due, LocalDate forecast,
                             double scheduleVariancePercent) {
    }

    @Test
    void everyInvestmentIsAProgrammeAndSlippingSignalsAreCriticalExactlyWhereTheDashboardIsRed() throws Exception {
        Map<String, Published> published = published();
        long programmes = published.values().stream().map(Published::programmeId).distinct().count();
        long late = published.values().stream().filter(record -> record.forecast().isAfter(record.due())).count();
        assertThat(loaded.programmes()).isEqualTo(programmes).isGreaterThan(400);
        assertThat(loaded.milestones()).isEqualTo(published.size());
        assertThat(loaded.recordsSkipped()).isEqualTo(687);
        assertThat(loaded.refused()).isZero();

        // every slipping milestone's signal, open or (once achieved) cleared
        Map<String, String> severities = new HashMap<>();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode signals = JSON.readTree(service.get("/api/v1/signals?type=MILESTONE_SLIPPING"));
            severities.clear();
            signals.forEach(signal -> severities.put(signal.at("/subject/programmeId").asText() + "/"
                    + signal.at("/subject/id").asText(), signal.get("severity").asText()));
            assertThat(severities).hasSize((int) late);
        });

        int critical = 0;
        int warning = 0;
        for (Map.Entry<String, Published> entry : published.entrySet()) {
            Published record = entry.getValue();
            String severity = severities.get(entry.getKey());
            boolean dashboardRed = record.scheduleVariancePercent() <= RED_PERCENT;
            if (!record.forecast().isAfter(record.due())) {
                assertThat(severity).as(entry.getKey()).isNull();
                assertThat(dashboardRed).as(entry.getKey()).isFalse();
            } else if (dashboardRed) {
                assertThat(severity).as(entry.getKey() + " " + record).isEqualTo("CRITICAL");
                critical++;
            } else {
                assertThat(severity).as(entry.getKey() + " " + record).isEqualTo("WARNING");
                warning++;
            }
        }
        System.out.println("Demo portfolio: " + late + " slipping milestones: " + critical + " CRITICAL, all of them "
                + "red on the dashboard (schedule variance -30 % or worse), and " + warning + " WARNING");
        assertThat(critical).isGreaterThan(200);
        assertThat(warning).isGreaterThan(200);
    }

    /** Issue 27: the demo portfolio exported as a file, then planned, is UNCHANGED item for item, in YAML and XLSX. */
    @Test
    void theExportedPortfolioPlansUnchangedForEveryItem() throws Exception {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(JSON.readTree(service.get("/api/v1/portfolio?format=json")).findValues("dueDate"))
                        .hasSize(loaded.milestones()));
        Map<String, byte[]> exported = Map.of(
                "application/yaml", service.bytes("/api/v1/portfolio?format=yaml"),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", service.bytes("/api/v1/portfolio?format=xlsx"));

        for (Map.Entry<String, byte[]> file : exported.entrySet()) {
            long started = System.nanoTime();
            HttpResponse<String> response = service.send("POST", "/api/v1/portfolio/plan", file.getKey(), file.getValue());
            long tookMillis = (System.nanoTime() - started) / 1_000_000;

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode plan = JSON.readTree(response.body());
            Map<String, Integer> kinds = new TreeMap<>();
            plan.get("items").forEach(item -> {
                assertThat(item.get("action").asText()).as(item.toString()).isEqualTo("UNCHANGED");
                kinds.merge(item.get("kind").asText(), 1, Integer::sum);
            });
            assertThat(kinds).containsEntry("PROGRAMME", loaded.programmes()).containsEntry("MILESTONE", loaded.milestones())
                    .containsEntry("KPI", loaded.costKpis());
            System.out.println("Demo portfolio round trip (" + file.getKey() + ", " + file.getValue().length + " bytes): "
                    + kinds + " UNCHANGED, planned in " + tookMillis + " ms");
        }
    }

    @Test
    void theMilestoneShowsTheProjectsStartShiftedWithEveryOtherDate() throws Exception {
        Published record = published().get("itd-024-000009560/project-5");
        JsonNode milestone = JSON.readTree(service.get("/api/v1/programmes/itd-024-000009560/milestones/project-5"));
        assertThat(milestone.get("startDate").asText()).isEqualTo(record.start().plusDays(loaded.shiftedDays()).toString());
        assertThat(milestone.get("dueDate").asText()).isEqualTo(record.due().plusDays(loaded.shiftedDays()).toString());
        // the slip as the dashboard published it: 58.52 % of the project's own span
        assertThat(milestone.get("slipPercent").decimalValue()).isBetween(new BigDecimal("58.51"), new BigDecimal("58.53"));
        assertThat(LocalDate.of(2012, 8, 31).plusDays(loaded.shiftedDays())).isEqualTo(LocalDate.now(ZoneOffset.UTC));
    }

    @Test
    void thePortfolioLivesTodayWithGreenAmberAndRedProgrammes() throws Exception {
        Map<String, Integer> health = new TreeMap<>();
        // the sweep raises the signals that follow from the passing of time (overdue, stale) as it would each minute
        service.bean(SignalSweep.class).sweep();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            health.clear();
            JSON.readTree(service.get("/api/v1/programmes")).forEach(programme ->
                    health.merge(programme.get("health").asText(), 1, Integer::sum));
            long overdue = JSON.readTree(service.get("/api/v1/signals?type=MILESTONE_OVERDUE&state=OPEN")).size();
            assertThat(overdue).isPositive();
        });
        System.out.println("Demo portfolio health: " + health + "; " + loaded);
        assertThat(health.keySet()).contains("GREEN", "AMBER", "RED");
    }

    @Test
    void theCommandsAreTheDemosAndAStoreWithProgrammesGetsNoSecondPortfolio() throws Exception {
        JsonNode history = JSON.readTree(service.get("/api/v1/programmes/itd-024-000005188/history"));
        assertThat(history.size()).isGreaterThan(0);
        history.forEach(event -> assertThat(event.get("actor").asText()).isEqualTo("demo"));

        try (RunningService again = RunningService.onDatabase(database, "--koers.demo=true")) {
            DemoPortfolio.Loaded second = again.bean(DemoPortfolio.class).loaded().get(1, TimeUnit.MINUTES);
            assertThat(second.programmes()).isZero();
        }
    }

    private static Map<String, Published> published() throws Exception {
        Map<String, Published> records = new HashMap<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (InputStream csv = new ClassPathResource(DemoPortfolio.RECORDS).getInputStream();
             CSVParser parser = CSVParser.parse(new InputStreamReader(csv, StandardCharsets.UTF_8), format)) {
            for (CSVRecord row : parser) {
                LocalDate start = DashboardExport.date(row.get("Start Date"));
                LocalDate due = DashboardExport.date(row.get("Planned Project Completion Date (B2)"));
                LocalDate forecast = DashboardExport.date(row.get("Projected/Actual Project Completion Date (B2)"));
                if (start == null || due == null || forecast == null || !due.isAfter(start)) {
                    continue;
                }
                String programmeId = DemoPortfolio.programmeId(row.get("Unique Investment Identifier"));
                String milestoneId = DemoPortfolio.milestoneId(row.get("Project ID"));
                records.put(programmeId + "/" + milestoneId, new Published(programmeId, milestoneId, start, due, forecast,
                        Double.parseDouble(row.get("Schedule Variance (%)"))));
            }
        }
        return records;
    }
}
