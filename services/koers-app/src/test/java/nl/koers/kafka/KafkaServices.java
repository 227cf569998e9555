package nl.koers.kafka;

import java.util.List;

import nl.koers.app.RunningService;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Koers services with Kafka on, started as in production on a test database and a test broker. */
final class KafkaServices {

    private KafkaServices() {
    }

    /** Kafka clients give up on an unreachable broker within seconds, so an outage shows quickly. */
    static RunningService start(String database, String bootstrapServers, String nodeId) {
        return RunningService.onDatabase(database,
                "--koers.node-id=" + nodeId,
                "--koers.kafka.enabled=true",
                "--koers.kafka.bootstrap-servers=" + bootstrapServers,
                "--koers.kafka.topics.partitions=3",
                "--koers.processors.balance-interval=PT1S",
                "--koers.kafka.client.request.timeout.ms=2000",
                "--koers.kafka.client.delivery.timeout.ms=3000",
                "--koers.kafka.client.max.block.ms=2000",
                "--koers.kafka.client.reconnect.backoff.max.ms=500");
    }

    static void defineProgrammeWithKpi(RunningService service, String pid) throws Exception {
        service.post("/api/v1/programmes", """
                {"id": "%s", "name": "P", "startDate": "2026-01-01", "plannedEndDate": "2027-06-30"}""".formatted(pid), 201);
        service.post("/api/v1/programmes/" + pid + "/kpis", """
                {"id": "k", "name": "K", "unit": "%", "direction": "HIGHER_IS_BETTER", "baseline": 10,
                 "baselineDate": "2026-01-01", "target": 80, "targetDate": "2026-12-31", "tolerance": 5,
                 "cadence": "P1W"}""", 201);
    }

    static void recordReading(RunningService service, String pid, String readingId, double value, String measuredAt)
            throws Exception {
        service.post("/api/v1/programmes/" + pid + "/kpis/k/readings", """
                {"value": %s, "measuredAt": "%s", "readingId": "%s"}""".formatted(value, measuredAt, readingId), 201);
    }

    /** The ids of a programme's events (its own and its KPIs'), in the order of the event store. */
    static List<String> storedEventIds(JdbcClient jdbc, String pid, boolean signals) {
        return jdbc.sql("""
                        select event_identifier from domain_event_entry
                        where (aggregate_identifier = :pid or aggregate_identifier like :kpis)
                          and (payload_type like 'nl.koers.api.signal.%') = :signals
                        order by global_index""")
                .param("pid", pid).param("kpis", pid + "/%").param("signals", signals)
                .query(String.class).list();
    }
}
