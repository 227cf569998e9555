package nl.koers.app.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.koers.app.MovableClock;
import nl.koers.app.MovableClockConfiguration;
import nl.koers.app.OwnDatabaseInitializer;
import nl.koers.app.TestCredentials;
import nl.koers.app.signals.SignalSweep;
import nl.koers.rules.PlanLine;
import nl.koers.rules.Target;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.yaml.snakeyaml.Yaml;

/**
 * Every panel and alert is backed by data: the real service is fed a small portfolio over HTTP (programmes, KPIs
 * with readings on and off plan, a backdated reading, a correction, a retarget, milestones slipping and overdue,
 * evaluations with decisions, signals raised, acknowledged and cleared), a real Prometheus scrapes it, and every
 * query of every dashboard panel, template variable and alert rule runs against that Prometheus or the read model
 * in PostgreSQL, with the variables filled in. A query that returns nothing fails the test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "koers.signals.sweep-initial-delay=PT1H", "koers.metrics.refresh-interval=PT1S",
        "koers.kafka.enabled=true", "koers.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "koers.kafka.topics.partitions=1"})
@EmbeddedKafka(kraft = true)
@ContextConfiguration(initializers = OwnDatabaseInitializer.class)
@Import(MovableClockConfiguration.class)
@AutoConfigureObservability
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext // shared with no other test: closed while its database still runs, not at the JVM's exit
class DashboardQueriesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern METRIC = Pattern.compile("\\b((?:koers|axon|http_server|jvm|hikaricp)_\\w+|up)(\\{[^}]*})?");
    private static final String PROGRAMME = "permits";
    private static final String KPI = "adoption";

    @LocalServerPort
    int port;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    MovableClock clock;
    @Autowired
    SignalSweep sweep;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;

    private Prometheus prometheus;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @BeforeAll
    void aPortfolioWatchedByPrometheus() throws Exception {
        if (Prometheus.installed()) {
            prometheus = Prometheus.scraping("127.0.0.1:" + port);
        }
        new Portfolio().record();
        if (prometheus != null) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    !prometheus.query("koers_signals_open{type=\"KPI_STALE\"}").isEmpty()
                            && !prometheus.query("axon_processor_latency_seconds").isEmpty());
            // steady traffic while Prometheus scrapes an otherwise quiet service, so rates and latencies have numbers:
            // readings over HTTP and through Kafka, and a message on the readings topic that is no reading
            try (KafkaProducer<String, String> kafka = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), new StringSerializer(), new StringSerializer())) {
                kafka.send(new ProducerRecord<>("koers.readings", "energy", "{\"programmeId\": \"energy\""));
                for (int hour = 1; hour <= 10; hour++) {
                    String measuredAt = now.minus(5, ChronoUnit.DAYS).plus(hour, ChronoUnit.HOURS).toString();
                    post("/api/v1/programmes/energy/kpis/lead-time/readings", """
                            {"value": 45, "measuredAt": "%s", "readingId": "live-%d"}""".formatted(measuredAt, hour));
                    kafka.send(new ProducerRecord<>("koers.readings", "energy", """
                            {"programmeId": "energy", "kpiId": "lead-time", "value": 44, "measuredAt": "%s",
                             "readingId": "kafka-%d", "source": "case-system"}""".formatted(measuredAt, hour)));
                    Thread.sleep(500);
                }
            }
            Thread.sleep(2_000);
        }
    }

    @AfterAll
    void stop() throws IOException {
        GenericEventMessage.clock = Clock.tickMillis(ZoneOffset.UTC);
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Test
    void everySqlQueryOfEveryPanelAndVariableReturnsRows() throws Exception {
        assertThat(Dashboards.queries().stream().filter(query -> query.datasource().equals(Dashboards.POSTGRES)))
                .hasSizeGreaterThan(35);
        assertThat(Dashboards.withoutData(Dashboards.POSTGRES, jdbc, prometheus, PROGRAMME, KPI,
                now.minus(365, ChronoUnit.DAYS), now.plus(1, ChronoUnit.DAYS))).as("SQL queries without rows").isEmpty();
    }

    @Test
    void everyPromQlQueryOfEveryPanelReturnsSeriesWithNumbers() throws Exception {
        Prometheus.tool("prometheus");
        assertThat(Dashboards.queries().stream().filter(query -> query.datasource().equals(Dashboards.PROMETHEUS)))
                .hasSizeGreaterThan(25);
        assertThat(Dashboards.withoutData(Dashboards.PROMETHEUS, jdbc, prometheus, PROGRAMME, KPI, now, now))
                .as("PromQL queries without a number").isEmpty();
    }

    @Test
    void everyAlertRuleIsBackedBySeriesAndTheCourseCorrectionAlertsFireOnThisPortfolio() throws Exception {
        Prometheus.tool("prometheus");
        List<String> missing = new ArrayList<>();
        Map<String, String> alerts = alertRules();
        assertThat(alerts).isNotEmpty();
        for (Map.Entry<String, String> alert : alerts.entrySet()) {
            for (Map.Entry<String, Set<String>> selector : selectors(alert.getValue()).entrySet()) {
                // where the selector matches nothing (no server errors in this run), the metric and labels exist
                List<JsonNode> series = prometheus.query(selector.getKey());
                if (series.isEmpty()) {
                    series = prometheus.query(selector.getKey().replaceAll("\\{.*", ""));
                }
                boolean labelled = series.stream().anyMatch(one -> selector.getValue().stream().allMatch(one.path("metric")::has));
                if (!labelled) {
                    missing.add(alert.getKey() + ": " + selector.getKey());
                }
            }
        }
        assertThat(missing).as("alert selectors without series").isEmpty();
        for (String firing : List.of("KoersProgrammeRed", "KoersCriticalSignalUnacknowledged", "KoersKpiStale")) {
            assertThat(prometheus.query(alerts.get(firing))).as(firing).isNotEmpty();
        }
    }

    @Test
    void theExpositionPassesPromtoolsLintForKoersAndAxonMetrics() throws Exception {
        Path promtool = Prometheus.tool("promtool");
        Path exposition = Files.createTempFile("koers-metrics", ".txt");
        Files.writeString(exposition, get("/actuator/prometheus"));
        Prometheus.Result lint = Prometheus.run(exposition.getParent(), "sh", "-c",
                promtool + " check metrics < " + exposition);
        List<String> problems = lint.output().lines()
                .filter(line -> line.startsWith("koers_") || line.startsWith("axon_"))
                .toList();
        assertThat(problems).as(lint.output()).isEmpty();
        assertThat(Files.readString(exposition)).contains("koers_kpi_status{", "koers_milestone_slip_seconds{",
                "koers_signals_open{", "koers_programme_health{", "koers_programme_last_evaluation_timestamp_seconds{",
                "axon_events_appended_total", "axon_command_handling_seconds_bucket{");
    }

    /** The metric selectors of a PromQL expression, e.g. {@code up{job="koers"}}, with the label names they match on. */
    private static Map<String, Set<String>> selectors(String expression) {
        Map<String, Set<String>> selectors = new java.util.LinkedHashMap<>();
        Matcher matcher = METRIC.matcher(expression);
        while (matcher.find()) {
            String matchers = matcher.group(2) == null ? "" : matcher.group(2);
            Set<String> labels = new LinkedHashSet<>();
            Matcher label = Pattern.compile("(\\w+)\\s*[=!~]").matcher(matchers);
            while (label.find()) {
                labels.add(label.group(1));
            }
            selectors.put(matcher.group(1) + matchers, labels);
        }
        return selectors;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> alertRules() throws IOException {
        Map<String, Object> file = new Yaml().load(Files.readString(Repository.file("deploy/prometheus/alerts.yml")));
        Map<String, String> alerts = new java.util.LinkedHashMap<>();
        for (Object group : (List<Object>) file.get("groups")) {
            for (Object rule : (List<Object>) ((Map<String, Object>) group).get("rules")) {
                Map<String, Object> alert = (Map<String, Object>) rule;
                alerts.put((String) alert.get("alert"), ((String) alert.get("expr")).trim());
            }
        }
        return alerts;
    }

    private String get(String path) throws IOException, InterruptedException {
        return HTTP.send(asAdmin(path).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private JsonNode post(String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(asAdmin(path)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST " + path + " " + json + " → " + response.body()).isBetween(200, 299);
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    private HttpRequest.Builder asAdmin(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", TestCredentials.ADMIN_AUTHORIZATION);
    }

    /**
     * Four programmes over the last nine weeks, recorded week by week with the clock at each moment: "permits"
     * falls behind on adoption (CRITICAL, never acknowledged) and adjusts course; "housing" dips and recovers
     * (a warning acknowledged, then cleared) and its lead time goes RED (acknowledged); "energy" runs to plan;
     * "care" retargets a KPI, records a reading late and corrects another, re-baselines a milestone and skips its
     * evaluation. Each has a KPI that stops being measured (stale), a milestone achieved, one slipping and one overdue.
     */
    private final class Portfolio {

        private final Instant start = now.minus(63, ChronoUnit.DAYS);
        private final LocalDate programmeStart = date(start.minus(30, ChronoUnit.DAYS));

        void record() throws Exception {
            clock.set(start.minus(1, ChronoUnit.DAYS));
            for (String programme : List.of("permits", "housing", "energy", "care")) {
                define(programme);
            }
            for (int week = 0; week <= 8; week++) {
                Instant measured = start.plus(week * 7L, ChronoUnit.DAYS);
                clock.set(measured.plus(1, ChronoUnit.HOURS));
                reading("permits", "adoption", week, week >= 6 ? -12 : 1);
                reading("permits", "lead-time", week, 1);
                reading("housing", "adoption", week, week == 3 ? -7 : 0.5);
                reading("housing", "lead-time", week, week >= 5 ? 7 : -1);
                reading("energy", "adoption", week, week % 2 == 0 ? 1 : -1);
                reading("energy", "lead-time", week, week % 2 == 0 ? -0.5 : 0.5);
                if (week != 2) {
                    reading("care", "adoption", week, 2);
                }
                reading("care", "lead-time", week, 0);
                if (week <= 3) {
                    for (String programme : List.of("permits", "housing", "energy", "care")) {
                        reading(programme, "satisfaction", week, 0.1);
                    }
                }
                weekly(week);
            }
            clock.set(now);
            awaitProjected();
            sweep.sweep();
            awaitProjected();
        }

        private void define(String programme) throws Exception {
            post("/api/v1/programmes", """
                    {"id": "%s", "name": "Programme %s", "owner": "Programme office", "startDate": "%s",
                     "plannedEndDate": "%s", "objectives": [{"id": "faster", "statement": "Decisions within 4 weeks"}]}"""
                    .formatted(programme, programme, programmeStart, programmeStart.plusYears(1)));
            kpi(programme, "adoption", "HIGHER_IS_BETTER", 10, 80, 5, "USERS");
            kpi(programme, "lead-time", "LOWER_IS_BETTER", 56, 28, 3, "PROCESS");
            kpi(programme, "satisfaction", "HIGHER_IS_BETTER", 6, 8, 0.5, null);
            milestone(programme, "design", start.plus(14, ChronoUnit.DAYS));
            milestone(programme, "pilot", start.plus(70, ChronoUnit.DAYS));
            milestone(programme, "go-live", now.minus(3, ChronoUnit.DAYS));
            post("/api/v1/programmes/" + programme + "/evaluations", """
                    {"id": "q-review", "title": "Quarterly review", "scheduledFor": "%s"}"""
                    .formatted(date(start.plus(21, ChronoUnit.DAYS))));
        }

        private void kpi(String programme, String kpi, String direction, double baseline, double target, double tolerance,
                         String lever) throws Exception {
            post("/api/v1/programmes/" + programme + "/kpis", """
                    {"id": "%s", "name": "%s", "unit": "units", "direction": "%s", "baseline": %s, "baselineDate": "%s",
                     "target": %s, "targetDate": "%s", "tolerance": %s, "cadence": "P1W", "objectiveId": "faster",
                     "lever": %s}"""
                    .formatted(kpi, kpi, direction, baseline, programmeStart, target, programmeStart.plusDays(300),
                            tolerance, lever == null ? "null" : "\"" + lever + "\""));
        }

        private void milestone(String programme, String milestone, Instant due) throws Exception {
            post("/api/v1/programmes/" + programme + "/milestones", """
                    {"id": "%s", "title": "The %s milestone", "dueDate": "%s"}""".formatted(milestone, milestone, date(due)));
        }

        /** A reading {@code offset} from the plan line, measured at the start of the week. */
        private void reading(String programme, String kpi, int week, double offset) throws Exception {
            Instant measured = start.plus(week * 7L, ChronoUnit.DAYS);
            BigDecimal value = plan(programme, kpi, measured).add(BigDecimal.valueOf(offset)).setScale(2, RoundingMode.HALF_UP);
            post("/api/v1/programmes/" + programme + "/kpis/" + kpi + "/readings", """
                    {"value": %s, "measuredAt": "%s", "readingId": "w%d", "source": "case-system"}"""
                    .formatted(value, measured, week));
        }

        private BigDecimal plan(String programme, String kpi, Instant at) {
            Target target = switch (kpi) {
                case "adoption" -> new Target(BigDecimal.valueOf(80), programmeStart.plusDays(300), BigDecimal.valueOf(5));
                case "lead-time" -> new Target(BigDecimal.valueOf(programme.equals("care") && at.isAfter(retargetedAt()) ? 35 : 28),
                        programmeStart.plusDays(300), BigDecimal.valueOf(3));
                default -> new Target(BigDecimal.valueOf(8), programmeStart.plusDays(300), BigDecimal.valueOf(0.5));
            };
            double baseline = switch (kpi) {
                case "adoption" -> 10;
                case "lead-time" -> 56;
                default -> 6;
            };
            return PlanLine.of(BigDecimal.valueOf(baseline), programmeStart, target, List.of()).valueAt(at);
        }

        private Instant retargetedAt() {
            return start.plus(28, ChronoUnit.DAYS);
        }

        /** What happens beside the readings, week by week. */
        private void weekly(int week) throws Exception {
            switch (week) {
                case 2 -> {
                    for (String programme : List.of("permits", "housing", "energy", "care")) {
                        post("/api/v1/programmes/" + programme + "/milestones/design/achievement",
                                "{\"achievedOn\": \"" + date(clock.instant()) + "\"}");
                    }
                    post("/api/v1/programmes/permits/milestones/pilot/forecast",
                            "{\"forecastDate\": \"" + date(start.plus(120, ChronoUnit.DAYS)) + "\", \"reason\": \"Supplier late\"}");
                    post("/api/v1/programmes/housing/milestones/pilot/forecast",
                            "{\"forecastDate\": \"" + date(start.plus(75, ChronoUnit.DAYS)) + "\"}");
                }
                case 3 -> {
                    awaitProjected();
                    String warning = openSignal("housing", "KPI_OFF_PLAN");
                    post("/api/v1/signals/" + warning + "/acknowledgement", "{\"by\": \"Housing team\", \"note\": \"Holiday week\"}");
                    for (String programme : List.of("permits", "housing", "energy")) {
                        post("/api/v1/programmes/" + programme + "/evaluations/q-review/outcome", """
                                {"heldOn": "%s", "deliveryConfidence": "%s", "decision": "%s", "summary": "Quarterly review held",
                                 "actions": [{"description": "Report back", "owner": "Programme office", "dueDate": "%s"}],
                                 "addressedSignals": ["%s"]}"""
                                .formatted(date(clock.instant()), programme.equals("permits") ? "AMBER_RED" : "GREEN",
                                        programme.equals("permits") ? "ADJUST" : "CONTINUE",
                                        date(clock.instant().plus(14, ChronoUnit.DAYS)), warning));
                    }
                }
                case 4 -> {
                    post("/api/v1/programmes/care/kpis/lead-time/retarget",
                            "{\"target\": 35, \"targetDate\": \"" + programmeStart.plusDays(300) + "\", \"tolerance\": 3, \"reason\": \"New law\"}");
                    post("/api/v1/programmes/care/milestones/pilot/rebaseline", """
                            {"dueDate": "%s", "reason": "Scope added", "approvedBy": "Steering committee"}"""
                            .formatted(date(start.plus(90, ChronoUnit.DAYS))));
                }
                case 6 -> {
                    reading("care", "adoption", 2, 2); // recorded four weeks late
                    post("/api/v1/programmes/care/kpis/adoption/readings/w3/correction", """
                            {"value": %s, "reason": "Double counted"}""".formatted(plan("care", "adoption", start.plus(21, ChronoUnit.DAYS)).setScale(2, RoundingMode.HALF_UP)));
                    awaitProjected();
                    post("/api/v1/signals/" + openSignal("housing", "KPI_OFF_PLAN") + "/acknowledgement",
                            "{\"by\": \"Steering committee\", \"note\": \"Extra capacity\"}");
                }
                default -> {
                }
            }
        }

        private String openSignal(String programme, String type) throws Exception {
            JsonNode signals = JSON.readTree(get("/api/v1/signals?programme=" + programme + "&type=" + type + "&state=OPEN"));
            assertThat(signals.size()).as(programme + " " + type).isPositive();
            return signals.get(0).path("id").asText();
        }
    }

    /** Until every streaming processor has handled every event stored so far. */
    private void awaitProjected() {
        long head = eventStore.createHeadToken().position().orElse(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .allMatch(processor -> !processor.processingStatus().isEmpty() && processor.processingStatus().values().stream()
                        .allMatch(status -> status.getCurrentPosition().orElse(-1) >= head)));
    }

    private static LocalDate date(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
