package nl.koers.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Readings published on koers.readings are recorded like readings posted over HTTP; a redelivered reading records
 * nothing; a message that cannot be a reading lands on koers.readings.dlt with the reason, and the consumer goes on.
 */
@KafkaIntegrationTest
class ReadingIngestionTest {

    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(ReadingIngestionTest.class.getResourceAsStream("/schemas/readings/Reading.v1.json"));
    private static int programmes;

    @Autowired
    MockMvc http;
    @Autowired
    MeterRegistry meters;
    @Autowired
    ObjectMapper json;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    private KafkaProducer<String, String> producer;
    private String pid;

    @BeforeEach
    void givenAProgrammeWithAKpi() throws Exception {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(), new StringSerializer());
        pid = "ingested-" + (++programmes);
        post("/api/v1/programmes", """
                {"id": "%s", "name": "Ingested", "startDate": "2026-01-01", "plannedEndDate": "2027-06-30"}""".formatted(pid));
        post("/api/v1/programmes/" + pid + "/kpis", """
                {"id": "k", "name": "K", "unit": "%", "direction": "HIGHER_IS_BETTER", "baseline": 10,
                 "baselineDate": "2026-01-01", "target": 80, "targetDate": "2026-12-31", "tolerance": 5, "cadence": "P1W"}""");
    }

    @AfterEach
    void closeProducer() {
        producer.close();
    }

    @AfterAll
    static void eventsAreStampedByTheRealClockAgain() {
        GenericEventMessage.clock = Clock.tickMillis(ZoneOffset.UTC);
    }

    @Test
    void aReadingOnTheTopicIsRecordedOnceHoweverOftenItIsDelivered() throws Exception {
        double duplicatesBefore = consumed("duplicate");
        String reading = reading("w9", "21.5", "2026-03-01");
        assertThat(SCHEMA.validate(json.readTree(reading))).as("the documented reading schema").isEmpty();

        publish(reading);
        publish(reading);
        publish(reading);

        await().atMost(Duration.ofSeconds(20)).until(() -> consumed("duplicate") >= duplicatesBefore + 2);
        String kpi = awaitReadings(1);
        assertThat(JsonPath.<String>read(kpi, "$.readings[0].readingId")).isEqualTo("w9");
        assertThat(JsonPath.<Double>read(kpi, "$.readings[0].value")).isEqualTo(21.5);
        assertThat(JsonPath.<String>read(kpi, "$.readings[0].source")).isEqualTo("case-system");
        assertThat(JsonPath.<String>read(kpi, "$.readings[0].status")).isEqualTo("GREEN");
    }

    @Test
    void messagesThatCannotBeReadingsGoToTheDeadLetterTopicWithTheReasonAndTheConsumerGoesOn() throws Exception {
        Map<String, String> invalid = Map.of(
                "not-json", "{\"programmeId\": \"" + pid + "\", \"kpiId\": ",
                "unknown-kpi", reading("x1", "20", "2026-03-01").replace("\"kpiId\": \"k\"", "\"kpiId\": \"nope\""),
                "nan", reading("x2", "20", "2026-03-01").replace("20", "NaN"),
                "nan-string", reading("x3", "20", "2026-03-01").replace("20", "\"NaN\""),
                "no-reading-id", reading("x4", "20", "2026-03-01").replace("\"readingId\": \"x4\",", ""),
                "in-the-future", reading("x5", "20", "2026-03-09"),
                "nul-in-note", reading("x6", "20", "2026-03-01").replace("\"note\": null", "\"note\": \"a\\u0000b\""),
                "reused-reading-id", reading("w1", "30", "2026-03-01"));
        publish(reading("w1", "20", "2026-03-01"));
        awaitReadings(1); // the invalid messages are keyed by name, so they may land on other partitions than w1
        invalid.forEach((name, message) -> publish(name, message));
        publish(reading("w2", "21", "2026-03-02"));

        try (TopicReader deadLetters = new TopicReader(brokers, "koers.readings.dlt")) {
            List<ConsumerRecord<String, byte[]>> dead = deadLetters.awaitRecords(
                    record -> invalid.containsKey(record.key()), invalid.size(), Duration.ofSeconds(30));
            for (ConsumerRecord<String, byte[]> record : dead) {
                assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo(invalid.get(record.key()));
                assertThat(TopicReader.header(record, "test-header")).contains(record.key());
                assertThat(TopicReader.header(record, "koers_dlt_original_topic")).contains("koers.readings");
            }
            assertThat(reasons(dead)).containsEntry("not-json", "invalid: the message is not valid JSON")
                    .containsEntry("unknown-kpi", "not-found: the programme or KPI does not exist")
                    .containsEntry("nan", "invalid: the message is not valid JSON")
                    .containsEntry("nan-string", "invalid: value has the wrong type or format")
                    .containsEntry("no-reading-id", "invalid: readingId must not be blank")
                    .containsEntry("in-the-future", "rejected: measuredAt lies more than a day in the future")
                    .containsEntry("nul-in-note", "invalid: note is not storable text");
            assertThat(reasons(dead).get("reused-reading-id")).startsWith("conflict: Reading w1 was recorded before");
        }
        String kpi = awaitReadings(2);
        assertThat(JsonPath.<List<String>>read(kpi, "$.readings[*].readingId")).containsExactly("w1", "w2");
    }

    private static Map<String, String> reasons(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().collect(Collectors.toMap(ConsumerRecord::key,
                record -> TopicReader.header(record, "koers_dlt_error").orElseThrow() + ": "
                        + TopicReader.header(record, "koers_dlt_reason").orElseThrow()));
    }

    private String reading(String readingId, String value, String measuredAt) {
        return """
                {"programmeId": "%s", "kpiId": "k", "value": %s, "measuredAt": "%s", "readingId": "%s",
                 "source": "case-system", "note": null}""".formatted(pid, value, measuredAt, readingId);
    }

    private void publish(String reading) {
        publish(pid, reading);
    }

    private void publish(String key, String message) {
        ProducerRecord<String, String> record = new ProducerRecord<>("koers.readings", key, message);
        record.headers().add("test-header", key.getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new AssertionError("Cannot publish a test reading", e);
        }
    }

    private double consumed(String outcome) {
        return meters.get("koers.kafka.readings.consumed").tag("outcome", outcome).counter().count();
    }

    private String awaitReadings(int count) {
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> http.perform(MockMvcRequestBuilders.get("/api/v1/programmes/" + pid + "/kpis/k"))
                        .andReturn().getResponse().getContentAsString(),
                body -> body.contains("\"readings\"") && JsonPath.<Integer>read(body, "$.readings.length()") == count);
    }

    private void post(String path, String body) throws Exception {
        int status = http.perform(MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse().getStatus();
        assertThat(status).as("POST %s", path).isEqualTo(201);
    }
}
