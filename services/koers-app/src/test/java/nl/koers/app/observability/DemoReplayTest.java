package nl.koers.app.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.koers.app.MovableClock;
import nl.koers.app.RunningService;
import nl.koers.app.TestDatabase;
import nl.koers.app.demo.DemoPortfolio;
import nl.koers.app.signals.SignalSweep;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the steering replay dashboard shows of the demo portfolio at two dates a quarter apart, written as Markdown
 * tables (Grafana does not run in CI; issue 25): the demo loaded on 2026-09-01 by a movable clock, a weekly sweep for a
 * quarter (milestones fall overdue, signals are raised), a few commands of the test's own for one programme (a
 * review, a cost reading, forecasts, achievements), then every query of {@code steering-replay.json}, its variables
 * included, run as Grafana sends it at both dates. Always written to {@code target/steering-replay-demo.md}; with
 * {@code -Dkoers.docs.write=true} also between the markers of {@code dashboards/README.md}.
 */
class DemoReplayTest {

    /** The demo investment SSA - Intelligent Disability: eleven open projects due on 2026-10-01, a cost KPI. */
    private static final String PROGRAMME = "itd-016-000002140";
    private static final String KPI = "cost-overrun";
    private static final Instant LOADED = Instant.parse("2026-09-01T09:00:00Z");
    private static final Instant EARLIER = Instant.parse("2026-09-02T09:00:00Z");
    private static final Instant LATER = Instant.parse("2026-12-01T09:00:00Z");
    private static final int ROWS = 10;
    private static final String START = "<!-- steering-replay-demo:start -->";
    private static final String END = "<!-- steering-replay-demo:end -->";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode DASHBOARD = Dashboards.all().get("steering-replay.json");

    /** One step of the quarter, at its moment. */
    private interface Step {
        void run() throws Exception;
    }

    /** The rows of one query of the dashboard at one date. */
    private record Result(String panel, String refId, List<Map<String, Object>> rows) {
    }

    @AfterAll
    static void eventsAreStampedByTheRealClockAgain() {
        GenericEventMessage.clock = Clock.tickMillis(ZoneOffset.UTC);
    }

    @Test
    void theReplayOfTheDemoPortfolioAQuarterApart() throws Exception {
        MovableClock clock = new MovableClock(LOADED);
        GenericEventMessage.clock = clock;
        try (RunningService service = RunningService.onDatabase(TestDatabase.newDatabase(), clock, "--koers.demo=true")) {
            DemoPortfolio.Loaded loaded = service.bean(DemoPortfolio.class).loaded().get(10, TimeUnit.MINUTES);
            System.out.println("Demo portfolio: " + loaded);
            assertThat(loaded.programmes()).isGreaterThan(400);
            quarter(service, clock).forEach((moment, step) -> {
                clock.set(moment);
                try {
                    step.run();
                } catch (Exception e) {
                    throw new AssertionError("step at " + moment, e);
                }
            });

            JdbcClient jdbc = service.bean(JdbcClient.class);
            List<Result> earlier = results(jdbc, EARLIER.minus(Duration.ofDays(7)), EARLIER);
            List<Result> later = results(jdbc, EARLIER, LATER);
            assertThat(later).as("queries without rows at " + LATER).allSatisfy(result ->
                    assertThat(result.rows()).as(result.panel() + " " + result.refId()).isNotEmpty());
            Map<String, Long> healthEarlier = health(service, EARLIER);
            Map<String, Long> healthLater = health(service, LATER);
            assertThat(health(result(earlier, "Portfolio as known"))).isEqualTo(healthEarlier);
            assertThat(health(result(later, "Portfolio as known"))).isEqualTo(healthLater);
            assertThat(result(later, "open signals as they read")).as("the programme's open signals")
                    .hasSizeGreaterThan(result(earlier, "open signals as they read").size());
            assertThat(openSignals(result(later, "Portfolio as known"))).as("open signals in the portfolio")
                    .isGreaterThan(openSignals(result(earlier, "Portfolio as known")));
            assertThat(healthLater).isNotEqualTo(healthEarlier);

            String markdown = markdown(loaded, List.of(
                    new Snapshot(EARLIER.minus(Duration.ofDays(7)), EARLIER, earlier, healthEarlier),
                    new Snapshot(EARLIER, LATER, later, healthLater)));
            Path report = Repository.file("services/koers-app").resolve("target/steering-replay-demo.md");
            Files.createDirectories(report.getParent());
            Files.writeString(report, markdown);
            System.out.println("Steering replay of the demo written to " + report);
            if (Boolean.getBoolean("koers.docs.write")) {
                writeIntoReadme(markdown);
            }
        }
    }

