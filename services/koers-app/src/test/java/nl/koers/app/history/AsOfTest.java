package nl.koers.app.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

/**
 * Views as of a past moment (transaction time): what had been recorded by then, before later corrections, and the
 * same answer however often and whenever it is asked.
 */
class AsOfTest extends TimedApiTest {

    private static final String PID = "as-of";
    private static final String PROGRAMME = "/api/v1/programmes/" + PID;
    private static final String KPI = PROGRAMME + "/kpis/adoption";
    private static final Instant OFF_PLAN = Instant.parse("2026-03-02T11:00:00Z");
    private static final Instant BACK_ON_PLAN = Instant.parse("2026-03-09T09:00:00Z");
    private static final Instant BEFORE_CORRECTION = Instant.parse("2026-03-09T12:00:00Z");
    private static final Instant CORRECTED = Instant.parse("2026-03-10T09:00:00Z");
    private static final Instant REBASELINED = Instant.parse("2026-03-11T09:00:00Z");
    private static final Instant BACKDATED = Instant.parse("2026-03-12T09:00:00Z");


    @Test
    void eachMomentShowsWhatWasKnownThenAndKeepsShowingIt() throws Exception {
        // given a programme whose KPI goes off plan: baseline 10 on 1 Jan, target 80 on 31 Dec, tolerance 5
        api.at("2026-03-02T09:00:00Z", "/api/v1/programmes", """
                {"id": "%s", "name": "Digital permits", "startDate": "2026-01-01", "plannedEndDate": "2027-06-30"}""".formatted(PID));
        api.at("2026-03-02T10:00:00Z", PROGRAMME + "/kpis", """
                {"id": "adoption", "name": "Adoption", "unit": "%", "direction": "HIGHER_IS_BETTER", "baseline": 10,
                 "baselineDate": "2026-01-01", "target": 80, "targetDate": "2026-12-31", "tolerance": 5, "cadence": "P1W"}""");
        api.at("2026-03-02T10:00:00Z", PROGRAMME + "/milestones",
                "{\"id\": \"pilot\", \"title\": \"Pilot\", \"dueDate\": \"2026-06-01\"}");
        // 11 on 1 Mar: 10.35 below the plan of 21.35, RED, a CRITICAL KPI_OFF_PLAN
        api.at(OFF_PLAN, KPI + "/readings", "{\"value\": 11, \"measuredAt\": \"2026-03-01\", \"readingId\": \"w9\"}");
        // 24 on 8 Mar is above the plan of 22.69: GREEN, the signal clears
        api.at(BACK_ON_PLAN, KPI + "/readings", "{\"value\": 24, \"measuredAt\": \"2026-03-08\", \"readingId\": \"w10\"}");
        api.awaitHistory(PID, 7);
        clock.set(BEFORE_CORRECTION);
        String beforeLaterEvents = everythingAsOf(BEFORE_CORRECTION);

        // when the first reading is corrected, the milestone re-baselined and a reading for February recorded late
        api.at(CORRECTED, KPI + "/readings/w9/correction", "{\"value\": 20, \"reason\": \"the export missed a region\"}");
        api.at(REBASELINED, PROGRAMME + "/milestones/pilot/rebaseline",
                "{\"dueDate\": \"2026-07-01\", \"reason\": \"supplier late\", \"approvedBy\": \"SC\"}");
        api.at(BACKDATED, KPI + "/readings", "{\"value\": 15, \"measuredAt\": \"2026-02-22\", \"readingId\": \"w8\"}");
        api.awaitHistory(PID, 10);

        // then the moment the KPI went off plan shows the first reading as recorded, RED, and its open signal
        http.perform(get(KPI).param("asOf", OFF_PLAN.toString()))
                .andExpect(jsonPath("$.status").value("RED"))
                .andExpect(jsonPath("$.readings.length()").value(1))
                .andExpect(jsonPath("$.readings[0].value").value(11))
                .andExpect(jsonPath("$.readings[0].corrected").value(false))
                .andExpect(jsonPath("$.signals[0].type").value("KPI_OFF_PLAN"))
                .andExpect(jsonPath("$.signals[0].severity").value("CRITICAL"));
        http.perform(get(PROGRAMME).param("asOf", OFF_PLAN.toString()))
                .andExpect(jsonPath("$.health").value("RED"))
                .andExpect(jsonPath("$.openSignals.CRITICAL").value(1))
                .andExpect(jsonPath("$.kpis[0].status").value("RED"))
                .andExpect(jsonPath("$.milestones[0].dueDate").value("2026-06-01"));
        http.perform(get("/api/v1/signals").param("programme", PID).param("asOf", OFF_PLAN.toString()))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].state").value("OPEN"));
        http.perform(get("/api/v1/programmes").param("asOf", OFF_PLAN.toString()))
                .andExpect(jsonPath("$[?(@.id == '%s')].health".formatted(PID)).value("RED"))
                .andExpect(jsonPath("$[?(@.id == '%s')].openSignals.CRITICAL".formatted(PID)).value(1));
        // a moment before anything was recorded knows no programme
        http.perform(get(PROGRAMME).param("asOf", "2026-03-01T00:00:00Z")).andExpect(status().isNotFound());
        http.perform(get("/api/v1/programmes").param("asOf", "2026-03-01T00:00:00Z"))
                .andExpect(jsonPath("$[?(@.id == '%s')]".formatted(PID)).isEmpty());

