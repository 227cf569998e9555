package nl.koers.app.history;

import static nl.koers.navigation.Columns.timestamp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * As-of views fold the rows parsed for an earlier view and read only those recorded since: the answers must be those
 * of a view that reads every row, at the boundary of what was read before, before it and after it, and when a row
 * lands among the rows already read (an event committed late).
 */
class ParsedHistoryTest extends TimedApiTest {

    @Autowired
    JdbcClient jdbc;

    private static final Instant DEFINED = Instant.parse("2026-04-01T09:00:00Z");
    private static final Instant FIRST = Instant.parse("2026-04-06T09:00:00Z");
    private static final Instant SECOND = Instant.parse("2026-04-13T09:00:00Z");

    @Test
    void aViewAfterTheRowsReadBeforeAddsTheRowsSinceAndAnEarlierViewIsUnchanged() throws Exception {
        // given a programme with one reading, viewed as of the moment that reading was recorded
        String programme = define("parsed-boundary");
        api.at(FIRST, programme + "/kpis/adoption/readings", "{\"value\": 12, \"measuredAt\": \"2026-04-05\", \"readingId\": \"w14\"}");
        api.awaitHistory("parsed-boundary", 3);
        String atFirst = asOf(programme + "/kpis/adoption", FIRST);
        String programmeAtFirst = asOf(programme, FIRST);

        // when a second reading is recorded and the programme viewed as of then
        api.at(SECOND, programme + "/kpis/adoption/readings", "{\"value\": 14, \"measuredAt\": \"2026-04-12\", \"readingId\": \"w15\"}");
        api.awaitHistory("parsed-boundary", 4);
        String atSecond = asOf(programme + "/kpis/adoption", SECOND);

        // then that view has both readings and is today's view
        assertThat(atSecond).contains("\"w14\"", "\"w15\"").isEqualTo(api.body(get(programme + "/kpis/adoption")));
        assertThat(asOf(programme, SECOND)).isEqualTo(api.body(get(programme)));
        // and the earlier moment, the moment just before it and the moment between are as they were
        assertThat(asOf(programme + "/kpis/adoption", FIRST)).isEqualTo(atFirst).contains("\"w14\"").doesNotContain("\"w15\"");
        assertThat(asOf(programme, FIRST)).isEqualTo(programmeAtFirst);
        http.perform(get(programme + "/kpis/adoption").param("asOf", FIRST.minusNanos(1000).toString()))
                .andExpect(jsonPath("$.readings.length()").value(0));
        http.perform(get(programme + "/kpis/adoption").param("asOf", SECOND.minusSeconds(1).toString()))
                .andExpect(jsonPath("$.readings[*].readingId").value(org.hamcrest.Matchers.contains("w14")));
    }

    @Test
    void aRowThatLandsAmongTheRowsReadBeforeIsFolded() throws Exception {
        // given a programme viewed as of a moment after its last event
        String programme = define("parsed-late");
        api.at(SECOND, programme + "/milestones", "{\"id\": \"pilot\", \"title\": \"Pilot\", \"dueDate\": \"2026-06-01\"}");
        api.awaitHistory("parsed-late", 3);
        Instant later = SECOND.plusSeconds(3600);
        http.perform(get(programme).param("asOf", later.toString()))
                .andExpect(jsonPath("$.milestones.length()").value(1));

        // when an event recorded before that last one lands in the history only now, with a lower global index, as
        // an event committed late does
        jdbc.sql("""
                        insert into nav_history (global_index, programme_id, recorded_at, type, payload_type, subject_kind,
                                                 subject_id, change_group, actor, correlation_id, data)
                        select min(global_index) - 1, 'parsed-late', ?, 'MilestonePlanned',
                               'nl.koers.api.milestone.MilestonePlanned', 'MILESTONE', 'design', 'OTHER', 'admin', null,
                               cast('{"programmeId": "parsed-late", "milestoneId": "design", "title": "Design",
                                      "dueDate": "2026-05-01"}' as json)
                        from nav_history""")
                .param(timestamp(FIRST))
                .update();

        // then the view as of that moment, and as of the moment of the late event, have it
        http.perform(get(programme).param("asOf", later.toString()))
                .andExpect(jsonPath("$.milestones[*].id").value(org.hamcrest.Matchers.contains("design", "pilot")));
        http.perform(get(programme).param("asOf", FIRST.toString()))
                .andExpect(jsonPath("$.milestones[*].id").value(org.hamcrest.Matchers.contains("design")));
    }

    private String define(String pid) throws Exception {
        api.at(DEFINED, "/api/v1/programmes", """
                {"id": "%s", "name": "Parsed", "startDate": "2026-01-01", "plannedEndDate": "2027-06-30"}""".formatted(pid));
        api.at(DEFINED, "/api/v1/programmes/" + pid + "/kpis", """
                {"id": "adoption", "name": "Adoption", "unit": "%", "direction": "HIGHER_IS_BETTER", "baseline": 10,
                 "baselineDate": "2026-01-01", "target": 80, "targetDate": "2026-12-31", "tolerance": 50, "cadence": "P1W"}""");
        return "/api/v1/programmes/" + pid;
    }

    private String asOf(String path, Instant moment) throws Exception {
        return api.body(get(path).param("asOf", moment.toString()));
    }
}