    private record Snapshot(Instant from, Instant to, List<Result> results, Map<String, Long> health) {
    }

    /**
     * The quarter after the load: a sweep half an hour after it and every Tuesday at 07:00 up to 2026-12-01, and the
     * test's own commands for {@link #PROGRAMME}, each at its moment.
     */
    private static TreeMap<Instant, Step> quarter(RunningService service, MovableClock clock) {
        SignalSweep sweep = service.bean(SignalSweep.class);
        Step sweeping = () -> assertThat(sweep.sweep().ran()).as("the sweep at " + clock.instant()).isTrue();
        TreeMap<Instant, Step> steps = new TreeMap<>();
        steps.put(LOADED.plus(Duration.ofMinutes(30)), sweeping);
        for (int week = 1; week <= 13; week++) {
            steps.put(LOADED.plus(Duration.ofDays(7L * week)).minus(Duration.ofHours(2)), sweeping);
        }
        String programme = "/api/v1/programmes/" + PROGRAMME;
        steps.put(Instant.parse("2026-09-08T10:00:00Z"), () -> post(service, programme + "/evaluations", """
                {"id": "fy12-close-out", "title": "FY12 close-out review", "scheduledFor": "2026-10-20"}"""));
        steps.put(Instant.parse("2026-10-06T10:00:00Z"), () -> post(service, programme + "/kpis/" + KPI + "/readings", """
                {"value": 6.8, "measuredAt": "2026-10-01T00:00:00Z", "readingId": "fy12-year-end"}"""));
        steps.put(Instant.parse("2026-10-13T10:00:00Z"), () -> {
            post(service, programme + "/milestones/project-1067/forecast", """
                    {"forecastDate": "2026-12-15", "reason": "iDib maintenance carried into FY13"}""");
            post(service, programme + "/milestones/project-1063/forecast", """
                    {"forecastDate": "2026-11-13", "reason": "vendor delivery late"}""");
        });
        steps.put(Instant.parse("2026-10-20T15:00:00Z"), () -> {
            List<String> open = new ArrayList<>();
            JSON.readTree(service.get(programme)).path("signals")
                    .forEach(signal -> open.add("\"" + signal.path("id").asText() + "\""));
            post(service, programme + "/evaluations/fy12-close-out/outcome", """
                    {"heldOn": "2026-10-20", "deliveryConfidence": "AMBER", "decision": "ADJUST",
                     "summary": "FY12 projects late; close out by mid-December", "addressedSignals": [%s]}"""
                    .formatted(String.join(", ", open)));
        });
        steps.put(Instant.parse("2026-11-03T10:00:00Z"), () -> {
            for (String project : List.of("project-1055", "project-1056", "project-1066")) {
                post(service, programme + "/milestones/" + project + "/achievement", """
                        {"achievedOn": "2026-10-30"}""");
            }
        });
        return steps;
    }

    private static void post(RunningService service, String path, String json) throws IOException, InterruptedException {
        var response = service.post(path, json);
        assertThat(response.statusCode() / 100).as("POST " + path + ": " + response.body()).isEqualTo(2);
    }

