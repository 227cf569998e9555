package nl.koers.app.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.jayway.jsonpath.JsonPath;
import nl.koers.app.signals.SignalSweep;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** The history of a programme: every event in recorded order, with who caused it and in which request. */
class HistoryTest extends TimedApiTest {

    @Autowired
    SignalSweep sweep;
    @Autowired
    JdbcClient jdbc;

    private static int programmes;
    private String pid;

    @BeforeEach
    void givenAProgramme() throws Exception {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        pid = "history-" + (++programmes);
        api.post("/api/v1/programmes", """
                {"id": "%s", "name": "Digital permits", "startDate": "2026-01-01", "plannedEndDate": "2027-06-30"}""".formatted(pid));
    }

    @Test
    void everyEventShowsWhenItWasRecordedWhoCausedItAndInWhichRequest() throws Exception {
        clock.set(Instant.parse("2026-03-02T10:00:00Z"));
        api.post("/api/v1/programmes/" + pid + "/kpis", """
                {"id": "adoption", "name": "Adoption", "unit": "%", "direction": "HIGHER_IS_BETTER", "baseline": 10,
                 "baselineDate": "2026-01-01", "target": 80, "targetDate": "2026-12-31", "tolerance": 5, "cadence": "P1W"}""");
        clock.set(Instant.parse("2026-03-02T11:00:00Z"));
        // 11 on 1 Mar is 10.35 below the plan of 21.35: the reading raises a KPI_OFF_PLAN signal in the same request
        http.perform(MockMvcRequestBuilders.post("/api/v1/programmes/" + pid + "/kpis/adoption/readings")
                        .header("X-Correlation-Id", "meeting-42")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"value\": 11.50, \"measuredAt\": \"2026-03-01\", \"readingId\": \"w9\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("X-Correlation-Id", "meeting-42"));

        String history = api.awaitHistory(pid, 4);

        assertThat(JsonPath.<List<String>>read(history, "$[*].type")).containsExactly(
                "ProgrammeDefined", "KpiDefined", "ReadingRecorded", "SignalRaised");
        assertThat(JsonPath.<List<String>>read(history, "$[*].actor")).containsOnly("admin");
        http.perform(get("/api/v1/programmes/" + pid + "/history"))
                .andExpect(jsonPath("$[2].recordedAt").value("2026-03-02T11:00:00Z"))
                .andExpect(jsonPath("$[2].subject.kind").value("KPI"))
                .andExpect(jsonPath("$[2].subject.id").value("adoption"))
                .andExpect(jsonPath("$[2].correlationId").value("meeting-42"))
                .andExpect(jsonPath("$[2].data.readingId").value("w9"))
                .andExpect(jsonPath("$[2].data.measuredAt").value("2026-03-01T00:00:00Z"))
                .andExpect(jsonPath("$[3].subject.kind").value("SIGNAL"))
                .andExpect(jsonPath("$[3].data.type").value("KPI_OFF_PLAN"))
                .andExpect(jsonPath("$[3].correlationId").value("meeting-42"));
        assertThat(history).contains("\"value\":11.50");
    }

    @Test
    void eventsOfTheTimeDrivenSweepAreTheSystems() throws Exception {
        api.post("/api/v1/programmes/" + pid + "/milestones", "{\"id\": \"pilot\", \"title\": \"Pilot\", \"dueDate\": \"2026-04-01\"}");
        api.awaitHistory(pid, 2);

        clock.set(Instant.parse("2026-04-02T09:00:00Z"));
        sweep.sweep();

        String history = api.awaitHistoryMentioning(pid, "MILESTONE_OVERDUE");
        List<String> sweptActors = JsonPath.read(history, "$[?(@.recordedAt == '2026-04-02T09:00:00Z')].actor");
        assertThat(sweptActors).isNotEmpty().containsOnly("koers");
    }

    @Test
    void fromAndToLimitTheHistoryToWhatWasRecordedInBetween() throws Exception {
        clock.set(Instant.parse("2026-03-03T09:00:00Z"));
        api.post("/api/v1/programmes/" + pid + "/milestones", "{\"id\": \"pilot\", \"title\": \"Pilot\", \"dueDate\": \"2026-06-01\"}");
        clock.set(Instant.parse("2026-03-04T09:00:00Z"));
        api.post("/api/v1/programmes/" + pid + "/milestones/pilot/forecast", "{\"forecastDate\": \"2026-06-15\"}");
        api.awaitHistory(pid, 4);

        http.perform(get("/api/v1/programmes/" + pid + "/history")
                        .param("from", "2026-03-03T09:00:00Z").param("to", "2026-03-04T09:00:00Z"))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].type").value("MilestonePlanned"));
    }

