package nl.koers.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.micrometer.core.instrument.MeterRegistry;
import nl.koers.api.ProgrammeEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import org.springframework.util.ClassUtils;

/**
 * Every event of a programme's life reaches Kafka: signal events on the signals topic, all others on the events
 * topic, in the order of the event store, each with CloudEvents headers and data that its published JSON schema
 * accepts.
 */
@KafkaIntegrationTest
class EventPublishingTest {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    @Autowired
    MockMvc http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    MeterRegistry meters;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @AfterAll
    static void eventsAreStampedByTheRealClockAgain() {
        GenericEventMessage.clock = Clock.tickMillis(ZoneOffset.UTC);
    }

    @Test
    void everyEventTypeIsPublishedInOrderWithItsCloudEventsHeadersAndSchema() throws Exception {
        String pid = "published";
        givenAProgrammeThatGoesThroughEveryEvent(pid);
        List<String> stored = KafkaServices.storedEventIds(jdbc, pid, false);
        List<String> storedSignals = KafkaServices.storedEventIds(jdbc, pid, true);

        try (TopicReader events = new TopicReader(brokers, "koers.events");
             TopicReader signals = new TopicReader(brokers, "koers.signals")) {
            events.awaitRecords(record -> pid.equals(record.key()), stored.size(), Duration.ofSeconds(30));
            signals.awaitRecords(record -> pid.equals(record.key()), storedSignals.size(), Duration.ofSeconds(30));

            // in the order of the event store, per programme, each event once
            assertThat(events.deduplicated(pid)).extracting(record -> TopicReader.header(record, "ce_id").orElseThrow())
                    .containsExactlyElementsOf(stored);
            assertThat(signals.deduplicated(pid)).extracting(record -> TopicReader.header(record, "ce_id").orElseThrow())
                    .containsExactlyElementsOf(storedSignals);

            List<ConsumerRecord<String, byte[]>> all = new ArrayList<>(events.deduplicated(pid));
            all.addAll(signals.deduplicated(pid));
            for (ConsumerRecord<String, byte[]> record : all) {
                assertCloudEvent(record);
            }
            Set<String> published = all.stream().map(record -> TopicReader.header(record, "ce_type").orElseThrow())
                    .collect(Collectors.toSet());
            assertThat(published).containsAll(everyEventType());
            assertThat(meters.get("koers.kafka.published").tag("topic", "koers.events").counter().count())
                    .isGreaterThanOrEqualTo(stored.size());
            assertThat(meters.get("koers.kafka.published").tag("topic", "koers.signals").counter().count())
                    .isGreaterThanOrEqualTo(storedSignals.size());
        }
    }

    private void assertCloudEvent(ConsumerRecord<String, byte[]> record) throws IOException {
        assertThat(TopicReader.header(record, "ce_specversion")).contains("1.0");
        assertThat(TopicReader.header(record, "ce_source")).contains("/koers");
        assertThat(TopicReader.header(record, "ce_subject")).contains(record.key());
        assertThat(TopicReader.header(record, "content-type")).contains("application/json");
        assertThat(Instant.parse(TopicReader.header(record, "ce_time").orElseThrow())).isBefore(Instant.now().plusSeconds(1));
        String type = TopicReader.header(record, "ce_type").orElseThrow();
        JsonNode data = json.readTree(record.value());
        assertThat(schema(type).validate(data)).as("%s against its schema: %s", type, data).isEmpty();
        assertThat(data.get("programmeId").asText()).isEqualTo(record.key());
    }

    /** The published schema of a CloudEvents type, e.g. schemas/events/ReadingRecorded.v1.json. */
    private static Schema schema(String cloudEventType) throws IOException {
        String path = "/schemas/events/" + cloudEventType.substring("koers.".length()) + ".json";
        try (InputStream schema = EventPublishingTest.class.getResourceAsStream(path)) {
            assertThat(schema).as("schema %s", path).isNotNull();
            return SCHEMAS.getSchema(schema);
        }
    }