    /** Every query of the dashboard, its variables' first, with Grafana's macros filled for the range. */
    private static List<Result> results(JdbcClient jdbc, Instant from, Instant to) {
        List<Result> results = new ArrayList<>();
        DASHBOARD.path("templating").path("list").forEach(variable -> {
            if (variable.path("type").asText().equals("query")) {
                results.add(run(jdbc, "Variable `" + variable.path("name").asText() + "`", "",
                        variable.path("query").asText(), from, to));
            }
        });
        for (JsonNode panel : Dashboards.panels(DASHBOARD)) {
            for (JsonNode target : panel.path("targets")) {
                if (target.has("rawSql")) {
                    results.add(run(jdbc, panel.path("title").asText(), target.path("refId").asText(),
                            target.path("rawSql").asText(), from, to));
                }
            }
        }
        return results;
    }

    private static Result run(JdbcClient jdbc, String panel, String refId, String sql, Instant from, Instant to) {
        return new Result(panel.replace("$programme", PROGRAMME).replace("$kpi", KPI), refId,
                jdbc.sql(Dashboards.sql(sql, PROGRAMME, KPI, from, to)).query().listOfRows());
    }

    private static List<Map<String, Object>> result(List<Result> results, String panel) {
        return results.stream().filter(result -> result.panel().contains(panel)).findFirst().orElseThrow().rows();
    }

    /** Programmes by health in {@code GET /api/v1/programmes?asOf=}. */
    private static Map<String, Long> health(RunningService service, Instant at) throws Exception {
        Map<String, Long> health = new TreeMap<>();
        JSON.readTree(service.get("/api/v1/programmes?asOf=" + at))
                .forEach(programme -> health.merge(programme.path("health").asText(), 1L, Long::sum));
        return health;
    }

    /** Programmes by health in the portfolio panel. */
    private static Map<String, Long> health(List<Map<String, Object>> portfolio) {
        Map<String, Long> health = new TreeMap<>();
        portfolio.forEach(row -> health.merge((String) row.get("Health"), 1L, Long::sum));
        return health;
    }

    private static long openSignals(List<Map<String, Object>> portfolio) {
        return portfolio.stream().mapToLong(row -> ((Number) row.get("Open CRITICAL")).longValue()
                + ((Number) row.get("Open WARNING")).longValue() + ((Number) row.get("Open INFO")).longValue()).sum();
    }

    private static String markdown(DemoPortfolio.Loaded loaded, List<Snapshot> dates) {
        StringBuilder out = new StringBuilder();
        out.append("The demo portfolio (").append(loaded.programmes()).append(" programmes, ").append(loaded.milestones())
                .append(" milestones, ").append(loaded.costKpis()).append(" cost KPIs) loaded on ")
                .append(LOADED).append(", swept half an hour later and every Tuesday at 07:00 up to 2026-12-01. ")
                .append("Programme `$programme` = `").append(PROGRAMME).append("`, `$kpi` = `").append(KPI)
                .append("`. The test's own additions for that programme, not in the IT Dashboard's export: a review ")
                .append("scheduled on 2026-09-08 and held on 2026-10-20 (delivery confidence AMBER, decision ADJUST), ")
                .append("a cost reading of 6.8 % measured 2026-10-01 (recorded 2026-10-06), forecasts for projects ")
                .append("1067 and 1063 (2026-10-13) and projects 1055, 1056 and 1066 achieved on 2026-10-30 ")
                .append("(recorded 2026-11-03). Numbers are shown to two decimals; result sets longer than ")
                .append(ROWS).append(" rows are cut.\n");
        for (Snapshot date : dates) {
            out.append("\n### As known at ").append(date.to()).append(" (range ").append(date.from()).append(" to ")
                    .append(date.to()).append(")\n\n");
            out.append("Programmes by health in the portfolio panel: ");
            for (String health : List.of("RED", "AMBER", "GREEN")) {
                out.append(health).append(' ').append(date.health().getOrDefault(health, 0L)).append(", ");
            }
            out.append("as `GET /api/v1/programmes?asOf=").append(date.to()).append("` counts them. The row of `")
                    .append(PROGRAMME).append("` in it: ");
            Map<String, Object> row = result(date.results(), "Portfolio as known").stream()
                    .filter(programme -> programme.get("Programme").equals(PROGRAMME)).findFirst().orElseThrow();
            List<String> cells = new ArrayList<>();
            row.forEach((column, value) -> cells.add(column + " " + (value == null ? "none" : cell(value))));
            out.append(String.join(", ", cells.subList(3, cells.size()))).append(".\n");
            for (Result result : date.results()) {
                out.append("\n#### ").append(result.panel());
                if (!result.refId().isEmpty() && !result.refId().equals("A")
                        || date.results().stream().filter(other -> other.panel().equals(result.panel())).count() > 1) {
                    out.append(" (query ").append(result.refId()).append(')');
                }
                out.append("\n\n");
                if (result.panel().startsWith("Programmes by health")) {
                    weekly(out, result.rows(), date.from(), date.to());
                } else {
                    table(out, result.rows());
                }
            }
        }
        return out.toString();
    }

