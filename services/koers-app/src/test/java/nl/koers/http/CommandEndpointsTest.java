package nl.koers.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import nl.koers.app.KoersIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Every POST endpoint of the API through the real event store: its success path and its 4xx paths. */
@KoersIntegrationTest
class CommandEndpointsTest {

    @Autowired
    MockMvc http;
    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    String pid;
    long eventsBefore;

    private static int programmes;

    @BeforeEach
    void givenAProgramme() throws Exception {
        api = new ApiClient(http);
        pid = "cmd-" + (++programmes);
        api.givenProgramme(pid);
        eventsBefore = events();
    }

    long events() {
        return jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
    }

    ResultActions post(String path, String json) throws Exception {
        return api.post("/api/v1/programmes/" + pid + path, json);
    }

    /** A 4xx answer stores nothing. */
    ResultActions refused(ResultActions result, int status) throws Exception {
        result.andExpect(status().is(status))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(jsonPath("$.detail").isNotEmpty());
        assertThat(events()).as("events stored").isEqualTo(eventsBefore);
        return result;
    }

    @Nested
    class Programmes {

        @Test
        void pauseResumeAndCloseAnswerNoContent() throws Exception {
            post("/pause", "{\"reason\": \"budget review\"}").andExpect(status().isNoContent());
            post("/resume", "{}").andExpect(status().isNoContent());
            http.perform(MockMvcRequestBuilders.post("/api/v1/programmes/" + pid + "/close")).andExpect(status().isNoContent());
            assertThat(events()).isEqualTo(eventsBefore + 3);
        }

        @Test
        void aDuplicateIdIsAConflict() throws Exception {
            refused(api.post("/api/v1/programmes", """
                    {"id": "%s", "name": "Again", "startDate": "2026-01-01", "plannedEndDate": "2027-01-01"}""".formatted(pid)), 409);
        }

        @Test
        void anEndDateBeforeTheStartIsRefusedWithTheField() throws Exception {
            refused(api.post("/api/v1/programmes", """
                    {"id": "%s-x", "name": "Backwards", "startDate": "2026-01-01", "plannedEndDate": "2025-12-31"}""".formatted(pid)), 400)
                    .andExpect(jsonPath("$.errors[0].field").value("plannedEndDate"));
        }

