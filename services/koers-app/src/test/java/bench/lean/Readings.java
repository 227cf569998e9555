package bench.lean;

import java.sql.Timestamp;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The readings' tables: an append-only event row per reading, and the latest value of each KPI. */
@Repository
class Readings implements InitializingBean {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    Readings(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Made at startup, before Tomcat listens. */
    @Override
    public void afterPropertiesSet() {
        jdbc.execute("""
                create table if not exists reading_event (
                    id bigserial primary key,
                    programme_id varchar(64) not null,
                    kpi_id varchar(64) not null,
                    reading_id varchar(128) not null,
                    recorded_at timestamptz not null,
                    payload bytea not null,
                    unique (programme_id, kpi_id, reading_id))""");
        jdbc.execute("""
                create table if not exists latest_value (
                    programme_id varchar(64) not null,
                    kpi_id varchar(64) not null,
                    reading_id varchar(128) not null,
                    value numeric not null,
                    measured_at timestamptz not null,
                    event_id bigint not null,
                    primary key (programme_id, kpi_id))""");
    }

    /** The event's id, or null when the KPI has a reading of that readingId already (nothing is written then). */
    @Transactional
    public Long record(ReadingController.ReadingRecorded reading) {
        List<Long> ids = jdbc.queryForList("""
                        insert into reading_event (programme_id, kpi_id, reading_id, recorded_at, payload) values (?, ?, ?, ?, ?)
                        on conflict (programme_id, kpi_id, reading_id) do nothing returning id""", Long.class,
                reading.programmeId(), reading.kpiId(), reading.readingId(), Timestamp.from(reading.recordedAt()),
                payload(reading));
        if (ids.isEmpty()) {
            return null;
        }
        Timestamp measuredAt = Timestamp.from(reading.measuredAt());
        // a reading measured earlier than the latest one is kept as an event but does not become the latest value
        jdbc.update("""
                        insert into latest_value (programme_id, kpi_id, reading_id, value, measured_at, event_id)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (programme_id, kpi_id) do update set reading_id = excluded.reading_id,
                            value = excluded.value, measured_at = excluded.measured_at, event_id = excluded.event_id
                        where latest_value.measured_at <= excluded.measured_at""",
                reading.programmeId(), reading.kpiId(), reading.readingId(), reading.value(), measuredAt, ids.get(0));
        return ids.get(0);
    }

    private byte[] payload(ReadingController.ReadingRecorded reading) {
        try {
            return json.writeValueAsBytes(reading);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The event cannot be written as JSON", e);
        }
    }
}