        // and a week later: back on plan, the signal cleared, the first reading still 11 (the correction came later)
        http.perform(get(KPI).param("asOf", BEFORE_CORRECTION.toString()))
                .andExpect(jsonPath("$.status").value("GREEN"))
                .andExpect(jsonPath("$.readings[0].value").value(11))
                .andExpect(jsonPath("$.signals.length()").value(0));
        http.perform(get("/api/v1/signals").param("programme", PID).param("asOf", BEFORE_CORRECTION.toString()))
                .andExpect(jsonPath("$[0].state").value("CLEARED"))
                .andExpect(jsonPath("$[0].clearedAt").value(BACK_ON_PLAN.toString()));
        http.perform(get(PROGRAMME).param("asOf", BEFORE_CORRECTION.toString()))
                .andExpect(jsonPath("$.health").value("GREEN"));

        // and after everything: the correction, the late reading for February and the new due date
        Instant afterAll = BACKDATED.plusSeconds(60);
        http.perform(get(KPI).param("asOf", afterAll.toString()))
                .andExpect(jsonPath("$.readings[*].readingId").value(org.hamcrest.Matchers.contains("w8", "w9", "w10")))
                .andExpect(jsonPath("$.readings[1].value").value(20))
                .andExpect(jsonPath("$.readings[1].corrected").value(true))
                .andExpect(jsonPath("$.readings[0].recordedAt").value(BACKDATED.toString()));
        http.perform(get(PROGRAMME + "/milestones/pilot").param("asOf", afterAll.toString()))
                .andExpect(jsonPath("$.dueDate").value("2026-07-01"))
                .andExpect(jsonPath("$.rebaselines.length()").value(1));
        http.perform(get(PROGRAMME + "/milestones/pilot").param("asOf", CORRECTED.toString()))
                .andExpect(jsonPath("$.dueDate").value("2026-06-01"));

        // and the view of the earlier moment is the same as before the later events
        assertThat(everythingAsOf(BEFORE_CORRECTION)).isEqualTo(beforeLaterEvents);

        // and as of now, the history gives exactly today's views
        clock.set(afterAll);
        assertThat(everythingAsOf(afterAll)).isEqualTo(everythingNow());
    }

    @Test
    void aMalformedMomentIsBadInput() throws Exception {
        http.perform(get("/api/v1/programmes/anything").param("asOf", "yesterday"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
        http.perform(get("/api/v1/signals").param("asOf", "2026-13-01T00:00:00Z"))
                .andExpect(status().isBadRequest());
    }

    private String everythingAsOf(Instant asOf) throws Exception {
        return inPortfolio(api.body(get("/api/v1/programmes").param("asOf", asOf.toString())))
                + api.body(get(PROGRAMME).param("asOf", asOf.toString())) + api.body(get(KPI).param("asOf", asOf.toString()))
                + api.body(get(PROGRAMME + "/milestones/pilot").param("asOf", asOf.toString()))
                + api.body(get("/api/v1/signals").param("programme", PID).param("asOf", asOf.toString()));
    }

    /** This programme's entry in the portfolio (other test classes' programmes share the database). */
    private static String inPortfolio(String portfolio) {
        return JsonPath.parse(portfolio).read("$[?(@.id == '%s')]".formatted(PID)).toString();
    }

    private String everythingNow() throws Exception {
        return inPortfolio(api.body(get("/api/v1/programmes"))) + api.body(get(PROGRAMME)) + api.body(get(KPI)) + api.body(get(PROGRAMME + "/milestones/pilot"))
                + api.body(get("/api/v1/signals").param("programme", PID));
    }
}
