package nl.koers.app.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import nl.koers.api.ProgrammeEvent;
import nl.koers.app.navigation.NavigationConfiguration;
import nl.koers.app.navigation.ProjectionDeadLetterPolicy;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jpa.JpaDeadLetter;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The events each projection parked in its dead-letter queue, and retrying them. A parked sequence is one
 * programme's events from the one that failed on (the projections keep a programme's events in order).
 */
@Component
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final EventProcessingConfiguration processing;

    public DeadLetters(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** The parked events of one processing group, in the order they will be retried. */
    public record Group(String processingGroup, List<Letter> deadLetters) {
    }

    /** A parked event: its sequence, its place in it, what it is and why it failed. */
    public record Letter(String sequence, long index, String eventId, String eventType, String programmeId,
                         String causeType, String causeMessage, Instant enqueuedAt, Instant lastTouched,
                         int retries) {
    }

    /** What a retry did for one group: sequences tried, those handled entirely, those still parked. */
    public record Retried(String processingGroup, long sequencesTried, long sequencesHandled, long sequencesLeft) {
    }

    public List<Group> list() {
        return NavigationConfiguration.DEAD_LETTERED.stream().sorted().map(group -> {
            List<Letter> letters = new ArrayList<>();
            queue(group).deadLetters().forEach(sequence -> sequence.forEach(letter -> letters.add(letter(letter))));
            return new Group(group, letters);
        }).toList();
    }

    /**
     * Handles every parked sequence again, oldest-touched first; one that fails again stays parked, with its
     * retries counted, and the next is tried.
     */
    public List<Retried> retry() {
        return NavigationConfiguration.DEAD_LETTERED.stream().sorted().map(group -> {
            long tried = queue(group).amountOfSequences();
            long handled = 0;
            for (long attempt = 0; attempt < tried; attempt++) {
                if (processing.sequencedDeadLetterProcessor(group).orElseThrow().processAny()) {
                    handled++;
                }
            }
            long left = queue(group).amountOfSequences();
            log.info("Retried {} dead-lettered sequences of {}: {} handled, {} still parked", tried, group, handled, left);
            return new Retried(group, tried, handled, left);
        }).toList();
    }

    @EventListener(ApplicationReadyEvent.class)
    void registerMetric(ApplicationReadyEvent ready) {
        MeterRegistry registry = ready.getApplicationContext().getBean(MeterRegistry.class);
        NavigationConfiguration.DEAD_LETTERED.forEach(group -> Gauge.builder("koers.dead.letters", () -> queue(group).size())
                .tag("processor", group)
                .description("Events parked in the processing group's dead-letter queue")
                .register(registry));
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        return processing.deadLetterQueue(group).orElseThrow();
    }

    private static Letter letter(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        JpaDeadLetter<?> stored = (JpaDeadLetter<?>) letter;
        Object retries = letter.diagnostics().get(ProjectionDeadLetterPolicy.RETRIES);
        return new Letter(stored.getSequenceIdentifier(), stored.getIndex(), event.getIdentifier(),
                event.getPayloadType().getSimpleName(),
                event.getPayload() instanceof ProgrammeEvent programmeEvent ? programmeEvent.programmeId() : null,
                letter.cause().map(Cause::type).orElse(null), letter.cause().map(Cause::message).orElse(null),
                letter.enqueuedAt(), letter.lastTouched(), retries instanceof Number number ? number.intValue() : 0);
    }
}
