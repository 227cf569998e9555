package nl.koers.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import nl.koers.api.ProgrammeEvent;
import nl.koers.api.signal.SignalRaised;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;

/**
 * Publishes every event of the store: signal events to the signals topic, all others to the events topic, as JSON
 * keyed by programme id (so a programme's events keep their order in one partition) with CloudEvents headers in
 * Kafka's binary mode. The processing group keeps its own token: a batch of events counts as handled only when
 * Kafka has acknowledged every record of it; a failed send fails the batch, which Axon rolls back and retries from
 * the token, so a broker outage delays events but loses none (a retried batch may repeat records: consumers
 * deduplicate by {@code ce_id}, the event's id). Replays are refused: what was published stays published.
 */
@ProcessingGroup(EventPublisher.PROCESSING_GROUP)
@DisallowReplay
public class EventPublisher {

    public static final String PROCESSING_GROUP = "kafka-publisher";
    private static final String SENT_IN_BATCH = EventPublisher.class.getName() + ".sent";
    private static final String SIGNAL_EVENTS = SignalRaised.class.getPackageName();
    private static final RevisionResolver REVISIONS = new AnnotationRevisionResolver();

    private final KafkaProducer<String, byte[]> producer;
    private final KafkaSettings.Topics topics;
    private final String source;
    private final ObjectMapper json;
    private final Counter eventsPublished;
    private final Counter signalsPublished;

    EventPublisher(KafkaProducer<String, byte[]> producer, KafkaSettings settings, ObjectMapper json, MeterRegistry meters) {
        this.producer = producer;
        this.topics = settings.topics();
        this.source = settings.cloudEventsSource();
        this.json = json;
        this.eventsPublished = published(meters, topics.events());
        this.signalsPublished = published(meters, topics.signals());
    }

    private static Counter published(MeterRegistry meters, String topic) {
        return Counter.builder("koers.kafka.published").description("Records acknowledged by Kafka, per topic")
                .tag("topic", topic).register(meters);
    }

    /** The CloudEvents type of an event: its name and schema version, e.g. {@code koers.ReadingRecorded.v1}. */
    public static String cloudEventType(Class<?> eventType) {
        String revision = REVISIONS.revisionOf(eventType);
        return "koers." + eventType.getSimpleName() + ".v" + (revision == null ? "1" : revision);
    }

    @EventHandler
    void on(ProgrammeEvent event, EventMessage<?> message) throws JsonProcessingException {
        boolean signal = event.getClass().getPackageName().equals(SIGNAL_EVENTS);
        String type = cloudEventType(event.getClass());
        Headers headers = new RecordHeaders()
                .add("ce_specversion", utf8("1.0"))
                .add("ce_id", utf8(message.getIdentifier()))
                .add("ce_type", utf8(type))
                .add("ce_source", utf8(source))
                .add("ce_subject", utf8(event.programmeId()))
                .add("ce_time", utf8(message.getTimestamp().toString()))
                .add("ce_dataschema", utf8("https://koers.dev/schemas/events/" + type.substring("koers.".length()) + ".json"))
                .add("content-type", utf8("application/json"));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(signal ? topics.signals() : topics.events(), null,
                message.getTimestamp().toEpochMilli(), event.programmeId(), json.writeValueAsBytes(event), headers);
        sentInThisBatch().add(new Sent(producer.send(record), signal ? signalsPublished : eventsPublished));
    }

    private record Sent(Future<RecordMetadata> acknowledgement, Counter counter) {
    }

    /** The sends of the batch being handled; before it commits (and its token moves on), all must be acknowledged. */
    private List<Sent> sentInThisBatch() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(SENT_IN_BATCH, key -> {
            List<Sent> sent = new ArrayList<>();
            batch.onPrepareCommit(unitOfWork -> awaitAcknowledgements(sent));
            return sent;
        });
    }

    private static void awaitAcknowledgements(List<Sent> sent) {
        try {
            for (Sent each : sent) {
                each.acknowledgement().get();
            }
        } catch (ExecutionException e) {
            throw new KafkaPublishingException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaPublishingException(e);
        }
        sent.forEach(each -> each.counter().increment());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Kafka did not take a record of the batch; the batch is retried. */
    static class KafkaPublishingException extends RuntimeException {
        KafkaPublishingException(Throwable cause) {
            super("Kafka did not acknowledge an event; the batch is retried", cause);
        }
    }
}
