package nl.koers.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Stopping and starting the service on the same database loses nothing, and the projection carries on. */
class RestartTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private final String database = TestDatabase.newDatabase();

    @Test
    void everythingRecordedBeforeARestartIsThereAfterItAndTheProjectionResumes() throws Exception {
        String before;
        try (Service service = start()) {
            service.post("/api/v1/programmes", """
                    {"id": "restart", "name": "Restart", "startDate": "2026-01-01", "plannedEndDate": "2027-01-01"}""");
            service.post("/api/v1/programmes/restart/kpis", """
                    {"id": "k", "name": "K", "unit": "n", "direction": "HIGHER_IS_BETTER", "baseline": 1,
                     "baselineDate": "2026-01-01", "target": 9, "targetDate": "2026-12-31", "tolerance": 1, "cadence": "P1M"}""");
            service.post("/api/v1/programmes/restart/kpis/k/readings",
                    "{\"value\": 2, \"measuredAt\": \"2026-02-01\", \"readingId\": \"feb\"}");
            before = service.awaitReadings("/api/v1/programmes/restart/kpis/k", 1);
        }
        try (Service service = start()) {
            assertThat(withoutNow(service.get("/api/v1/programmes/restart/kpis/k"))).isEqualTo(withoutNow(before));
            service.post("/api/v1/programmes/restart/kpis/k/readings",
                    "{\"value\": 3, \"measuredAt\": \"2026-03-01\", \"readingId\": \"mar\"}");
            String after = service.awaitReadings("/api/v1/programmes/restart/kpis/k", 2);
            assertThat(after).contains("\"readingId\":\"feb\"", "\"readingId\":\"mar\"");
        }
    }

    @Test
    void aProjectionResetAndReplayedFromTheEventStoreAnswersTheSame() throws Exception {
        String before;
        try (Service service = start()) {
            service.post("/api/v1/programmes", """
                    {"id": "replay", "name": "Replay", "startDate": "2026-01-01", "plannedEndDate": "2027-01-01",
                     "objectives": [{"id": "o", "statement": "S"}]}""");
            service.post("/api/v1/programmes/replay/kpis", """
                    {"id": "k", "name": "K", "unit": "n", "direction": "LOWER_IS_BETTER", "baseline": 9,
                     "baselineDate": "2026-01-01", "target": 1, "targetDate": "2026-12-31", "tolerance": 1, "cadence": "P1W"}""");
            service.post("/api/v1/programmes/replay/kpis/k/readings",
                    "{\"value\": 8, \"measuredAt\": \"2026-02-01\", \"readingId\": \"a\"}");
            service.post("/api/v1/programmes/replay/kpis/k/readings/a/correction", "{\"value\": 7.5, \"reason\": \"typo\"}");
            service.post("/api/v1/programmes/replay/milestones", "{\"id\": \"m\", \"title\": \"M\", \"dueDate\": \"2026-05-01\"}");
            service.post("/api/v1/programmes/replay/milestones/m/rebaseline",
                    "{\"dueDate\": \"2026-06-01\", \"reason\": \"r\", \"approvedBy\": \"SC\"}");
            service.awaitReadings("/api/v1/programmes/replay/kpis/k", 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> service.get("/api/v1/programmes/replay").contains("\"rebaselines\":[{"));
            before = service.get("/api/v1/programmes/replay") + service.get("/api/v1/programmes/replay/kpis/k")
                    + service.get("/api/v1/programmes/replay/kpis/k/readings/a");
            JdbcClient jdbc = service.context.getBean(JdbcClient.class);
            jdbc.sql("delete from nav_programme").update();
            jdbc.sql("delete from token_entry where processor_name = 'programme-view'").update();
        }
        try (Service service = start()) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(withoutNow(
                    service.get("/api/v1/programmes/replay") + service.get("/api/v1/programmes/replay/kpis/k")
                            + service.get("/api/v1/programmes/replay/kpis/k/readings/a"))).isEqualTo(withoutNow(before)));
        }
    }

    /** The plan value now moves with the clock; everything else must read the same. */
    private static String withoutNow(String json) {
        return json.replaceAll("\"planValueNow\":[-0-9.E]+", "\"planValueNow\":_");
    }

    private Service start() {
        return new Service(new SpringApplicationBuilder(KoersApplication.class)
                .run("--server.port=0", "--koers.embedded-database.enabled=false",
                        "--spring.datasource.url=" + database, "--spring.datasource.username=postgres"));
    }

    private record Service(ConfigurableApplicationContext context) implements AutoCloseable {

        String base() {
            return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
        }

        void post(String path, String json) throws Exception {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(base() + path))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        }

        String get(String path) throws Exception {
            return CLIENT.send(HttpRequest.newBuilder(URI.create(base() + path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }

        /** The KPI as soon as the projection shows {@code count} readings (the latest one is listed once more). */
        String awaitReadings(String kpiPath, int count) {
            return await().atMost(Duration.ofSeconds(10)).until(() -> get(kpiPath),
                    body -> body.split("\"readingId\"", -1).length - 1 == count + 1);
        }

        @Override
        public void close() {
            context.close();
        }
    }
}
