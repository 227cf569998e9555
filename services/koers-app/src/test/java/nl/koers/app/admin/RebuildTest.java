package nl.koers.app.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import com.jayway.jsonpath.JsonPath;
import nl.koers.app.KoersIntegrationTest;
import nl.koers.app.MovableClock;
import nl.koers.app.MovableClockConfiguration;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** A rebuild through the admin endpoint replays the event store on PostgreSQL into exactly the same answers. */
@KoersIntegrationTest
@Import(MovableClockConfiguration.class)
class RebuildTest {

    private static final String PROGRAMME = "/api/v1/programmes/rebuilt";
    private static final String KPI = PROGRAMME + "/kpis/adoption";

    @Autowired
    MockMvc http;
    @Autowired
    MovableClock clock;

    @AfterAll
    static void eventsAreStampedByTheRealClockAgain() {
        GenericEventMessage.clock = Clock.tickMillis(ZoneOffset.UTC);
    }

    @Test
    void aRebuildGivesByteIdenticalAnswersAndReportsItsProgress() throws Exception {
        at("2026-03-02T09:00:00Z", "/api/v1/programmes", """
                {"id": "rebuilt", "name": "Rebuilt", "startDate": "2026-01-01", "plannedEndDate": "2027-06-30"}""");
        at("2026-03-02T09:01:00Z", PROGRAMME + "/kpis", """
                {"id": "adoption", "name": "Adoption", "unit": "%", "direction": "HIGHER_IS_BETTER", "baseline": 10,
                 "baselineDate": "2026-01-01", "target": 80, "targetDate": "2026-12-31", "tolerance": 5, "cadence": "P1W"}""");
        at("2026-03-02T09:02:00Z", PROGRAMME + "/milestones", "{\"id\": \"m\", \"title\": \"M\", \"dueDate\": \"2026-05-01\"}");
        at("2026-03-02T10:00:00Z", KPI + "/readings", "{\"value\": 11, \"measuredAt\": \"2026-03-01\", \"readingId\": \"a\"}");
        at("2026-03-03T10:00:00Z", KPI + "/readings/a/correction", "{\"value\": 18.5, \"reason\": \"typo\"}");
        at("2026-03-04T10:00:00Z", PROGRAMME + "/milestones/m/rebaseline",
                "{\"dueDate\": \"2026-06-01\", \"reason\": \"r\", \"approvedBy\": \"SC\"}");
        at("2026-03-05T10:00:00Z", PROGRAMME + "/milestones/m/forecast", "{\"forecastDate\": \"2026-07-01\"}");
        clock.set(Instant.parse("2026-03-06T10:00:00Z"));
        await().atMost(Duration.ofSeconds(10)).until(() -> body(get(PROGRAMME + "/history")),
                history -> JsonPath.<Integer>read(history, "$.length()") >= 9);
        String before = everything();

        http.perform(MockMvcRequestBuilders.post("/api/v1/admin/rebuild"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/v1/admin/rebuild"))
                .andExpect(jsonPath("$.processor").value("programme-view"));
        String done = await().atMost(Duration.ofSeconds(30)).until(() -> body(get("/api/v1/admin/rebuild")),
                progress -> progress.contains("\"DONE\""));

        assertThat(JsonPath.<Integer>read(done, "$.eventsDone")).isEqualTo(JsonPath.read(done, "$.eventsTotal"))
                .isGreaterThanOrEqualTo(9);
        assertThat(everything()).isEqualTo(before);
    }

    private String everything() throws Exception {
        return body(get(PROGRAMME)) + body(get(KPI)) + body(get(KPI + "/readings/a")) + body(get(PROGRAMME + "/milestones/m"))
                + body(get("/api/v1/signals").param("programme", "rebuilt")) + body(get(PROGRAMME + "/history"))
                + body(get(PROGRAMME + "/changes").param("from", "2026-03-02T09:30:00Z").param("to", "2026-03-05T00:00:00Z"))
                + body(get(PROGRAMME).param("asOf", "2026-03-02T12:00:00Z"))
                + body(get(PROGRAMME + "/report").accept("text/markdown"));
    }

    private String body(MockHttpServletRequestBuilder request) throws Exception {
        return http.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private void at(String moment, String path, String json) throws Exception {
        clock.set(Instant.parse(moment));
        int status = http.perform(MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON).content(json))
                .andReturn().getResponse().getStatus();
        assertThat(status).as(path).isBetween(200, 299);
    }
}
