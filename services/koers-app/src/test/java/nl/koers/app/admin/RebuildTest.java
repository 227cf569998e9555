package nl.koers.app.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;

import com.jayway.jsonpath.JsonPath;
import nl.koers.app.history.TimedApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * A rebuild through the admin endpoint replays the event store on PostgreSQL into exactly the same answers. The
 * programme's events are replayed in one batch, whose writes are sent together at its commit: a correction and a
 * retraction of a reading recorded earlier in the batch, and a retarget that reads the plan line, see what the batch
 * wrote before them.
 */
class RebuildTest extends TimedApiTest {

    private static final String PROGRAMME = "/api/v1/programmes/rebuilt";
    private static final String KPI = PROGRAMME + "/kpis/adoption";


    @Test
    void aRebuildGivesByteIdenticalAnswersAndReportsItsProgress() throws Exception {
        api.at("2026-03-02T09:00:00Z", "/api/v1/programmes", """
                {"id": "rebuilt", "name": "Rebuilt", "startDate": "2026-01-01", "plannedEndDate": "2027-06-30"}""");
        api.at("2026-03-02T09:01:00Z", PROGRAMME + "/kpis", """
                {"id": "adoption", "name": "Adoption", "unit": "%", "direction": "HIGHER_IS_BETTER", "baseline": 10,
                 "baselineDate": "2026-01-01", "target": 80, "targetDate": "2026-12-31", "tolerance": 5, "cadence": "P1W"}""");
        api.at("2026-03-02T09:02:00Z", PROGRAMME + "/milestones", "{\"id\": \"m\", \"title\": \"M\", \"dueDate\": \"2026-05-01\"}");
        api.at("2026-03-02T10:00:00Z", KPI + "/readings", "{\"value\": 11, \"measuredAt\": \"2026-03-01\", \"readingId\": \"a\"}");
        api.at("2026-03-03T10:00:00Z", KPI + "/readings/a/correction", "{\"value\": 18.5, \"reason\": \"typo\"}");
        api.at("2026-03-04T10:00:00Z", PROGRAMME + "/milestones/m/rebaseline",
                "{\"dueDate\": \"2026-06-01\", \"reason\": \"r\", \"approvedBy\": \"SC\"}");
        api.at("2026-03-05T10:00:00Z", PROGRAMME + "/milestones/m/forecast", "{\"forecastDate\": \"2026-07-01\"}");
        api.at("2026-03-05T11:00:00Z", KPI + "/retarget",
                "{\"target\": 70, \"targetDate\": \"2026-12-31\", \"tolerance\": 4, \"reason\": \"Scope\"}");
        api.at("2026-03-05T12:00:00Z", KPI + "/readings", "{\"value\": 25, \"measuredAt\": \"2026-03-05\", \"readingId\": \"b\"}");
        api.at("2026-03-05T13:00:00Z", KPI + "/readings/b/retraction", "{\"reason\": \"counted twice\"}");
        clock.set(Instant.parse("2026-03-06T10:00:00Z"));
        api.awaitHistory("rebuilt", 13);
        String before = everything();

        http.perform(MockMvcRequestBuilders.post("/api/v1/admin/rebuild"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/v1/admin/rebuild"))
                .andExpect(jsonPath("$.processor").value("programme-view"));
        String done = await().atMost(Duration.ofSeconds(30)).until(() -> api.body(get("/api/v1/admin/rebuild")),
                progress -> progress.contains("\"DONE\""));

        assertThat(JsonPath.<Integer>read(done, "$.eventsDone")).isEqualTo(JsonPath.read(done, "$.eventsTotal"))
                .isGreaterThanOrEqualTo(13);
        // DONE is reported once the replay has read the last event; its batch's commit may follow a moment later
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(everything()).isEqualTo(before));
    }

    private String everything() throws Exception {
        return api.body(get(PROGRAMME)) + api.body(get(KPI)) + api.body(get(KPI + "/readings/a")) + api.body(get(PROGRAMME + "/milestones/m"))
                + api.body(get("/api/v1/signals").param("programme", "rebuilt")) + api.body(get(PROGRAMME + "/history"))
                + api.body(get(PROGRAMME + "/changes").param("from", "2026-03-02T09:30:00Z").param("to", "2026-03-05T00:00:00Z"))
                + api.body(get(PROGRAMME).param("asOf", "2026-03-02T12:00:00Z"))
                + api.body(get(PROGRAMME + "/report").accept("text/markdown"));
    }
}
