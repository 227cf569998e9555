package nl.koers.app.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;

import nl.koers.app.RunningService;
import nl.koers.app.TestDatabase;
import nl.koers.app.demo.DemoPortfolio;
import nl.koers.app.signals.SignalSweep;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Grafana dashboards come alive with the demo portfolio (issue 19): the service started with
 * {@code --koers.demo=true} on an empty store, a real Prometheus scraping it, every panel's and variable's query
 * returns data for a demo programme, but for those the IT Dashboard's export cannot fill.
 */
class DemoDashboardsTest {

    /** A demo investment (TSA - Air Cargo Security) with achieved projects, open ones slipping, and a cost KPI. */
    private static final String PROGRAMME = "itd-024-000005670";
    private static final String KPI = "cost-overrun";

    /**
     * The queries of what the export holds nothing of: evaluations and their outcomes (the replay's annotations),
     * acknowledgements, a KPI's trend (one reading each), and Kafka (off in the demo; with it, the only processor that
     * streams the store, whose lag the platform dashboard shows: the views are written inline). {@link
     * DashboardQueriesTest} shows these panels with data. (Delivery confidence and the days since the latest
     * evaluation are SQL as of the range's end now: a row without a value, which Grafana shows as "no evaluation
     * yet".)
     */
    private static final List<String> NOT_IN_THE_EXPORT = List.of(
            "/ Evaluations and decisions recorded by the end of the range [", "/ annotation Evaluation outcomes [",
            "/ Signals acknowledged per week [", "/ Median time to acknowledge by signal type [", "/ Decisions taken [",
            "/ Decisions [", "koers_kpi_forecast_", "koers_kafka_", "koers_processor_lag_events");

    private static RunningService service;
    private static Prometheus prometheus;
    private static final Instant NOW = Instant.now();

    @BeforeAll
    static void theDemoWatchedByPrometheus() throws Exception {
        service = RunningService.onDatabase(TestDatabase.newDatabase(), "--koers.demo=true",
                "--koers.metrics.refresh-interval=PT1S");
        // Prometheus scrapes while the demo loads, as it would on the first start: the load is the commands' traffic
        if (Prometheus.installed()) {
            prometheus = Prometheus.scraping(URI.create(service.base()).getAuthority());
        }
        System.out.println("Demo portfolio: " + service.bean(DemoPortfolio.class).loaded().get(5, TimeUnit.MINUTES));
        service.bean(SignalSweep.class).sweep();
        if (prometheus != null) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    !prometheus.query("koers_signals_open{type=\"MILESTONE_OVERDUE\"}").isEmpty());
            // a reader at work while Prometheus scrapes, so request rates and latencies have numbers
            for (int second = 0; second < 6; second++) {
                service.get("/api/v1/programmes/" + PROGRAMME);
                service.get("/api/v1/signals?programme=" + PROGRAMME);
                Thread.sleep(500);
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
        service.close();
    }

    @Test
    void everySqlQueryReturnsRowsForTheDemo() throws Exception {
        List<String> empty = Dashboards.withoutData(Dashboards.POSTGRES, service.bean(JdbcClient.class), prometheus,
                PROGRAMME, KPI, NOW.minus(365, ChronoUnit.DAYS), NOW.plus(1, ChronoUnit.DAYS));
        System.out.println("SQL queries without rows for the demo: " + empty);
        assertThat(empty).as("SQL queries without rows").allMatch(query -> NOT_IN_THE_EXPORT.stream().anyMatch(query::contains));
    }

    @Test
    void everyPromQlQueryReturnsSeriesForTheDemo() throws Exception {
        Prometheus.tool("prometheus");
        List<String> empty = Dashboards.withoutData(Dashboards.PROMETHEUS, service.bean(JdbcClient.class), prometheus,
                PROGRAMME, KPI, NOW, NOW);
        System.out.println("PromQL queries without a number for the demo: " + empty);
        assertThat(empty).as("PromQL queries without a number")
                .allMatch(query -> NOT_IN_THE_EXPORT.stream().anyMatch(query::contains));
    }
}
