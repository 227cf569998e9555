package nl.koers.app.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The course-correction signals as a programme office and a steering committee meet them, through the HTTP API on
 * a real PostgreSQL, with a clock the test moves and the time-driven sweep run by hand.
 */
@KoersIntegrationTest
@Import(MovableClockConfiguration.class)
class SignalScenariosTest {

    private static final Duration PROJECTION_LAG = Duration.ofSeconds(10);

    @Autowired
    MockMvc http;
    @Autowired
    MovableClock clock;
    @Autowired
    SignalSweep sweep;

    private static int programmes;
    private String pid;

    @BeforeEach
    void givenAProgrammeStartedOnNewYear() throws Exception {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        // another test class sharing this context may have put the real clock back on events when it finished
        GenericEventMessage.clock = clock;
        pid = "scenario-" + (++programmes);
        post("/api/v1/programmes", """
                {"id": "%s", "name": "Digital permits", "startDate": "2026-01-01", "plannedEndDate": "2027-06-30"}""".formatted(pid));
    }

    @AfterAll
    static void eventsAreStampedByTheRealClockAgain() {
        GenericEventMessage.clock = Clock.tickMillis(ZoneOffset.UTC);
    }

    @Test
    void aKpiGoesOffPlanIsAcknowledgedAndClearsWhenTheNextReadingIsBackOnPlan() throws Exception {
        // given baseline 10 on 1 Jan, target 80 on 31 Dec, tolerance 5: the plan on 1 Mar is 21.35
        post(kpis(), """
                {"id": "adoption", "name": "Adoption", "unit": "%", "direction": "HIGHER_IS_BETTER", "baseline": 10,
                 "baselineDate": "2026-01-01", "target": 80, "targetDate": "2026-12-31", "tolerance": 5, "cadence": "P1W"}""");
        // when a reading of 11 arrives for 1 Mar: 10.35 below plan, more than twice the tolerance
        post(kpis() + "/adoption/readings", "{\"value\": 11, \"measuredAt\": \"2026-03-01\", \"readingId\": \"w9\"}");

        // then the KPI is off plan: CRITICAL, with the numbers, and the programme's health is RED
        String signalId = awaitSignal("KPI_OFF_PLAN", "OPEN");
        http.perform(get("/api/v1/signals").param("programme", pid).param("type", "KPI_OFF_PLAN"))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].severity").value("CRITICAL"))
                .andExpect(jsonPath("$[0].subject.kind").value("KPI"))
                .andExpect(jsonPath("$[0].subject.id").value("adoption"))
                .andExpect(jsonPath("$[0].subject.programmeId").value(pid))
                .andExpect(jsonPath("$[0].explanation", containsString("21.35")))
                .andExpect(jsonPath("$[0].evidence").isMap());
        http.perform(get("/api/v1/programmes/" + pid))
                .andExpect(jsonPath("$.health").value("RED"))
                .andExpect(jsonPath("$.openSignals.CRITICAL").value(1))
                .andExpect(jsonPath("$.signals[0].id").value(signalId));

        // when the steering committee acknowledges it
        post("/api/v1/signals/" + signalId + "/acknowledgement", "{\"by\": \"Steering committee\", \"note\": \"Second intake team\"}");
        awaitSignal("KPI_OFF_PLAN", "ACKNOWLEDGED");

        // and the next reading is back on plan (plan on 8 Mar: 10 + 70 × 66 / 364 = 22.69; 24 is above it)
        clock.set(Instant.parse("2026-03-09T09:00:00Z"));
        post(kpis() + "/adoption/readings", "{\"value\": 24, \"measuredAt\": \"2026-03-08\", \"readingId\": \"w10\"}");

