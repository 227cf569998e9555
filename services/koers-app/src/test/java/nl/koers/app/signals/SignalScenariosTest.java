package nl.koers.app.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import nl.koers.app.KoersIntegrationTest;
import nl.koers.app.MovableClock;
import nl.koers.app.MovableClockConfiguration;
import org.assertj.core.api.InstanceOfAssertFactories;
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
 * a real PostgreSQL, with a clock the test moves and the time-driven sweep run by hand; open signals whose sentence
 * follows the facts.
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

    @Test
    void aLaterOffPlanReadingUpdatesTheOpenSignalEverywhere() throws Exception {
        inAugust();
        // lead time from 56 days on 1 Jan to 28 on 31 Dec, tolerance 3: the plan on 10 Aug is 39, on 9 Nov 32
        post(programme() + "/kpis", """
                {"id": "lead-time", "name": "Permit lead time", "unit": "days", "direction": "LOWER_IS_BETTER",
                 "baseline": 56, "baselineDate": "2026-01-01", "target": 28, "targetDate": "2026-12-31",
                 "tolerance": 3, "cadence": "P1W"}""");
        post(programme() + "/kpis/lead-time/readings", "{\"value\": 47.3, \"measuredAt\": \"2026-08-10\", \"readingId\": \"w32\"}");
        Map<String, Object> raised = awaitOpen("KPI_OFF_PLAN", "47.3 days on 2026-08-10");
        Instant beforeTheUpdate = clock.instant().plusSeconds(60);

        clock.set(Instant.parse("2026-11-10T09:00:00Z"));
        post(programme() + "/kpis/lead-time/readings", "{\"value\": 41.7, \"measuredAt\": \"2026-11-09\", \"readingId\": \"w45\"}");

        Map<String, Object> updated = awaitOpen("KPI_OFF_PLAN", "41.7 days on 2026-11-09");
        assertThat(updated.get("id")).isEqualTo(raised.get("id"));
        assertThat(updated.get("raisedAt")).isEqualTo(raised.get("raisedAt"));
        assertThat(updated.get("severity")).isEqualTo("CRITICAL");
        assertThat(evidence(updated)).containsEntry("readingId", "w45")
                .containsEntry("measuredAt", "2026-11-09T00:00:00Z");
        String explanation = (String) updated.get("explanation");

        // the KPI view, the programme view, the report and the changes show the latest sentence
        http.perform(get(programme() + "/kpis/lead-time"))
                .andExpect(jsonPath("$.signals[0].explanation").value(explanation));
        http.perform(get(programme())).andExpect(jsonPath("$.signals[0].explanation").value(explanation));
        // the report words the sentence from the evidence, in the reader's language
        http.perform(get(programme() + "/report").accept(MediaType.valueOf("text/markdown")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("| Permit lead time was 41.7 days on 9 November 2026, 9.7 "
                        + "worse than the plan of 32 days: beyond twice the tolerance of 3. | Open |")));
        http.perform(get(programme() + "/changes").param("from", beforeTheUpdate.toString())
                        .param("to", clock.instant().plusSeconds(60).toString()))
                .andExpect(jsonPath("$.signals.updated.length()").value(1))
                .andExpect(jsonPath("$.signals.updated[0].type").value("SignalEvidenceUpdated"))
                .andExpect(jsonPath("$.signals.updated[0].subject.kind").value("SIGNAL"))
                .andExpect(jsonPath("$.signals.updated[0].data.explanation").value(explanation))
                .andExpect(jsonPath("$.signals.raised.length()").value(0));
        // as known before the update, the signal said what it said then
        http.perform(get("/api/v1/signals").param("programme", pid).param("asOf", beforeTheUpdate.toString()))
                .andExpect(jsonPath("$[0].explanation", containsString("47.3 days on 2026-08-10")));
    }

    @Test
    void anOutcomeThatLeavesTheProgrammeOverdueCountsFromItsHeldOn() throws Exception {
        inAugust();
        sweep.sweep();
        awaitOpen("EVALUATION_OVERDUE", "since 2026-01-01");

        post(programme() + "/evaluations", "{\"id\": \"q1\", \"title\": \"Q1 review\", \"scheduledFor\": \"2026-03-30\"}");
        post(programme() + "/evaluations/q1/outcome", """
                {"heldOn": "2026-03-31", "deliveryConfidence": "AMBER", "decision": "ADJUST", "summary": "Late."}""");

        // 11 Aug is 133 days after 31 Mar: still overdue, now counted from the outcome
        Map<String, Object> updated = awaitOpen("EVALUATION_OVERDUE", "for 133 days, since 2026-03-31");
        assertThat(evidence(updated)).containsEntry("since", "2026-03-31");
    }

    @Test
    void leverUnmeasuredListsOnlyTheLeversWithoutAKpi() throws Exception {
        inAugust();
        sweep.sweep();
        Map<String, Object> raised = awaitOpen("LEVER_UNMEASURED", "6 of the 6 levers");

        post(programme() + "/kpis", """
                {"id": "lead-time", "name": "Permit lead time", "unit": "days", "direction": "LOWER_IS_BETTER",
                 "baseline": 56, "baselineDate": "2026-01-01", "target": 28, "targetDate": "2026-12-31",
                 "tolerance": 3, "cadence": "P1W", "lever": "NAVIGATION"}""");
        await().atMost(PROJECTION_LAG).untilAsserted(() ->
                http.perform(get(programme() + "/kpis/lead-time")).andExpect(status().isOk()));
        sweep.sweep();

        Map<String, Object> updated = awaitOpen("LEVER_UNMEASURED", "5 of the 6 levers");
        assertThat(updated.get("id")).isEqualTo(raised.get("id"));
        assertThat((String) updated.get("explanation")).doesNotContain("NAVIGATION");
        assertThat(evidence(updated).get("unmeasuredLevers")).asInstanceOf(InstanceOfAssertFactories.LIST)
                .doesNotContain("NAVIGATION").hasSize(5);
        // a sweep with nothing new says nothing new
        sweep.sweep();
        String history = http.perform(get(programme() + "/history")).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(history, "$[?(@.type == 'SignalEvidenceUpdated')].data.explanation"))
                .singleElement().asString().startsWith("5 of the 6 levers");
    }

    /**
     * An open signal's sentence follows the facts: a later reading, an outcome or a newly measured lever updates it in
     * place (same id, same raisedAt), everywhere signals show, while an as-of view before the update still shows the
     * sentence of then. These start on 11 Aug 2026, once the sweep can see the programme.
     */
    private void inAugust() throws Exception {
        await().atMost(PROJECTION_LAG).untilAsserted(() -> http.perform(get(programme())).andExpect(status().isOk()));
        clock.set(Instant.parse("2026-08-11T09:00:00Z"));
    }

    private String programme() {
        return "/api/v1/programmes/" + pid;
    }

    /** The programme's one open signal of {@code type}, once its explanation says {@code saying}. */
    private Map<String, Object> awaitOpen(String type, String saying) {
        return await().atMost(PROJECTION_LAG).until(() -> {
            String body = http.perform(get("/api/v1/signals").param("programme", pid).param("type", type)
                    .param("state", "OPEN")).andReturn().getResponse().getContentAsString();
            return JsonPath.<List<Map<String, Object>>>read(body, "$");
        }, open -> open.size() == 1 && ((String) open.get(0).get("explanation")).contains(saying)).get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> evidence(Map<String, Object> signal) {
        return (Map<String, Object>) signal.get("evidence");
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
