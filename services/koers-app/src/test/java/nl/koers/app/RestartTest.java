package nl.koers.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.jayway.jsonpath.JsonPath;
import nl.koers.app.navigation.ProjectionCatchUp;
import org.junit.jupiter.api.Test;

/** Stopping and starting the service on the same database loses nothing, and the projection carries on. */
class RestartTest {

    private final String database = TestDatabase.newDatabase();

    @Test
    void everythingRecordedBeforeARestartIsThereAfterItAndTheProjectionResumes() throws Exception {
        String before;
        try (RunningService service = RunningService.onDatabase(database)) {
            service.post("/api/v1/programmes", """
                    {"id": "restart", "name": "Restart", "startDate": "2026-01-01", "plannedEndDate": "2027-01-01"}""", 201);
            service.post("/api/v1/programmes/restart/kpis", """
                    {"id": "k", "name": "K", "unit": "n", "direction": "HIGHER_IS_BETTER", "baseline": 1,
                     "baselineDate": "2026-01-01", "target": 9, "targetDate": "2026-12-31", "tolerance": 1, "cadence": "P1M"}""", 201);
            service.post("/api/v1/programmes/restart/kpis/k/readings",
                    "{\"value\": 2, \"measuredAt\": \"2026-02-01\", \"readingId\": \"feb\"}", 201);
            before = awaitReadings(service, "/api/v1/programmes/restart/kpis/k", 1);
        }
        try (RunningService service = RunningService.onDatabase(database)) {
            assertThat(withoutNow(service.get("/api/v1/programmes/restart/kpis/k"))).isEqualTo(withoutNow(before));
            service.post("/api/v1/programmes/restart/kpis/k/readings",
                    "{\"value\": 3, \"measuredAt\": \"2026-03-01\", \"readingId\": \"mar\"}", 201);
            String after = awaitReadings(service, "/api/v1/programmes/restart/kpis/k", 2);
            assertThat(after).contains("\"readingId\":\"feb\"", "\"readingId\":\"mar\"");
        }
    }

    @Test
    void aProjectionResetAndReplayedFromTheEventStoreAnswersTheSame() throws Exception {
        try (RunningService service = RunningService.onDatabase(database)) {
            service.post("/api/v1/programmes", """
                    {"id": "replay", "name": "Replay", "startDate": "2026-01-01", "plannedEndDate": "2027-01-01",
                     "objectives": [{"id": "o", "statement": "S"}]}""", 201);
            service.post("/api/v1/programmes/replay/kpis", """
                    {"id": "k", "name": "K", "unit": "n", "direction": "LOWER_IS_BETTER", "baseline": 9,
                     "baselineDate": "2026-01-01", "target": 1, "targetDate": "2026-12-31", "tolerance": 1, "cadence": "P1W"}""", 201);
            service.post("/api/v1/programmes/replay/kpis/k/readings",
                    "{\"value\": 8, \"measuredAt\": \"2026-02-01\", \"readingId\": \"a\"}", 201);
            service.post("/api/v1/programmes/replay/kpis/k/readings/a/correction",
                    "{\"value\": 7.5, \"reason\": \"typo\"}", 204);
            service.post("/api/v1/programmes/replay/milestones",
                    "{\"id\": \"m\", \"title\": \"M\", \"dueDate\": \"2026-05-01\"}", 201);
            service.post("/api/v1/programmes/replay/milestones/m/rebaseline",
                    "{\"dueDate\": \"2026-06-01\", \"reason\": \"r\", \"approvedBy\": \"SC\"}", 204);
            // 9 on 1 Mar is 1.30 worse than the plan of 7.70: AMBER, a KPI_OFF_PLAN WARNING; the forecast slips
            service.post("/api/v1/programmes/replay/kpis/k/readings",
                    "{\"value\": 9, \"measuredAt\": \"2026-03-01\", \"readingId\": \"b\"}", 201);
            service.post("/api/v1/programmes/replay/milestones/m/forecast", "{\"forecastDate\": \"2026-07-01\"}", 204);
            awaitReadings(service, "/api/v1/programmes/replay/kpis/k", 2);
            await().atMost(Duration.ofSeconds(10)).until(() -> service.get("/api/v1/signals?programme=replay")
                    .contains("MILESTONE_SLIPPING"));
            String before = everythingAbout(service, "replay");
            assertThat(before).contains("KPI_OFF_PLAN", "MILESTONE_SLIPPING");

            // when the projection is reset (its reset handlers empty the read model) and replays the event store
            service.bean(ProjectionCatchUp.class).rebuild();

            // then every answer reads the same as before
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(withoutNow(everythingAbout(service, "replay"))).isEqualTo(withoutNow(before)));
        }
    }

    private static String everythingAbout(RunningService service, String programmeId) throws Exception {
        String programme = "/api/v1/programmes/" + programmeId;
        return service.get(programme) + service.get(programme + "/kpis/k") + service.get(programme + "/kpis/k/readings/a")
                + service.get(programme + "/milestones/m") + service.get("/api/v1/signals?programme=" + programmeId);
    }

    /** The plan value now moves with the clock; everything else must read the same. */
    private static String withoutNow(String json) {
        return json.replaceAll("\"planValueNow\":[-0-9.E]+", "\"planValueNow\":_");
    }

    /** The KPI as soon as the projection shows {@code count} readings. */
    private static String awaitReadings(RunningService service, String kpiPath, int count) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> service.get(kpiPath),
                body -> body.contains("\"readings\"") && JsonPath.<Integer>read(body, "$.readings.length()") == count);
    }
}
