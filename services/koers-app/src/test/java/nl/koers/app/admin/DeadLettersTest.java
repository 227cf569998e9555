package nl.koers.app.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import nl.koers.app.RunningService;
import nl.koers.app.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A projection handler that fails for one KPI (here a trigger on the readings table refuses its rows) parks the
 * event, with the later events of its programme, in the programme view's dead-letter queue; the other programmes go
 * on being projected. Once the fault is gone, retrying through the admin endpoint catches the view up.
 */
class DeadLettersTest {

    private static final String DEAD_LETTERS = "/api/v1/admin/dead-letters";
    private static final String METRIC = "koers_dead_letters{processor=\"programme-view\"}";

    @Test
    void aFailingProjectionParksTheProgrammesEventsKeepsProjectingTheOthersAndCatchesUpOnRetry() throws Exception {
        try (RunningService service = RunningService.onDatabase(TestDatabase.newDatabase())) {
            JdbcClient jdbc = service.bean(JdbcClient.class);
            for (String pid : List.of("faulty", "healthy")) {
                defineProgrammeWithKpis(service, pid);
            }
            // given a projection that fails for the KPI "broken" of programme "faulty"
            jdbc.sql("""
                    create function refuse_broken_kpi() returns trigger language plpgsql as $$
                    begin
                        raise exception 'projection refused a reading of KPI %', new.kpi_id;
                    end $$""").update();
            jdbc.sql("""
                    create trigger refuse_broken_kpi before insert on nav_reading for each row
                    when (new.programme_id = 'faulty' and new.kpi_id = 'broken') execute function refuse_broken_kpi()""").update();

            // when readings are recorded for it, for another KPI of its programme, and for another programme
            record(service, "faulty", "broken", "b1", 1);
            record(service, "faulty", "fine", "f1", 2);
            record(service, "healthy", "broken", "h1", 3);
            record(service, "healthy", "fine", "h2", 4);

            // then the other programme is projected, and the faulty one's events from the failed one on are parked
            await().atMost(Duration.ofSeconds(20)).until(() -> readings(service, "healthy", "broken") == 1
                    && readings(service, "healthy", "fine") == 1);
            String parked = await().atMost(Duration.ofSeconds(20)).until(() -> service.get(DEAD_LETTERS),
                    body -> JsonPath.<Integer>read(body, "$[0].deadLetters.length()") == 2);
            assertThat(JsonPath.<String>read(parked, "$[0].processingGroup")).isEqualTo("programme-view");
            assertThat(JsonPath.<List<String>>read(parked, "$[0].deadLetters[*].sequence")).containsOnly("faulty");
            assertThat(JsonPath.<List<String>>read(parked, "$[0].deadLetters[*].programmeId")).containsOnly("faulty");
            assertThat(JsonPath.<List<String>>read(parked, "$[0].deadLetters[*].eventType"))
                    .containsExactly("ReadingRecorded", "ReadingRecorded");
            assertThat(JsonPath.<String>read(parked, "$[0].deadLetters[0].causeMessage"))
                    .contains("projection refused a reading of KPI broken");
            assertThat(JsonPath.<List<Integer>>read(parked, "$[0].deadLetters[*].retries")).containsOnly(0);
            assertThat(readings(service, "faulty", "fine")).isZero();
            assertThat(service.get("/actuator/prometheus")).contains(METRIC + " 2.0");

            // and the faulty programme's later events join its parked sequence
            record(service, "faulty", "fine", "f2", 5);
            await().atMost(Duration.ofSeconds(20)).until(() -> JsonPath.<Integer>read(service.get(DEAD_LETTERS),
                    "$[0].deadLetters.length()") == 3);

            // when retried while the fault is still there, everything stays parked, its retries counted
            String stillParked = service.post(DEAD_LETTERS + "/retry", "", 200).body();
            assertThat(JsonPath.<Integer>read(stillParked, "$[0].sequencesTried")).isEqualTo(1);
            assertThat(JsonPath.<Integer>read(stillParked, "$[0].sequencesLeft")).isEqualTo(1);
            assertThat(JsonPath.<Integer>read(service.get(DEAD_LETTERS), "$[0].deadLetters[0].retries")).isEqualTo(1);

            // and when retried after the fault is fixed, the view catches up and the queue is empty
            jdbc.sql("drop trigger refuse_broken_kpi on nav_reading").update();
            String retried = service.post(DEAD_LETTERS + "/retry", "", 200).body();
            assertThat(JsonPath.<Integer>read(retried, "$[0].sequencesHandled")).isEqualTo(1);
            assertThat(JsonPath.<Integer>read(retried, "$[0].sequencesLeft")).isZero();
            assertThat(JsonPath.<Integer>read(service.get(DEAD_LETTERS), "$[0].deadLetters.length()")).isZero();
            assertThat(readings(service, "faulty", "broken")).isEqualTo(1);
            assertThat(readings(service, "faulty", "fine")).isEqualTo(2);
            assertThat(jdbc.sql("select count(*) from nav_history where programme_id = 'faulty'").query(Long.class).single())
                    .isEqualTo(jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier like 'faulty%'")
                            .query(Long.class).single());
            assertThat(service.get("/actuator/prometheus")).contains(METRIC + " 0.0");

            // and later events of the programme are projected directly again
            record(service, "faulty", "fine", "f3", 6);
            await().atMost(Duration.ofSeconds(20)).until(() -> readings(service, "faulty", "fine") == 3);
        }
    }

    private static void defineProgrammeWithKpis(RunningService service, String pid) throws Exception {
        service.post("/api/v1/programmes", """
                {"id": "%s", "name": "P", "startDate": "2026-01-01", "plannedEndDate": "2027-01-01"}""".formatted(pid), 201);
        for (String kpi : List.of("broken", "fine")) {
            service.post("/api/v1/programmes/" + pid + "/kpis", """
                    {"id": "%s", "name": "K", "unit": "n", "direction": "HIGHER_IS_BETTER", "baseline": 0,
                     "baselineDate": "2026-01-01", "target": 100, "targetDate": "2026-12-31", "tolerance": 100,
                     "cadence": "P1W"}""".formatted(kpi), 201);
        }
    }

    private static void record(RunningService service, String pid, String kpi, String readingId, int day) throws Exception {
        service.post("/api/v1/programmes/" + pid + "/kpis/" + kpi + "/readings", """
                {"value": %d, "measuredAt": "2026-02-%02d", "readingId": "%s"}""".formatted(day, day, readingId), 201);
    }

    private static int readings(RunningService service, String pid, String kpi) throws Exception {
        String body = service.get("/api/v1/programmes/" + pid + "/kpis/" + kpi);
        return body.contains("\"readings\"") ? JsonPath.<Integer>read(body, "$.readings.length()") : 0;
    }
}
