package nl.koers.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import nl.koers.app.RunningService;
import nl.koers.app.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The event store is the source of truth: while the broker is down, readings are still recorded over HTTP, and once
 * it is back every event reaches Kafka, in order per programme, none missing and none twice after deduplication by
 * {@code ce_id}.
 */
class BrokerOutageTest {

    private static final List<String> PROGRAMMES = List.of("outage-a", "outage-b");

    @Test
    void eventsRecordedWhileTheBrokerIsDownArePublishedInOrderOnceItIsBack() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start();
             RunningService service = KafkaServices.start(TestDatabase.newDatabase(), broker.bootstrapServers(), "solo")) {
            for (String pid : PROGRAMMES) {
                KafkaServices.defineProgrammeWithKpi(service, pid);
                KafkaServices.recordReading(service, pid, "before", 20, "2026-03-01");
            }
            try (TopicReader events = new TopicReader(broker.bootstrapServers(), "koers.events")) {
                awaitEverythingPublished(service, events);

                // when the broker goes away, readings are still recorded
                broker.stop();
                for (int day = 2; day <= 9; day++) {
                    for (String pid : PROGRAMMES) {
                        KafkaServices.recordReading(service, pid, "day-" + day, 20 + day, "2026-03-0" + day);
                    }
                }
                Thread.sleep(8000); // longer than the producer waits for a send: the publisher's batches fail
                broker.restart();

                // then every event arrives, in the order of the event store per programme
                awaitEverythingPublished(service, events);
            }
        }
    }

    private static void awaitEverythingPublished(RunningService service, TopicReader events) {
        JdbcClient jdbc = service.bean(JdbcClient.class);
        for (String pid : PROGRAMMES) {
            List<String> stored = KafkaServices.storedEventIds(jdbc, pid, false);
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                    assertThat(events.deduplicated(pid))
                            .extracting(record -> TopicReader.header(record, "ce_id").orElseThrow())
                            .containsExactlyElementsOf(stored));
        }
    }
}