    @Test
    void changesBetweenTwoMeetingsListExactlyWhatWasRecordedInBetweenGrouped() throws Exception {
        String kpi = "/api/v1/programmes/" + pid + "/kpis/adoption";
        clock.set(Instant.parse("2026-03-02T10:00:00Z"));
        api.post("/api/v1/programmes/" + pid + "/kpis", """
                {"id": "adoption", "name": "Adoption", "unit": "%", "direction": "HIGHER_IS_BETTER", "baseline": 10,
                 "baselineDate": "2026-01-01", "target": 80, "targetDate": "2026-12-31", "tolerance": 5, "cadence": "P1W"}""");
        api.post("/api/v1/programmes/" + pid + "/milestones", "{\"id\": \"pilot\", \"title\": \"Pilot\", \"dueDate\": \"2026-06-01\"}");
        api.post("/api/v1/programmes/" + pid + "/evaluations", "{\"id\": \"q1\", \"title\": \"Q1\", \"scheduledFor\": \"2026-03-05\"}");
        // the first meeting is on 3 Mar; between it and the second, on 10 Mar:
        clock.set(Instant.parse("2026-03-04T09:00:00Z"));
        api.post(kpi + "/readings", "{\"value\": 11, \"measuredAt\": \"2026-03-01\", \"readingId\": \"w9\"}");
        clock.set(Instant.parse("2026-03-05T09:00:00Z"));
        String signal = api.awaitSignalId(pid);
        api.post("/api/v1/signals/" + signal + "/acknowledgement", "{\"by\": \"SC\", \"note\": \"extra team\"}");
        api.post(kpi + "/readings/w9/correction", "{\"value\": 12, \"reason\": \"typo\"}");
        api.post("/api/v1/programmes/" + pid + "/milestones/pilot/rebaseline",
                "{\"dueDate\": \"2026-07-01\", \"reason\": \"late\", \"approvedBy\": \"SC\"}");
        api.post("/api/v1/programmes/" + pid + "/evaluations/q1/outcome", """
                {"heldOn": "2026-03-05", "deliveryConfidence": "AMBER", "decision": "ADJUST", "summary": "More intake"}""");
        clock.set(Instant.parse("2026-03-09T09:00:00Z"));
        api.post(kpi + "/readings", "{\"value\": 24, \"measuredAt\": \"2026-03-08\", \"readingId\": \"w10\"}");
        // and after the second meeting
        clock.set(Instant.parse("2026-03-10T09:00:00Z"));
        api.post(kpi + "/readings/w10/retraction", "{\"reason\": \"wrong KPI\"}");
        api.awaitHistory(pid, 12);

        http.perform(get("/api/v1/programmes/" + pid + "/changes")
                        .param("from", "2026-03-03T00:00:00Z").param("to", "2026-03-10T09:00:00Z"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value("2026-03-03T00:00:00Z"))
                .andExpect(jsonPath("$.readings[*].data.readingId").value(org.hamcrest.Matchers.contains("w9", "w10")))
                .andExpect(jsonPath("$.correctionsAndRetractions.length()").value(1))
                .andExpect(jsonPath("$.correctionsAndRetractions[0].type").value("ReadingCorrected"))
                .andExpect(jsonPath("$.milestoneMoves.length()").value(1))
                .andExpect(jsonPath("$.milestoneMoves[0].data.dueDate").value("2026-07-01"))
                .andExpect(jsonPath("$.decisions.length()").value(1))
                .andExpect(jsonPath("$.decisions[0].data.decision").value("ADJUST"))
                .andExpect(jsonPath("$.signals.raised.length()").value(1))
                .andExpect(jsonPath("$.signals.raised[0].subject.id").value(signal))
                .andExpect(jsonPath("$.signals.acknowledged.length()").value(1))
                .andExpect(jsonPath("$.signals.cleared[*].subject.id").value(org.hamcrest.Matchers.contains(signal)))
                .andExpect(jsonPath("$.other.length()").value(0));
    }

    @Test
    void eventsCommittedConcurrentlyAreAllInTheHistory() throws Exception {
        // commits from several threads interleave, so some events reach the projection after higher-numbered ones
        for (int k = 0; k < 4; k++) {
            api.post("/api/v1/programmes/" + pid + "/kpis", """
                    {"id": "k%d", "name": "K", "unit": "u", "direction": "HIGHER_IS_BETTER", "baseline": 10,
                     "baselineDate": "2026-01-01", "target": 80, "targetDate": "2026-12-31", "tolerance": 50,
                     "cadence": "P1D"}""".formatted(k));
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<?>> writers = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            String kpi = "/api/v1/programmes/" + pid + "/kpis/k" + k + "/readings";
            writers.add(threads.submit(() -> {
                for (int day = 1; day <= 25; day++) {
                    api.post(kpi, "{\"value\": 20, \"measuredAt\": \"2026-02-%02d\", \"readingId\": \"d%d\"}"
                            .formatted(day, day));
                }
                return null;
            }));
        }
        for (Future<?> writer : writers) {
            writer.get();
        }
        threads.shutdown();
        long stored = jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier in (?, ?, ?, ?, ?)")
                .params(pid, pid + "/k0", pid + "/k1", pid + "/k2", pid + "/k3").query(Long.class).single();

        String history = api.awaitHistory(pid, (int) stored);

        assertThat(JsonPath.<List<String>>read(history, "$[?(@.type == 'ReadingRecorded')]")).hasSize(100);
        assertThat(JsonPath.<Integer>read(history, "$.length()")).isEqualTo(stored);
    }

    @Test
    void badMomentsAreRefusedAndUnknownProgrammesAreNotFound() throws Exception {
        http.perform(get("/api/v1/programmes/" + pid + "/history").param("from", "last tuesday"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        http.perform(get("/api/v1/programmes/" + pid + "/changes")
                        .param("from", "2026-03-04T00:00:00Z").param("to", "2026-03-03T00:00:00Z"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("after")));
        http.perform(get("/api/v1/programmes/" + pid + "/changes").param("from", "2026-03-04T00:00:00Z"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        http.perform(get("/api/v1/programmes/" + pid + "/report")
                        .param("asOf", "2026-03-03T00:00:00Z").param("since", "2026-03-04T00:00:00Z"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("since"))
                .andExpect(jsonPath("$.detail").value("must not be after 'asOf'"));
        http.perform(get("/api/v1/programmes/no-such-programme/history"))
                .andExpect(status().isNotFound());
    }
}
