package nl.koers.app.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Today's views come from the projection's tables, the as-of views from folding the history: after every kind of
 * command, the view as of now is exactly today's view, so the two ways of reading cannot drift apart.
 */
class AsOfNowTest extends TimedApiTest {

    private static final String PID = "as-of-now";
    private static final String PROGRAMME = "/api/v1/programmes/" + PID;
    private static final String KPI = PROGRAMME + "/kpis/adoption";
    private static final Duration PROJECTION_LAG = Duration.ofSeconds(30);

    private Instant moment = Instant.parse("2026-03-09T09:00:00Z");

    @Test
    void afterEveryKindOfCommandTheViewAsOfNowIsTodaysView() throws Exception {
        command("/api/v1/programmes", """
                {"id": "%s", "name": "Digital permits", "startDate": "2026-01-01", "plannedEndDate": "2027-06-30"}"""
                .formatted(PID));
        command(PROGRAMME + "/kpis", """
                {"id": "adoption", "name": "Adoption", "unit": "%", "direction": "HIGHER_IS_BETTER", "baseline": 10,
                 "baselineDate": "2026-01-01", "target": 80, "targetDate": "2026-12-31", "tolerance": 5, "cadence": "P1W",
                 "lever": "USERS"}""");
        command(PROGRAMME + "/milestones", "{\"id\": \"pilot\", \"title\": \"Pilot\", \"dueDate\": \"2026-06-01\"}");
        command(PROGRAMME + "/milestones", "{\"id\": \"launch\", \"title\": \"Launch\", \"dueDate\": \"2026-09-01\"}");
        command(PROGRAMME + "/evaluations",
                "{\"id\": \"q1\", \"title\": \"Quarterly review\", \"scheduledFor\": \"2026-03-05\"}");
        command(KPI + "/readings", "{\"value\": 11, \"measuredAt\": \"2026-03-01\", \"readingId\": \"w9\"}");
        command("/api/v1/signals/" + api.awaitSignalId(PID) + "/acknowledgement",
                "{\"by\": \"Steering committee\", \"note\": \"second intake team\"}");
        command(KPI + "/readings", "{\"value\": 22, \"measuredAt\": \"2026-03-08\", \"readingId\": \"w10\"}");
        command(KPI + "/retarget",
                "{\"target\": 70, \"targetDate\": \"2027-03-31\", \"tolerance\": 4, \"reason\": \"scope cut\"}");
        command(KPI + "/readings/w9/correction", "{\"value\": 20, \"reason\": \"the export missed a region\"}");
        command(KPI + "/readings/w10/retraction", "{\"reason\": \"measured twice\"}");
        command(PROGRAMME + "/milestones/pilot/forecast", "{\"forecastDate\": \"2026-06-20\", \"reason\": \"supplier\"}");
        command(PROGRAMME + "/milestones/pilot/rebaseline",
                "{\"dueDate\": \"2026-07-01\", \"reason\": \"supplier late\", \"approvedBy\": \"SC\"}");
        command(PROGRAMME + "/milestones/pilot/achievement", "{\"achievedOn\": \"2026-03-05\"}");
        command(PROGRAMME + "/milestones/launch/cancellation", "{\"reason\": \"merged into the pilot\"}");
        command(PROGRAMME + "/evaluations/q1/outcome", """
                {"heldOn": "2026-03-06", "deliveryConfidence": "AMBER", "decision": "ADJUST", "summary": "Intake",
                 "actions": [{"description": "Second intake team", "owner": "PMO", "dueDate": "2026-04-30"}]}""");
        command(PROGRAMME + "/pause", "{\"reason\": \"budget review\"}");
        command(PROGRAMME + "/resume", "{\"reason\": \"budget approved\"}");
        command(PROGRAMME + "/close", "{\"reason\": \"delivered\"}");
    }

    /** Sends the command a minute after the last, then compares the views once the projection caught up. */
    private void command(String path, String json) throws Exception {
        moment = moment.plus(Duration.ofMinutes(1));
        api.at(moment, path, json);
        Instant now = moment.plusSeconds(1);
        clock.set(now);
        await().atMost(PROJECTION_LAG).untilAsserted(
                () -> assertThat(everythingAsOf(now)).as("after POST %s", path).isEqualTo(everythingNow()));
    }

    private String everythingAsOf(Instant asOf) throws Exception {
        return everything(asOf);
    }

    private String everythingNow() throws Exception {
        return everything(null);
    }

    /** This programme's views, as of {@code asOf} or (null) today's; the portfolio's entry for this programme only. */
    private String everything(Instant asOf) throws Exception {
        return JsonPath.parse(api.body(asOf == null ? get("/api/v1/programmes")
                        : get("/api/v1/programmes").param("asOf", asOf.toString())))
                .read("$[?(@.id == '%s')]".formatted(PID)).toString()
                + read(get(PROGRAMME), asOf)
                + read(get(KPI), asOf)
                + read(get(PROGRAMME + "/milestones/pilot"), asOf)
                + read(get(PROGRAMME + "/milestones/launch"), asOf)
                + read(get(PROGRAMME + "/evaluations/q1"), asOf)
                + read(get("/api/v1/signals").param("programme", PID), asOf);
    }

    /** The answer's status and body: a part not there yet is not there either way. */
    private String read(MockHttpServletRequestBuilder request, Instant asOf) throws Exception {
        MockHttpServletResponse response = http.perform(asOf == null ? request : request.param("asOf", asOf.toString()))
                .andReturn().getResponse();
        return response.getStatus() + " " + response.getContentAsString(StandardCharsets.UTF_8);
    }
}
