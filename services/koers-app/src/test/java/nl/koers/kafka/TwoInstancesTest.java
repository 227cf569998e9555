package nl.koers.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.jayway.jsonpath.JsonPath;
import nl.koers.app.RunningService;
import nl.koers.app.TestDatabase;
import nl.koers.app.signals.SignalSweep;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances on one database and one broker share the event processors (segments claimed through the token
 * store) and the readings consumer group: whatever is recorded on either is projected once and published in order,
 * the sweep raises a time-driven signal once, and when one instance stops the other takes over its segments,
 * missing nothing.
 */
class TwoInstancesTest {

    private static final List<String> PROGRAMMES = List.of("scale-1", "scale-2", "scale-3", "scale-4");

    @Test
    void twoInstancesShareTheWorkAndOneTakesOverWhenTheOtherStops() throws Exception {
        String database = TestDatabase.newDatabase();
        try (KafkaBroker broker = KafkaBroker.start();
             RunningService a = KafkaServices.start(database, broker.bootstrapServers(), "a");
             RunningService b = KafkaServices.start(database, broker.bootstrapServers(), "b");
             TopicReader events = new TopicReader(broker.bootstrapServers(), "koers.events");
             TopicReader signals = new TopicReader(broker.bootstrapServers(), "koers.signals");
             KafkaProducer<String, String> readings = new KafkaProducer<>(
                     Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                     new StringSerializer(), new StringSerializer())) {
            JdbcClient jdbc = b.bean(JdbcClient.class); // b runs to the end

            // given programmes defined and readings recorded on either instance, over HTTP and through Kafka
            for (int i = 0; i < PROGRAMMES.size(); i++) {
                RunningService service = i % 2 == 0 ? a : b;
                String pid = PROGRAMMES.get(i);
                KafkaServices.defineProgrammeWithKpi(service, pid);
                service.post("/api/v1/programmes/" + pid + "/milestones",
                        "{\"id\": \"m\", \"title\": \"M\", \"dueDate\": \"2026-02-01\"}", 201);
                KafkaServices.recordReading(a, pid, "http-a", 20, "2026-03-01");
                KafkaServices.recordReading(b, pid, "http-b", 21, "2026-03-02");
                for (int day = 3; day <= 6; day++) {
                    readings.send(new ProducerRecord<>("koers.readings", pid, """
                            {"programmeId": "%s", "kpiId": "k", "value": %d, "measuredAt": "2026-03-0%d",
                             "readingId": "kafka-%d"}""".formatted(pid, 20 + day, day, day)))
                            .get();
                }
            }

            // then both instances answer every reading once, and every event is published, in order
            awaitReadingsOnBoth(List.of(a, b), 6);
            awaitPublished(events, jdbc, false);
            // and both share the processors' segments
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(tokenOwners(jdbc)).containsOnly("a", "b"));

            // when both instances sweep at the same moment, the overdue milestone is flagged once per programme
            CompletableFuture<SignalSweep.Result> sweepA = CompletableFuture.supplyAsync(() -> sweep(a));
            CompletableFuture<SignalSweep.Result> sweepB = CompletableFuture.supplyAsync(() -> sweep(b));
            assertThat(List.of(sweepA.get(), sweepB.get())).anyMatch(SignalSweep.Result::ran);
            sweep(a);
            sweep(b);
            for (String pid : PROGRAMMES) {
                assertThat(jdbc.sql("""
                                select count(*) from domain_event_entry
                                where aggregate_identifier = ? and payload_type = 'nl.koers.api.signal.SignalRaised'
                                  and convert_from(payload, 'UTF8') like '%MILESTONE_OVERDUE%'""")
                        .param(pid).query(Integer.class).single()).as(pid).isEqualTo(1);
            }
            awaitPublished(signals, jdbc, true);

            // when one instance stops, the other takes over its segments and misses nothing
            a.close();
            for (String pid : PROGRAMMES) {
                KafkaServices.recordReading(b, pid, "after-a-stopped", 30, "2026-03-09");
            }
            awaitReadingsOnBoth(List.of(b), 7);
            awaitPublished(events, jdbc, false);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(tokenOwners(jdbc)).containsOnly("b"));
        }
    }

    private static SignalSweep.Result sweep(RunningService service) {
        try {
            return service.bean(SignalSweep.class).sweep();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitReadingsOnBoth(List<RunningService> services, int count) {
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            for (RunningService service : services) {
                for (String pid : PROGRAMMES) {
                    String kpi = service.get("/api/v1/programmes/" + pid + "/kpis/k");
                    assertThat(JsonPath.<Integer>read(kpi, "$.readings.length()")).as(pid).isEqualTo(count);
                }
            }
        });
    }

    /**
     * Every stored event of every programme on the topic, in order, after deduplication by ce_id: a segment that
     * moves to the other instance in the middle of a batch may repeat that batch's records.
     */
    private static void awaitPublished(TopicReader topic, JdbcClient jdbc, boolean signalEvents) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String pid : PROGRAMMES) {
                assertThat(topic.deduplicated(pid))
                        .extracting(record -> TopicReader.header(record, "ce_id").orElseThrow())
                        .as(pid).containsExactlyElementsOf(KafkaServices.storedEventIds(jdbc, pid, signalEvents));
            }
        });
    }

    private static List<String> tokenOwners(JdbcClient jdbc) {
        return jdbc.sql("select distinct owner from token_entry where owner is not null").query(String.class).list();
    }
}
