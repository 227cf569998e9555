package nl.koers.app.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.koers.app.MovableClock;
import nl.koers.app.RunningService;
import nl.koers.app.TestDatabase;
import nl.koers.app.navigation.ProjectionCatchUp;
import nl.koers.app.navigation.ProjectionMode;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One definition of as-of: the steering replay dashboard's panels, their SQL run as Grafana sends it against the
 * read model of the real application, answer what the API's as-of views answer, at fifty moments of a scripted year
 * (spread over it, and just before and after its events): the portfolio's health, confidence and open signals, each
 * programme's KPIs (status, latest reading as known then, plan value then), milestones (due, forecast, slip) and open
 * signals with their sentences as they read then, a KPI's readings as known then, the changes between two moments as
 * {@code /changes} groups them, and the health-over-time series. At every fifth moment, the same of the Portfolio
 * overview's and Programme detail's panels, which show the state at the end of the time range: health counts,
 * overdue and unacknowledged signals, the programmes table, open signals by type, a programme's health, delivery
 * confidence, days since its latest evaluation, KPIs, readings, milestones and slip, evaluations and open signals.
 * The same after a rebuild of the views from the events, and when two instances share the writing.
 */
class SteeringReplayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonNode> DASHBOARDS = Dashboards.all();
    private static final JsonNode PORTFOLIO_OVERVIEW = DASHBOARDS.get("portfolio-overview.json");
    private static final JsonNode PROGRAMME_DETAIL = DASHBOARDS.get("programme-detail.json");
    private static final ProgrammePanels REPLAY = new ProgrammePanels(DASHBOARDS.get("steering-replay.json"),
            "KPIs as known", "milestones as known", "open signals as they read", "readings as known",
            "reading (as known then)");
    private static final ProgrammePanels DETAIL = new ProgrammePanels(PROGRAMME_DETAIL, "KPIs at the end",
            "Milestones at the end", "Open signals at the end", "$kpi (as known at the end", "reading");
    private static final int MOMENTS = 50;
    /** The end-of-range dashboards are compared at every this many moments, to keep the test's time modest. */
    private static final int END_OF_RANGE_EVERY = 5;
    private static final List<String> OVERDUE = List.of("MILESTONE_OVERDUE", "EVALUATION_OVERDUE");

    /** A dashboard's panels of one programme's state (titles, or parts of them) and its readings' column. */
    private record ProgrammePanels(JsonNode dashboard, String kpis, String milestones, String signals, String readings,
                                   String reading) {
    }

    @AfterAll
    static void eventsAreStampedByTheRealClockAgain() {
        GenericEventMessage.clock = java.time.Clock.tickMillis(ZoneOffset.UTC);
    }

    @Test
    void thePanelsAnswerWhatTheAsOfViewsAnswerBeforeAndAfterARebuild() throws Exception {
        MovableClock clock = new MovableClock(ReplayYear.START);
        try (RunningService service = RunningService.onDatabase(TestDatabase.newDatabase(), clock)) {
            List<Instant> recorded = new ReplayYear(List.of(service), clock).record();
            JdbcClient jdbc = service.bean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from nav_history").query(Long.class).single()).isGreaterThan(200);
            List<Instant> moments = moments(recorded);

            assertThat(differences(List.of(service), jdbc, moments)).isEmpty();

            service.bean(ProjectionCatchUp.class).rebuild();
            await().atMost(Duration.ofSeconds(60)).until(
                    () -> service.bean(ProjectionMode.class).current() == ProjectionMode.Mode.INLINE);
            assertThat(differences(List.of(service), jdbc, moments)).as("after a rebuild").isEmpty();
        }
    }

    @Test
    void thePanelsAnswerWhatTheAsOfViewsAnswerWhenTwoInstancesWrite() throws Exception {
        MovableClock clock = new MovableClock(ReplayYear.START);
        String database = TestDatabase.newDatabase();
        try (RunningService a = RunningService.onDatabase(database, clock, "--koers.node-id=a");
             RunningService b = RunningService.onDatabase(database, clock, "--koers.node-id=b")) {
            List<Instant> recorded = new ReplayYear(List.of(a, b), clock).record();
            assertThat(differences(List.of(b, a), a.bean(JdbcClient.class), moments(recorded))).isEmpty();
        }
    }

    /**
     * Fifty moments: forty spread over the year at odd times of day, and five recorded moments with the moment a
     * millisecond before each.
     */
    private static List<Instant> moments(List<Instant> recorded) {
        Random random = new Random(25);
        TreeSet<Instant> moments = new TreeSet<>();
        long year = Duration.between(ReplayYear.START, ReplayYear.END).toSeconds();
        for (int i = 0; moments.size() < MOMENTS - 10; i++) {
            moments.add(ReplayYear.START.plusSeconds(year * i / (MOMENTS - 10) + random.nextInt(86_400)));
        }
        for (int i = 1; i <= 5; i++) {
            Instant event = recorded.get(recorded.size() * i / 6);
            moments.add(event);
            moments.add(event.minusMillis(1));
        }
        assertThat(moments).hasSize(MOMENTS);
        return List.copyOf(moments);
    }

    /** Every difference between the panels and the API at the moments; the API asked of each instance in turn. */
    private static List<String> differences(List<RunningService> api, JdbcClient jdbc, List<Instant> moments)
            throws Exception {
        List<String> differences = new ArrayList<>();
        Map<String, TreeMap<Instant, Long>> healthOverTime = healthOverTime(jdbc);
        int asked = 0;
        Instant previous = ReplayYear.START.minus(Duration.ofDays(7));
        boolean sawRed = false;
        for (Instant at : moments) {
            boolean endOfRange = asked % END_OF_RANGE_EVERY == 0;
            RunningService instance = api.get(asked++ % api.size());
            JsonNode portfolio = get(instance, "/api/v1/programmes?asOf=" + at);
            sawRed |= portfolio.toString().contains("\"RED\"");
            compare(differences, "portfolio at " + at, "Programme",
                    rows(REPLAY.dashboard(), jdbc, "Portfolio as known", "", previous, at),
                    byId(portfolio, "id"), Map.of("Status", "status", "Health", "health",
                            "Delivery confidence", "lastDeliveryConfidence", "Last evaluation", "lastEvaluatedOn",
                            "Open CRITICAL", "openSignals.CRITICAL", "Open WARNING", "openSignals.WARNING",
                            "Open INFO", "openSignals.INFO"));
            Map<String, Long> health = new HashMap<>();
            portfolio.forEach(programme -> health.merge(programme.path("health").asText(), 1L, Long::sum));
            for (String level : List.of("RED", "AMBER", "GREEN")) {
                var series = healthOverTime.get(level).floorEntry(at);
                long panel = series == null ? 0 : series.getValue();
                if (panel != health.getOrDefault(level, 0L)) {
                    differences.add("health over time at " + at + ": " + level + " " + panel + " in the panel, "
                            + health.getOrDefault(level, 0L) + " as of then");
                }
            }
            Map<String, JsonNode> views = new LinkedHashMap<>();
            for (JsonNode summary : portfolio) {
                String programme = summary.path("id").asText();
                JsonNode view = get(instance, "/api/v1/programmes/" + programme + "?asOf=" + at);
                views.put(programme, view);
                compareProgramme(differences, jdbc, instance, programme, view, previous, at,
                        endOfRange ? List.of(REPLAY, DETAIL) : List.of(REPLAY));
                if (endOfRange) {
                    compareProgrammeDetail(differences, jdbc, summary, view, previous, at);
                }
            }
            if (endOfRange) {
                comparePortfolioOverview(differences, jdbc, portfolio, views, health, previous, at);
            }
            for (String programme : ReplayYear.PROGRAMMES) {
                compareChanges(differences, jdbc, instance, programme, previous, at);
            }
            previous = at;
        }
        assertThat(sawRed).as("some programme was RED at one of the moments").isTrue();
        return differences;
    }

    /** The panels of one programme's state on each of {@code dashboards} against the API's as-of views. */
    private static void compareProgramme(List<String> differences, JdbcClient jdbc, RunningService instance,
                                         String programme, JsonNode view, Instant from, Instant at,
                                         List<ProgrammePanels> dashboards) throws Exception {
        for (ProgrammePanels panels : dashboards) {
            compareProgrammeTables(differences, jdbc, panels, programme, view, from, at);
        }
        for (JsonNode kpi : view.path("kpis")) {
            String kpiId = kpi.path("id").asText();
            JsonNode whole = get(instance, "/api/v1/programmes/%s/kpis/%s?asOf=%s".formatted(programme, kpiId, at));
            List<String> api = new ArrayList<>();
            whole.path("readings").forEach(reading -> {
                if (!reading.path("retracted").asBoolean()) {
                    api.add(text(reading.path("measuredAt")) + " " + text(reading.path("value")));
                }
            });
            for (ProgrammePanels panels : dashboards) {
                List<String> panel = new ArrayList<>();
                for (Map<String, Object> row : query(panels.dashboard(), jdbc, panels.readings(), "A", programme, kpiId,
                        ReplayYear.START.minus(Duration.ofDays(30)), at)) {
                    panel.add(text(row.get("time")) + " " + text(row.get(panels.reading())));
                }
                if (!sorted(api).equals(sorted(panel))) {
                    differences.add("readings of " + programme + "/" + kpiId + " at " + at + " on "
                            + panels.dashboard().path("title").asText() + ": panel " + panel + ", API " + api);
                }
                String planThen = query(panels.dashboard(), jdbc, panels.readings(), "B", programme, kpiId,
                        ReplayYear.START, at).stream()
                        .filter(row -> instant(row.get("time")).equals(at)).map(row -> text(row.get("plan")))
                        .findFirst().orElse(null);
                if (!same(text(kpi.path("planValueNow")), planThen)) {
                    differences.add("plan line of " + programme + "/" + kpiId + " at " + at + " on "
                            + panels.dashboard().path("title").asText() + ": " + planThen + " in the panel, "
                            + text(kpi.path("planValueNow")) + " in the API");
                }
            }
        }
    }

    private static void compareProgrammeTables(List<String> differences, JdbcClient jdbc, ProgrammePanels panels,
                                               String programme, JsonNode view, Instant from, Instant at) {
        String where = programme + " at " + at + " on " + panels.dashboard().path("title").asText();
        compare(differences, "KPIs of " + where, "KPI", rows(panels.dashboard(), jdbc, panels.kpis(), programme, from, at),
                byId(view.path("kpis"), "id"), Map.of("Status", "status", "Latest reading", "latestReading.value",
                        "Measured", "latestReading.measuredAt", "Deviation", "latestReading.deviation",
                        "Plan", "planValueNow", "Target", "target", "Target date", "targetDate",
                        "Tolerance", "tolerance"));
        Map<String, JsonNode> milestones = byId(view.path("milestones"), "id");
        milestones.values().forEach(milestone -> ((com.fasterxml.jackson.databind.node.ObjectNode) milestone)
                .put("rebaselineCount", milestone.path("rebaselines").size())
                .put("slipRounded", milestone.path("slipPercent").isNull() ? null
                        : milestone.path("slipPercent").decimalValue().setScale(1, RoundingMode.HALF_UP)));
        compare(differences, "milestones of " + where, "Milestone",
                rows(panels.dashboard(), jdbc, panels.milestones(), programme, from, at), milestones,
                Map.of("Baseline due", "originalDueDate", "Due", "dueDate", "Forecast", "forecastDate",
                        "Slip (days)", "slipDays", "Slip (%)", "slipRounded", "Achieved", "achievedOn",
                        "Cancelled", "cancelled", "Re-baselines", "rebaselineCount"));
        Map<String, JsonNode> signals = byId(view.path("signals"), "id");
        signals.values().forEach(signal -> ((com.fasterxml.jackson.databind.node.ObjectNode) signal)
                .put("about", signal.path("subject").path("kind").asText() + " " + signal.path("subject").path("id").asText())
                .put("acknowledgedBy", signal.path("acknowledgement").path("by").textValue()));
        compare(differences, "open signals of " + where, "Id",
                rows(panels.dashboard(), jdbc, panels.signals(), programme, from, at),
                signals, Map.of("Raised", "raisedAt", "Severity", "severity", "Signal", "type", "About", "about",
                        "State", "state", "Explanation", "explanation", "Acknowledged by", "acknowledgedBy"));
    }

    /** Programme detail's stats, slip bar gauge and evaluations against the programme's as-of view and summary. */
    private static void compareProgrammeDetail(List<String> differences, JdbcClient jdbc, JsonNode summary,
                                               JsonNode view, Instant from, Instant at) {
        String programme = summary.path("id").asText();
        String where = programme + " at " + at + " on Programme detail";
        LocalDate lastEvaluation = summary.path("lastEvaluatedOn").isTextual()
                ? LocalDate.parse(summary.path("lastEvaluatedOn").asText()) : null;
        String days = lastEvaluation == null ? null : text(BigDecimal.valueOf(Duration.between(
                lastEvaluation.atStartOfDay(ZoneOffset.UTC).toInstant(), at).toMillis()).divide(
                BigDecimal.valueOf(86_400_000L), MathContext.DECIMAL64));
        Map<String, String> stats = new LinkedHashMap<>();
        stats.put("Health at the end", text(view.path("health")));
        stats.put("Delivery confidence", text(view.path("lastDeliveryConfidence")));
        stats.put("Days since the latest evaluation", days);
        stats.put("Open signals", String.valueOf(view.path("signals").size()));
        stats.forEach((panel, api) -> {
            String value = single(PROGRAMME_DETAIL, jdbc, panel, programme, from, at);
            if (!same(api, value)) {
                differences.add(where + ": " + panel + " is " + value + " in the panel, " + api + " in the API");
            }
        });
        Map<String, String> slip = new TreeMap<>();
        view.path("milestones").forEach(milestone -> {
            if (text(milestone.path("slipDays")) != null && text(milestone.path("achievedOn")) == null
                    && !milestone.path("cancelled").asBoolean()) {
                slip.put(milestone.path("id").asText(), text(milestone.path("slipDays")));
            }
        });
        Map<String, String> slipPanel = new TreeMap<>();
        rows(PROGRAMME_DETAIL, jdbc, "Milestone slip", programme, from, at)
                .forEach(row -> slipPanel.put((String) row.get("Milestone"), text(row.get("Slip (days)"))));
        if (!slipPanel.equals(slip)) {
            differences.add("milestone slip of " + where + ": panel " + slipPanel + ", API " + slip);
        }
        compare(differences, "evaluations of " + where, "Evaluation",
                rows(PROGRAMME_DETAIL, jdbc, "Evaluations and decisions", programme, from, at),
                byId(view.path("evaluations"), "id"), Map.of("Title", "title", "Scheduled", "scheduledFor",
                        "Held", "outcome.heldOn", "Delivery confidence", "outcome.deliveryConfidence",
                        "Decision", "outcome.decision", "Summary", "outcome.summary"));
    }

    /**
     * Portfolio overview's stats, programmes table, open signals by type and overdue table against the API's as-of
     * portfolio and the programme views (their open signals) at the same moment.
     */
    private static void comparePortfolioOverview(List<String> differences, JdbcClient jdbc, JsonNode portfolio,
                                                 Map<String, JsonNode> views, Map<String, Long> health, Instant from,
                                                 Instant at) {
        String where = " at " + at + " on Portfolio overview";
        List<JsonNode> signals = new ArrayList<>();
        views.values().forEach(view -> view.path("signals").forEach(signals::add));
        Map<String, Long> stats = new LinkedHashMap<>();
        for (String level : List.of("RED", "AMBER", "GREEN")) {
            stats.put("Programmes " + level, health.getOrDefault(level, 0L));
        }
        stats.put("Overdue milestones", count(signals, signal -> signal.path("type").asText().equals("MILESTONE_OVERDUE")));
        stats.put("Overdue evaluations", count(signals, signal -> signal.path("type").asText().equals("EVALUATION_OVERDUE")));
        stats.put("Unacknowledged CRITICAL signals", count(signals, signal -> signal.path("severity").asText()
                .equals("CRITICAL") && signal.path("state").asText().equals("OPEN")));
        stats.forEach((panel, api) -> {
            String value = single(PORTFOLIO_OVERVIEW, jdbc, panel, "", from, at);
            if (!String.valueOf(api).equals(value)) {
                differences.add(panel + where + ": " + value + " in the panel, " + api + " in the API");
            }
        });
        Map<String, JsonNode> programmes = byId(portfolio, "id");
        programmes.forEach((id, summary) -> ((com.fasterxml.jackson.databind.node.ObjectNode) summary)
                .put("overdue", count(views.get(id).path("signals"), signal -> OVERDUE.contains(signal.path("type").asText())))
                .put("kpiCount", views.get(id).path("kpis").size()));
        compare(differences, "programmes" + where, "Programme",
                rows(PORTFOLIO_OVERVIEW, jdbc, "Programmes at the end", "", from, at), programmes,
                Map.of("Name", "name", "Status", "status", "Health", "health", "KPIs", "kpiCount",
                        "Delivery confidence", "lastDeliveryConfidence", "Last evaluation", "lastEvaluatedOn",
                        "Critical signals", "openSignals.CRITICAL", "Warnings", "openSignals.WARNING",
                        "Info signals", "openSignals.INFO", "Overdue milestones and evaluations", "overdue"));
        Map<String, Long> byType = new TreeMap<>();
        signals.forEach(signal -> byType.merge(signal.path("type").asText(), 1L, Long::sum));
        Map<String, Long> byTypePanel = new TreeMap<>();
        rows(PORTFOLIO_OVERVIEW, jdbc, "Open signals by type", "", from, at)
                .forEach(row -> byTypePanel.put((String) row.get("Signal"), ((Number) row.get("Open")).longValue()));
        if (!byTypePanel.equals(byType)) {
            differences.add("open signals by type" + where + ": panel " + byTypePanel + ", API " + byType);
        }
        List<String> overdue = new ArrayList<>();
        views.forEach((programme, view) -> view.path("signals").forEach(signal -> {
            if (OVERDUE.contains(signal.path("type").asText())) {
                overdue.add(String.join(" | ", programme, signal.path("type").asText(),
                        signal.path("subject").path("id").asText(), signal.path("severity").asText(),
                        signal.path("state").asText(), signal.path("explanation").asText()));
            }
        }));
        List<String> overduePanel = new ArrayList<>();
        rows(PORTFOLIO_OVERVIEW, jdbc, "Overdue milestones and evaluations at", "", from, at).forEach(row ->
                overduePanel.add(String.join(" | ", text(row.get("Programme")), text(row.get("Signal")),
                        text(row.get("Milestone or evaluation")), text(row.get("Severity")), text(row.get("State")),
                        text(row.get("Explanation")))));
        if (!sorted(overduePanel).equals(sorted(overdue))) {
            differences.add("overdue milestones and evaluations" + where + ": panel " + overduePanel + ", API " + overdue);
        }
    }

    /** The changes panel's counts against /changes for the window (from, at]: [from, at) as both take it. */
    private static void compareChanges(List<String> differences, JdbcClient jdbc, RunningService instance,
                                       String programme, Instant from, Instant at) throws Exception {
        JsonNode changes = get(instance, "/api/v1/programmes/%s/changes?from=%s&to=%s".formatted(programme, from, at));
        Map<String, Long> api = new TreeMap<>();
        for (String group : List.of("readings", "correctionsAndRetractions", "milestoneMoves", "decisions", "other")) {
            if (changes.path(group).size() > 0) {
                api.put(group, (long) changes.path(group).size());
            }
        }
        changes.path("signals").fields().forEachRemaining(group -> {
            if (group.getValue().size() > 0) {
                api.put("signals." + group.getKey(), (long) group.getValue().size());
            }
        });
        Map<String, Long> panel = new TreeMap<>();
        for (Map<String, Object> row : rows(REPLAY.dashboard(), jdbc, "what changed inside", programme, from, at)) {
            panel.put((String) row.get("Change"), ((Number) row.get("Events")).longValue());
        }
        if (!panel.equals(api)) {
            differences.add("changes of " + programme + " from " + from + " to " + at + ": panel " + panel + ", API " + api);
        }
    }

    /** The health-over-time panel over the whole year: per health, the number of programmes from each moment on. */
    private static Map<String, TreeMap<Instant, Long>> healthOverTime(JdbcClient jdbc) {
        Map<String, TreeMap<Instant, Long>> series = new HashMap<>();
        for (String level : List.of("RED", "AMBER", "GREEN")) {
            series.put(level, new TreeMap<>());
        }
        for (Map<String, Object> row : query(REPLAY.dashboard(), jdbc, "Programmes by health", "A", "", "",
                ReplayYear.START.minus(Duration.ofDays(7)), ReplayYear.END)) {
            series.get((String) row.get("metric")).put(instant(row.get("time")), ((Number) row.get("programmes")).longValue());
        }
        return series;
    }

    private static void compare(List<String> differences, String what, String key, List<Map<String, Object>> rows,
                                Map<String, JsonNode> api, Map<String, String> columns) {
        Map<String, Map<String, Object>> panel = new LinkedHashMap<>();
        rows.forEach(row -> panel.put(text(row.get(key)), row));
        if (!panel.keySet().equals(api.keySet())) {
            differences.add(what + ": panel has " + panel.keySet() + ", API " + api.keySet());
            return;
        }
        panel.forEach((id, row) -> columns.forEach((column, field) -> {
            JsonNode value = api.get(id);
            for (String step : field.split("\\.")) {
                value = value.path(step);
            }
            String expected = text(value);
            String actual = text(row.get(column));
            if (!same(expected, actual)) {
                differences.add(what + ": " + id + " " + column + " is " + actual + " in the panel, " + expected + " in the API");
            }
        }));
    }

    /** Equal, numbers to 12 significant digits (the API's plan values are rounded to 16, PostgreSQL's are exact). */
    private static boolean same(String expected, String actual) {
        if (Objects.equals(expected, actual)) {
            return true;
        }
        try {
            MathContext digits = new MathContext(12);
            return new BigDecimal(expected).round(digits).compareTo(new BigDecimal(actual).round(digits)) == 0;
        } catch (NumberFormatException | NullPointerException e) {
            return false;
        }
    }

    private static List<Map<String, Object>> rows(JsonNode dashboard, JdbcClient jdbc, String panel, String programme,
                                                  Instant from, Instant to) {
        return query(dashboard, jdbc, panel, "A", programme, "", from, to);
    }

    /** The one value of a stat panel's one row, as text. */
    private static String single(JsonNode dashboard, JdbcClient jdbc, String panel, String programme, Instant from,
                                 Instant to) {
        List<Map<String, Object>> rows = rows(dashboard, jdbc, panel, programme, from, to);
        assertThat(rows).as(panel).hasSize(1);
        assertThat(rows.get(0)).as(panel).hasSize(1);
        return text(rows.get(0).values().iterator().next());
    }

    private static long count(Iterable<JsonNode> items, Predicate<JsonNode> which) {
        long count = 0;
        for (JsonNode item : items) {
            count += which.test(item) ? 1 : 0;
        }
        return count;
    }

    /**
     * The rows of the panel titled {@code panel} (else the first whose title contains it), query {@code refId}, with
     * Grafana's macros filled.
     */
    private static List<Map<String, Object>> query(JsonNode dashboard, JdbcClient jdbc, String panel, String refId,
                                                   String programme, String kpi, Instant from, Instant to) {
        List<JsonNode> candidates = Dashboards.panels(dashboard).stream()
                .filter(candidate -> candidate.path("title").asText().contains(panel))
                .sorted(Comparator.comparing(candidate -> !candidate.path("title").asText().equals(panel)))
                .toList();
        for (JsonNode candidate : candidates) {
            for (JsonNode target : candidate.path("targets")) {
                if (target.path("refId").asText().equals(refId)) {
                    return jdbc.sql(Dashboards.sql(target.path("rawSql").asText(), programme, kpi, from, to))
                            .query().listOfRows();
                }
            }
        }
        throw new AssertionError("no panel " + panel + " with query " + refId);
    }

    private static JsonNode get(RunningService instance, String path) throws Exception {
        return JSON.readTree(instance.get(path));
    }

    private static Map<String, JsonNode> byId(JsonNode list, String field) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        list.forEach(item -> byId.put(item.path(field).asText(), item));
        return byId;
    }

    private static List<String> sorted(Collection<String> values) {
        return values.stream().sorted().toList();
    }

    /** A value as text the way JSON writes it: instants in ISO form, dates as yyyy-mm-dd, numbers plain. */
    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof JsonNode node) {
            if (node.isMissingNode() || node.isNull()) {
                return null;
            }
            return node.isNumber() ? node.decimalValue().stripTrailingZeros().toPlainString() : node.asText();
        }
        if (value instanceof Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof Timestamp || value instanceof OffsetDateTime) {
            return instant(value).toString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp timestamp ? timestamp.toInstant() : ((OffsetDateTime) value).toInstant();
    }
}
