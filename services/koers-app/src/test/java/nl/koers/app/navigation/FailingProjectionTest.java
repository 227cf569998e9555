package nl.koers.app.navigation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import nl.koers.app.RunningService;
import nl.koers.app.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The views are written in the command's own transaction, so a projection that fails (here a trigger on the readings
 * table refuses the rows of one KPI) refuses the command: it is answered with a problem and nothing of it is stored,
 * neither the event nor any view; the other KPIs and programmes go on. Once the fault is gone, the same request is
 * recorded.
 */
class FailingProjectionTest {

    @Test
    void aFailingProjectionRefusesItsCommandStoresNothingAndHoldsNothingElseBack() throws Exception {
        try (RunningService service = RunningService.onDatabase(TestDatabase.newDatabase())) {
            JdbcClient jdbc = service.bean(JdbcClient.class);
            for (String pid : List.of("faulty", "healthy")) {
                service.defineProgrammeWithKpis(pid, List.of("broken", "fine"));
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
            long eventsBefore = events(jdbc);

            // when a reading is recorded for it
            HttpResponse<String> refused = record(service, "faulty", "broken", "b1");

            // then it is refused with a problem, and nothing of it is stored
            assertThat(refused.statusCode()).isEqualTo(500);
            assertThat(refused.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
            assertThat(refused.headers().firstValue("Koers-Position")).isEmpty();
            assertThat(events(jdbc)).isEqualTo(eventsBefore);
            assertThat(readings(service, "faulty", "broken")).isZero();

            // and readings of its other KPI and of another programme are recorded and shown at once
            assertThat(record(service, "faulty", "fine", "f1").statusCode()).isEqualTo(201);
            assertThat(record(service, "healthy", "broken", "h1").statusCode()).isEqualTo(201);
            assertThat(readings(service, "faulty", "fine")).isEqualTo(1);
            assertThat(readings(service, "healthy", "broken")).isEqualTo(1);

            // when the fault is gone, the same request is recorded, once
            jdbc.sql("drop trigger refuse_broken_kpi on nav_reading").update();
            assertThat(record(service, "faulty", "broken", "b1").statusCode()).isEqualTo(201);
            assertThat(readings(service, "faulty", "broken")).isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from nav_history where programme_id = 'faulty'").query(Long.class).single())
                    .isEqualTo(jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier like 'faulty%'")
                            .query(Long.class).single());
        }
    }

    private static long events(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
    }

    private static HttpResponse<String> record(RunningService service, String pid, String kpi, String readingId) throws Exception {
        return service.post("/api/v1/programmes/" + pid + "/kpis/" + kpi + "/readings", """
                {"value": 5, "measuredAt": "2026-02-02", "readingId": "%s"}""".formatted(readingId));
    }

    private static int readings(RunningService service, String pid, String kpi) throws Exception {
        return JsonPath.<Integer>read(service.get("/api/v1/programmes/" + pid + "/kpis/" + kpi), "$.readings.length()");
    }
}