        // then the signal clears by itself, and a cleared signal cannot be acknowledged
        awaitSignal("KPI_OFF_PLAN", "CLEARED");
        http.perform(get("/api/v1/programmes/" + pid)).andExpect(jsonPath("$.openSignals.CRITICAL").value(0));
        send("/api/v1/signals/" + signalId + "/acknowledgement", "{\"by\": \"SC\", \"note\": \"late\"}")
                .andExpect(status().isConflict());
    }

    @Test
    void aKpiThatStopsBeingMeasuredGoesStaleWhenTheClockMoves() throws Exception {
        post(kpis(), """
                {"id": "lead-time", "name": "Lead time", "unit": "days", "direction": "LOWER_IS_BETTER", "baseline": 56,
                 "baselineDate": "2026-01-01", "target": 28, "targetDate": "2026-12-31", "tolerance": 3, "cadence": "P1W"}""");
        post(kpis() + "/lead-time/readings", "{\"value\": 50, \"measuredAt\": \"2026-03-02\", \"readingId\": \"w10\"}");
        awaitKpiReadings("lead-time", 1);

        // 10 days after the last reading: within 1.5 × a week (10.5 days)
        clock.set(Instant.parse("2026-03-12T09:00:00Z"));
        sweep.sweep();
        http.perform(get("/api/v1/signals").param("programme", pid).param("type", "KPI_STALE"))
                .andExpect(jsonPath("$.length()").value(0));

        // 11 days after it: stale
        clock.set(Instant.parse("2026-03-13T09:00:00Z"));
        assertThat(sweep.sweep().ran()).isTrue();
        String stale = awaitSignal("KPI_STALE", "OPEN");
        http.perform(get("/api/v1/signals").param("programme", pid).param("type", "KPI_STALE"))
                .andExpect(jsonPath("$[0].severity").value("WARNING"));

        // a second sweep raises nothing new
        sweep.sweep();
        http.perform(get("/api/v1/signals").param("programme", pid).param("type", "KPI_STALE"))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(stale));
    }

    @Test
    void aMilestoneForecastSlippingPast30PercentOfItsPlannedDurationTurnsCritical() throws Exception {
        // due 1 Jun: 151 days after the programme's start on 1 Jan
        post("/api/v1/programmes/" + pid + "/milestones", "{\"id\": \"pilot\", \"title\": \"Pilot live\", \"dueDate\": \"2026-06-01\"}");

        // forecast 16 Jul: 45 days late, 29.8 % of 151 days
        post("/api/v1/programmes/" + pid + "/milestones/pilot/forecast", "{\"forecastDate\": \"2026-07-16\"}");
        awaitSignal("MILESTONE_SLIPPING", "OPEN");
        http.perform(get("/api/v1/signals").param("programme", pid).param("type", "MILESTONE_SLIPPING"))
                .andExpect(jsonPath("$[0].severity").value("WARNING"));

        // forecast 17 Jul: 46 days late, 30.5 %
        post("/api/v1/programmes/" + pid + "/milestones/pilot/forecast", "{\"forecastDate\": \"2026-07-17\"}");
        await().atMost(PROJECTION_LAG).untilAsserted(() ->
                http.perform(get("/api/v1/signals").param("programme", pid).param("type", "MILESTONE_SLIPPING"))
                        .andExpect(jsonPath("$.length()").value(1))
                        .andExpect(jsonPath("$[0].severity").value("CRITICAL")));
        http.perform(get("/api/v1/programmes/" + pid + "/milestones/pilot"))
                .andExpect(jsonPath("$.slipDays").value(46))
                .andExpect(jsonPath("$.slipPercent", closeTo(30.46, 0.01)));
    }

    @Test
    void anEvaluationThatIsSkippedIsFlaggedAndTheFlagClearsWhenItsOutcomeIsRecorded() throws Exception {
        post("/api/v1/programmes/" + pid + "/evaluations", "{\"id\": \"q1\", \"title\": \"Q1 review\", \"scheduledFor\": \"2026-03-03\"}");
        // the sweep picks its candidates from the read model
        await().atMost(PROJECTION_LAG).untilAsserted(() ->
                http.perform(get("/api/v1/programmes/" + pid + "/evaluations/q1")).andExpect(status().isOk()));

        // 8 days after the scheduled date, still no outcome
        clock.set(Instant.parse("2026-03-11T09:00:00Z"));
        sweep.sweep();
        awaitSignal("EVALUATION_OVERDUE", "OPEN");
        http.perform(get("/api/v1/signals").param("programme", pid).param("type", "EVALUATION_OVERDUE"))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].subject.kind").value("EVALUATION"))
                .andExpect(jsonPath("$[0].severity").value("WARNING"));

        post("/api/v1/programmes/" + pid + "/evaluations/q1/outcome", """
                {"heldOn": "2026-03-11", "deliveryConfidence": "AMBER", "decision": "ADJUST", "summary": "Late, but held."}""");
        awaitSignal("EVALUATION_OVERDUE", "CLEARED");
        http.perform(get("/api/v1/programmes/" + pid)).andExpect(jsonPath("$.lastDeliveryConfidence").value("AMBER"));
    }

    private String kpis() {
        return "/api/v1/programmes/" + pid + "/kpis";
    }

    /** The id of the programme's signal of this type once it shows in this state. */
    private String awaitSignal(String type, String state) {
        return await().atMost(PROJECTION_LAG).until(() -> {
            String body = http.perform(get("/api/v1/signals").param("programme", pid).param("type", type)
                    .param("state", state)).andReturn().getResponse().getContentAsString();
            return JsonPath.<java.util.List<String>>read(body, "$[*].id");
        }, ids -> ids.size() == 1).get(0);
    }

    private void awaitKpiReadings(String kpiId, int count) {
        await().atMost(PROJECTION_LAG).untilAsserted(() -> http.perform(get(kpis() + "/" + kpiId))
                .andExpect(jsonPath("$.readings.length()").value(count)));
    }

    private ResultActions send(String path, String json) throws Exception {
        return http.perform(MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private void post(String path, String json) throws Exception {
        send(path, json).andExpect(status().is2xxSuccessful());
    }
}