    private static void table(StringBuilder out, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            out.append("*(no rows)*\n");
            return;
        }
        List<String> columns = List.copyOf(rows.get(0).keySet());
        out.append("| ").append(String.join(" | ", columns)).append(" |\n");
        out.append("|").append(" --- |".repeat(columns.size())).append('\n');
        rows.stream().limit(ROWS).forEach(row -> {
            out.append('|');
            columns.forEach(column -> out.append(' ').append(cell(row.get(column))).append(" |"));
            out.append('\n');
        });
        if (rows.size() > ROWS) {
            out.append("\n… ").append(rows.size() - ROWS).append(" more rows\n");
        }
    }

    /** The health-over-time series sampled weekly from the range's start, and at its end: the value at or before. */
    private static void weekly(StringBuilder out, List<Map<String, Object>> rows, Instant from, Instant to) {
        Map<String, TreeMap<Instant, Object>> series = new LinkedHashMap<>();
        for (String health : List.of("RED", "AMBER", "GREEN")) {
            series.put(health, new TreeMap<>());
        }
        rows.forEach(row -> series.get((String) row.get("metric")).put(instant(row.get("time")), row.get("programmes")));
        out.append(rows.size()).append(" points (a count per health at the range's start and at each moment a ")
                .append("programme's health changed), sampled weekly:\n\n| time | RED | AMBER | GREEN |\n| --- | --- | --- | --- |\n");
        List<Instant> samples = new ArrayList<>();
        for (Instant at = from; at.isBefore(to); at = at.plus(Duration.ofDays(7))) {
            samples.add(at);
        }
        samples.add(to);
        for (Instant at : samples) {
            out.append("| ").append(at);
            series.values().forEach(points -> {
                var point = points.floorEntry(at);
                out.append(" | ").append(point == null ? "" : cell(point.getValue()));
            });
            out.append(" |\n");
        }
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof Timestamp || value instanceof OffsetDateTime) {
            return instant(value).toString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        }
        return value.toString().replace("|", "\\|").replace("\n", " ");
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp timestamp ? timestamp.toInstant() : ((OffsetDateTime) value).toInstant();
    }

    private static void writeIntoReadme(String markdown) throws IOException {
        Path readme = Repository.file("dashboards/README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        if (start < 0 || end < start) {
            throw new AssertionError(readme + " has no " + START + " … " + END + " to write between");
        }
        Files.writeString(readme, text.substring(0, start + START.length()) + "\n" + markdown + text.substring(end),
                StandardCharsets.UTF_8);
        System.out.println("Steering replay of the demo written into " + readme);
    }
}