    private static Set<String> everyEventType() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(ProgrammeEvent.class));
        return scanner.findCandidateComponents("nl.koers.api").stream()
                .map(candidate -> EventPublisher.cloudEventType(ClassUtils.resolveClassName(candidate.getBeanClassName(), null)))
                .collect(Collectors.toSet());
    }

    @Test
    void aRebuildOfTheProjectionsPublishesNothing() throws Exception {
        String pid = "rebuilt-quietly";
        post("/api/v1/programmes", """
                {"id": "%s", "name": "Rebuilt", "startDate": "2026-01-01", "plannedEndDate": "2027-06-30"}""".formatted(pid), 201);
        post("/api/v1/programmes/" + pid + "/kpis", """
                {"id": "k", "name": "K", "unit": "%", "direction": "HIGHER_IS_BETTER", "baseline": 10,
                 "baselineDate": "2026-01-01", "target": 80, "targetDate": "2026-12-31", "tolerance": 5,
                 "cadence": "P1W"}""", 201);
        post("/api/v1/programmes/" + pid + "/kpis/k/readings", "{\"value\": 11, \"measuredAt\": \"2026-03-01\", \"readingId\": \"a\"}", 201);
        int stored = KafkaServices.storedEventIds(jdbc, pid, false).size();
        int storedSignals = KafkaServices.storedEventIds(jdbc, pid, true).size();
        try (TopicReader events = new TopicReader(brokers, "koers.events");
             TopicReader signals = new TopicReader(brokers, "koers.signals")) {
            events.awaitRecords(record -> pid.equals(record.key()), stored, Duration.ofSeconds(30));
            signals.awaitRecords(record -> pid.equals(record.key()), storedSignals, Duration.ofSeconds(30));
            double publishedBefore = published();

            http.perform(MockMvcRequestBuilders.post("/api/v1/admin/rebuild"))
                    .andExpect(MockMvcResultMatchers.status().isAccepted());
            await().atMost(Duration.ofSeconds(30)).until(() -> http.perform(MockMvcRequestBuilders.get("/api/v1/admin/rebuild"))
                    .andReturn().getResponse().getContentAsString().contains("\"DONE\""));
            // the publisher polls the store every half second: give it a few polls to publish anything it would
            Thread.sleep(2_000);

            assertThat(published()).isEqualTo(publishedBefore);
            assertThat(events.records()).filteredOn(record -> pid.equals(record.key())).hasSize(stored);
            assertThat(signals.records()).filteredOn(record -> pid.equals(record.key())).hasSize(storedSignals);
        }
    }

    private double published() {
        return meters.get("koers.kafka.published").counters().stream().mapToDouble(counter -> counter.count()).sum();
    }

    /** On 2 March 2026 (the test clock): the plan of KPI k on 1 March is 21.35 (PRODUCT.md's example). */
    private void givenAProgrammeThatGoesThroughEveryEvent(String pid) throws Exception {
        String programme = "/api/v1/programmes/" + pid;
        post("/api/v1/programmes", """
                {"id": "%s", "name": "Published", "startDate": "2026-01-01", "plannedEndDate": "2027-06-30",
                 "objectives": [{"id": "o", "statement": "S"}]}""".formatted(pid), 201);
        post(programme + "/kpis", """
                {"id": "k", "name": "K", "unit": "%", "direction": "HIGHER_IS_BETTER", "baseline": 10,
                 "baselineDate": "2026-01-01", "target": 80, "targetDate": "2026-12-31", "tolerance": 5,
                 "cadence": "P1W", "objectiveId": "o", "lever": "NAVIGATION"}""", 201);
        // RED: a CRITICAL KPI_OFF_PLAN; then AMBER: it turns WARNING; still AMBER at another value: its evidence follows;
        // acknowledged; corrected to GREEN: cleared
        post(programme + "/kpis/k/readings", "{\"value\": 11, \"measuredAt\": \"2026-03-01\", \"readingId\": \"a\"}", 201);
        post(programme + "/kpis/k/readings", "{\"value\": 12, \"measuredAt\": \"2026-03-01T12:00:00Z\", \"readingId\": \"b\"}", 201);
        post(programme + "/kpis/k/readings", "{\"value\": 13, \"measuredAt\": \"2026-03-01T18:00:00Z\", \"readingId\": \"c\"}", 201);
        post("/api/v1/signals/" + pid + ".kpi.k.kpi_off_plan.1/acknowledgement", "{\"by\": \"SC\", \"note\": \"seen\"}", 204);
        post(programme + "/kpis/k/readings/c/correction", "{\"value\": 21, \"reason\": \"typo\"}", 204);
        post(programme + "/kpis/k/readings/a/retraction", "{\"reason\": \"wrong KPI\"}", 204);
        post(programme + "/kpis/k/retarget", """
                {"target": 90, "targetDate": "2027-03-31", "reason": "more ambition"}""", 204);
        post(programme + "/milestones", "{\"id\": \"m\", \"title\": \"M\", \"dueDate\": \"2026-06-01\"}", 201);
        post(programme + "/milestones/m/forecast", "{\"forecastDate\": \"2026-06-15\", \"reason\": \"late supplier\"}", 204);
        post(programme + "/milestones/m/rebaseline", """
                {"dueDate": "2026-07-01", "reason": "approved delay", "approvedBy": "SC"}""", 204);
        post(programme + "/milestones/m/achievement", "{\"achievedOn\": \"2026-03-02\"}", 204);
        post(programme + "/milestones", "{\"id\": \"n\", \"title\": \"N\", \"dueDate\": \"2026-08-01\"}", 201);
        post(programme + "/milestones/n/cancellation", "{\"reason\": \"out of scope\"}", 204);
        post(programme + "/evaluations", "{\"id\": \"q1\", \"title\": \"Q1\", \"scheduledFor\": \"2026-03-02\"}", 201);
        post(programme + "/evaluations/q1/outcome", """
                {"heldOn": "2026-03-02", "deliveryConfidence": "AMBER", "decision": "ADJUST", "summary": "On course",
                 "actions": [{"description": "Hire", "owner": "PMO", "dueDate": "2026-04-01"}],
                 "addressedSignals": []}""", 204);
        post(programme + "/pause", "{\"reason\": \"budget review\"}", 204);
        post(programme + "/resume", "{}", 204);
        post(programme + "/close", "{\"reason\": \"done\"}", 204);
    }

    private void post(String path, String body, int status) throws Exception {
        int answered = http.perform(MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse().getStatus();
        assertThat(answered).as("POST %s", path).isEqualTo(status);
    }
}