        @Test
        void missingAndInvalidFieldsAreEachListed() throws Exception {
            refused(api.post("/api/v1/programmes", """
                    {"id": "Not A Slug", "startDate": "2026-01-01", "objectives": [{"id": "ok"}]}"""), 400)
                    .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                            "id", "name", "plannedEndDate", "objectives[0].statement")));
        }

        @Test
        void aWrongTypedFieldNamesTheFieldAndTheExpectedType() throws Exception {
            refused(api.post("/api/v1/programmes", """
                    {"id": "wrong-type", "name": "x", "startDate": "first of march", "plannedEndDate": "2027-01-01"}"""), 400)
                    .andExpect(jsonPath("$.errors[0].field").value("startDate"))
                    .andExpect(jsonPath("$.errors[0].message").value(startsWith("must be a date")));
        }

        @Test
        void malformedJsonIsABadRequest() throws Exception {
            refused(api.post("/api/v1/programmes", "{\"id\": \"x\", "), 400);
        }

        @Test
        void anotherMediaTypeIsUnsupported() throws Exception {
            refused(http.perform(MockMvcRequestBuilders.post("/api/v1/programmes").contentType(MediaType.TEXT_PLAIN).content("id=x")), 415);
        }

        @Test
        void aReadThatCannotBeAnsweredInTheAcceptedTypeIsNotAcceptable() throws Exception {
            http.perform(get("/api/v1/programmes/" + pid).accept(MediaType.APPLICATION_XML))
                    .andExpect(status().isNotAcceptable());
        }

        @Test
        void anUnknownProgrammeIsNotFound() throws Exception {
            refused(api.post("/api/v1/programmes/no-such-programme/pause", "{}"), 404);
            refused(api.post("/api/v1/programmes/no-such-programme/kpis", kpi("k")), 404);
            refused(api.post("/api/v1/programmes/no-such-programme/milestones", """
                    {"id": "m", "title": "M", "dueDate": "2026-06-01"}"""), 404);
            refused(api.post("/api/v1/programmes/no-such-programme/evaluations", """
                    {"id": "e", "title": "E", "scheduledFor": "2026-06-01"}"""), 404);
            http.perform(get("/api/v1/programmes/no-such-programme")).andExpect(status().isNotFound());
        }

        @Test
        void aClosedProgrammeRefusesEveryFurtherCommand() throws Exception {
            post("/close", "{\"reason\": \"stopped by the board\"}").andExpect(status().isNoContent());
            eventsBefore = events();
            refused(post("/kpis", kpi("another")), 409);
            refused(post("/kpis/lead-time/readings", reading("r1", "50")), 409);
            refused(post("/milestones", "{\"id\": \"m2\", \"title\": \"M\", \"dueDate\": \"2026-06-01\"}"), 409);
            refused(post("/evaluations", "{\"id\": \"e2\", \"title\": \"E\", \"scheduledFor\": \"2026-06-01\"}"), 409);
            refused(post("/pause", "{}"), 409);
            refused(post("/close", "{}"), 409);
        }
    }

    @Nested
    class Kpis {

        @Test
        void aKpiIsCreatedWhereGetAnswersIt() throws Exception {
            post("/kpis", kpi("adoption"))
                    .andExpect(status().isCreated())
                    .andExpect(header().string("Location", "/api/v1/programmes/" + pid + "/kpis/adoption"));
        }

        @Test
        void aDuplicateKpiIsAConflict() throws Exception {
            refused(post("/kpis", kpi("lead-time")), 409);
        }

        @Test
        void aTargetOnTheWrongSideOfTheBaselineIsRefused() throws Exception {
            refused(post("/kpis", kpi("k").replace("\"target\": 80", "\"target\": 5")), 400)
                    .andExpect(jsonPath("$.errors[0].field").value("target"));
        }

        @Test
        void aTargetDateNotAfterTheBaselineDateIsRefused() throws Exception {
            refused(post("/kpis", kpi("k").replace("2026-12-31", "2026-01-01")), 400)
                    .andExpect(jsonPath("$.errors[0].field").value("targetDate"));
        }

        @Test
        void aNegativeToleranceIsRefused() throws Exception {
            refused(post("/kpis", kpi("k").replace("\"tolerance\": 5", "\"tolerance\": -1")), 400)
                    .andExpect(jsonPath("$.errors[0].field").value("tolerance"));
        }

        @Test
        void aNonPositiveCadenceIsRefused() throws Exception {
            refused(post("/kpis", kpi("k").replace("P1W", "P0D")), 400)
                    .andExpect(jsonPath("$.errors[0].field").value("cadence"));
            refused(post("/kpis", kpi("k").replace("P1W", "weekly")), 400)
                    .andExpect(jsonPath("$.errors[0].field").value("cadence"));
        }

        @Test
        void anUnknownEnumNamesTheAllowedValues() throws Exception {
            refused(post("/kpis", kpi("k").replace("HIGHER_IS_BETTER", "UP")), 400)
                    .andExpect(jsonPath("$.errors[0].field").value("direction"))
                    .andExpect(jsonPath("$.errors[0].message").value("must be one of HIGHER_IS_BETTER, LOWER_IS_BETTER"));
        }

        @Test
        void anEnumIsItsNameNotItsPosition() throws Exception {
            refused(post("/kpis", kpi("k").replace("\"HIGHER_IS_BETTER\"", "1")), 400)
                    .andExpect(jsonPath("$.errors[0].field").value("direction"));
        }

        @Test
        void retargetingAnswersNoContentAndNeedsAReason() throws Exception {
            post("/kpis/lead-time/retarget", "{\"target\": 21, \"targetDate\": \"2027-06-30\", \"reason\": \"new law\"}")
                    .andExpect(status().isNoContent());
            eventsBefore = events();
            refused(post("/kpis/lead-time/retarget", "{\"target\": 21, \"targetDate\": \"2027-06-30\"}"), 400)
                    .andExpect(jsonPath("$.errors[0].field").value("reason"));
        }

        @Test
        void anUnknownKpiIsNotFound() throws Exception {
            refused(post("/kpis/no-such-kpi/readings", reading("r1", "50")), 404);
            refused(post("/kpis/no-such-kpi/retarget", "{\"target\": 21, \"targetDate\": \"2027-06-30\", \"reason\": \"r\"}"), 404);
        }
    }

    @Nested
    class Readings {

        @Test
        void aReadingIsCreatedAndTheSameReadingAgainAnswersTheFirstResult() throws Exception {
            String first = post("/kpis/lead-time/readings", reading("2026-w10", "49.25"))
                    .andExpect(status().isCreated())
                    .andExpect(header().string("Location", "/api/v1/programmes/" + pid + "/kpis/lead-time/readings/2026-w10"))
                    .andExpect(jsonPath("$.duplicate").value(false))
                    .andReturn().getResponse().getContentAsString();
            long afterFirst = events();
            post("/kpis/lead-time/readings", reading("2026-w10", "49.250"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.recordedAt").value(com.jayway.jsonpath.JsonPath.<String>read(first, "$.recordedAt")))
                    .andExpect(jsonPath("$.duplicate").value(true));
            assertThat(events()).isEqualTo(afterFirst);
        }

        @Test
        void aKpiLoadedFromItsSnapshotStillKnowsEveryReading() throws Exception {
            for (int week = 1; week <= 7; week++) {
                post("/kpis/lead-time/readings", reading("snap-w" + week, "5" + week)).andExpect(status().isCreated());
            }
            assertThat(jdbc.sql("select count(*) from snapshot_event_entry where aggregate_identifier = ?")
                    .param(pid + "/lead-time").query(Long.class).single()).isPositive();
            post("/kpis/lead-time/readings", reading("snap-w1", "51")).andExpect(status().isOk());
            post("/kpis/lead-time/readings", reading("snap-w1", "50")).andExpect(status().isConflict());
        }

        @Test
        void theSameReadingIdWithAnotherValueIsAConflict() throws Exception {
            post("/kpis/lead-time/readings", reading("2026-w11", "48")).andExpect(status().isCreated());
            eventsBefore = events();
            refused(post("/kpis/lead-time/readings", reading("2026-w11", "47")), 409);
        }

        @Test
        void aValueThatIsNotAFiniteNumberIsRefused() throws Exception {
            for (String value : new String[] {"\"NaN\"", "\"Infinity\"", "NaN", "\"48\"", "true", "1e400"}) {
                refused(post("/kpis/lead-time/readings", reading("r", "0").replace("\"value\": 0", "\"value\": " + value)), 400);
            }
        }

        @Test
        void textThatPostgreSqlCannotStoreIsRefusedInBodiesAndParameters() throws Exception {
            refused(post("/kpis/lead-time/readings", """
                    {"value": 40, "measuredAt": "2026-03-01", "readingId": "nul", "note": "a\\u0000b"}"""), 400)
                    .andExpect(jsonPath("$.errors[0].field").value("note"));
            refused(http.perform(get("/api/v1/signals").param("programme", "\u0000")), 400)
                    .andExpect(jsonPath("$.errors[0].field").value("programme"));
            refused(http.perform(get("/api/v1/programmes/{pid}/history", "a\u0000")), 400);
        }

        @Test
        void aReadingMeasuredMoreThanADayAheadIsRefused() throws Exception {
            String inThreeDays = LocalDate.now().plusDays(3).toString();
            refused(post("/kpis/lead-time/readings", """
                    {"value": 40, "measuredAt": "%s", "readingId": "future"}""".formatted(inThreeDays)), 400)
                    .andExpect(jsonPath("$.errors[0].field").value("measuredAt"));
        }

        @Test
        void measuredAtTakesAnInstantOrADateAndNothingElse() throws Exception {
            post("/kpis/lead-time/readings", """
                    {"value": 40, "measuredAt": "2026-03-01T09:30:00Z", "readingId": "instant"}""")
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.measuredAt").value("2026-03-01T09:30:00Z"));
            eventsBefore = events();
            refused(post("/kpis/lead-time/readings", """
                    {"value": 40, "measuredAt": "yesterday", "readingId": "bad-date"}"""), 400)
                    .andExpect(jsonPath("$.errors[0].field").value("measuredAt"));
        }

        @Test
        void aReadingIdOutsideItsFormatIsRefused() throws Exception {
            refused(post("/kpis/lead-time/readings", reading("-starts-with-dash", "40")), 400)
                    .andExpect(jsonPath("$.errors[0].field").value("readingId"));
        }

        @Test
        void aReadingCanBeCorrectedAndRetractedButNotAfterItsRetraction() throws Exception {
            post("/kpis/lead-time/readings", reading("w12", "47")).andExpect(status().isCreated());
            post("/kpis/lead-time/readings/w12/correction", "{\"value\": 46.5, \"reason\": \"late cases\"}")
                    .andExpect(status().isNoContent());
            post("/kpis/lead-time/readings/w12/retraction", "{\"reason\": \"wrong municipality\"}")
                    .andExpect(status().isNoContent());
            eventsBefore = events();
            refused(post("/kpis/lead-time/readings/w12/correction", "{\"value\": 46, \"reason\": \"again\"}"), 409);
            refused(post("/kpis/lead-time/readings/w12/retraction", "{\"reason\": \"again\"}"), 409);
            refused(post("/kpis/lead-time/readings/no-such/correction", "{\"value\": 46, \"reason\": \"r\"}"), 404);
            refused(post("/kpis/lead-time/readings/w12/correction", "{\"value\": 46}"), 400);
        }
    }

    @Nested
    class Milestones {

        @Test
        void aMilestoneMovesThroughForecastRebaselineAndAchievement() throws Exception {
            post("/milestones", "{\"id\": \"go-live\", \"title\": \"Go live\", \"dueDate\": \"2026-09-01\"}")
                    .andExpect(status().isCreated())
                    .andExpect(header().string("Location", "/api/v1/programmes/" + pid + "/milestones/go-live"));
            post("/milestones/go-live/forecast", "{\"forecastDate\": \"2026-10-01\", \"reason\": \"vendor late\"}")
                    .andExpect(status().isNoContent());
            post("/milestones/go-live/rebaseline", """
                    {"dueDate": "2026-10-15", "reason": "vendor late", "approvedBy": "Steering committee"}""")
                    .andExpect(status().isNoContent());
            post("/milestones/go-live/achievement", "{\"achievedOn\": \"2026-10-10\"}").andExpect(status().isNoContent());
        }

        @Test
        void aDueDateNotAfterTheProgrammeStartIsRefused() throws Exception {
            refused(post("/milestones", "{\"id\": \"early\", \"title\": \"Early\", \"dueDate\": \"2025-12-01\"}"), 400)
                    .andExpect(jsonPath("$.errors[0].field").value("dueDate"));
        }

        @Test
        void aDuplicateMilestoneIsAConflict() throws Exception {
            refused(post("/milestones", "{\"id\": \"pilot\", \"title\": \"Again\", \"dueDate\": \"2026-07-01\"}"), 409);
        }

        @Test
        void aRebaselineNeedsAReasonAndAnApprover() throws Exception {
            refused(post("/milestones/pilot/rebaseline", "{\"dueDate\": \"2026-07-01\"}"), 400)
                    .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("approvedBy", "reason")));
        }

        @Test
        void aCancelledMilestoneCannotBeAchieved() throws Exception {
            post("/milestones/pilot/cancellation", "{\"reason\": \"descoped\"}").andExpect(status().isNoContent());
            eventsBefore = events();
            refused(post("/milestones/pilot/achievement", "{\"achievedOn\": \"2026-05-01\"}"), 409);
        }

        @Test
        void anUnknownMilestoneIsNotFound() throws Exception {
            refused(post("/milestones/no-such/forecast", "{\"forecastDate\": \"2026-10-01\"}"), 404);
        }
    }

    @Nested
    class Evaluations {

        private static final String OUTCOME = """
                {"heldOn": "2026-03-31", "deliveryConfidence": "AMBER", "decision": "ADJUST",
                 "summary": "Lead time falls too slowly; add a second intake team.",
                 "actions": [{"description": "Staff a second intake team", "owner": "J. de Vries", "dueDate": "2026-04-30"}],
                 "addressedSignals": []}""";

        @Test
        void anEvaluationIsScheduledAndItsOutcomeRecordedOnce() throws Exception {
            post("/evaluations", "{\"id\": \"q2\", \"title\": \"Q2\", \"scheduledFor\": \"2026-06-30\"}")
                    .andExpect(status().isCreated())
                    .andExpect(header().string("Location", "/api/v1/programmes/" + pid + "/evaluations/q2"));
            post("/evaluations/q1/outcome", OUTCOME).andExpect(status().isNoContent());
            eventsBefore = events();
            refused(post("/evaluations/q1/outcome", OUTCOME), 409);
        }

        @Test
        void anOutcomeNeedsItsFields() throws Exception {
            refused(post("/evaluations/q1/outcome", "{\"heldOn\": \"2026-03-31\", \"actions\": [{}]}"), 400)
                    .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems(
                            "decision", "deliveryConfidence", "summary", "actions[0].description")));
        }

        @Test
        void aDuplicateEvaluationIsAConflict() throws Exception {
            refused(post("/evaluations", "{\"id\": \"q1\", \"title\": \"Again\", \"scheduledFor\": \"2026-06-30\"}"), 409);
        }
    }

    static String kpi(String id) {
        return """
                {"id": "%s", "name": "Adoption", "unit": "%%", "direction": "HIGHER_IS_BETTER",
                 "baseline": 10, "baselineDate": "2026-01-01", "target": 80, "targetDate": "2026-12-31",
                 "tolerance": 5, "cadence": "P1W"}""".formatted(id);
    }

    static String reading(String readingId, String value) {
        return """
                {"value": %s, "measuredAt": "2026-03-01", "readingId": "%s", "source": "test"}""".formatted(value, readingId);
    }
}
