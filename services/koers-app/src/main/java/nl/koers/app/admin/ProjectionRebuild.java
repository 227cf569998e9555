package nl.koers.app.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.OptionalLong;

import nl.koers.api.ConflictException;
import nl.koers.navigation.programme.ProgrammeProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the read model from the event store: stops the programme view's processor, resets its tokens (its reset
 * handlers empty the view, the signal view and the history) and starts it again, so it replays every event. Only
 * that processing group is reset: side effects such as publishing to Kafka live in processing groups of their own
 * (marked {@code @DisallowReplay}) and see nothing of it. Runs on this instance; other instances must not be
 * processing the same group at the time.
 */
@Component
public class ProjectionRebuild {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final Clock clock;
    private volatile Run run;

    public ProjectionRebuild(EventProcessingConfiguration processing, EventStore eventStore, Clock clock) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.clock = clock;
    }

    /**
     * One rebuild: when it started (by the clock, and by the monotonic timer for its rate) and the event store's
     * head then, the position to replay up to.
     */
    private record Run(Instant startedAt, long startedNanos, long total) {
    }

    /** Starts a rebuild; refused while one is running. */
    public synchronized RebuildStatus start() {
        if (run != null && !status().finished()) {
            throw new ConflictException("A rebuild is running already; follow its progress at GET /api/v1/admin/rebuild.");
        }
        StreamingEventProcessor processor = processor();
        long total = position(eventStore.createHeadToken()).orElse(0);
        log.info("Rebuilding {}: replaying {} events", ProgrammeProjection.PROCESSING_GROUP, total);
        processor.shutDown();
        processor.resetTokens();
        run = new Run(clock.instant(), System.nanoTime(), total);
        processor.start();
        return status();
    }

    /** Progress of the last rebuild since this instance started; {@code state} NONE when there was none. */
    public RebuildStatus status() {
        Run current = run;
        if (current == null) {
            return RebuildStatus.none(ProgrammeProjection.PROCESSING_GROUP);
        }
        // a segment stays "replaying" until it sees an event after the reset, so done is judged by position
        Collection<EventTrackerStatus> segments = processor().processingStatus().values();
        long done = segments.isEmpty() ? 0 : Math.min(current.total(), segments.stream()
                .mapToLong(segment -> segment.getCurrentPosition().orElse(0)).min().orElse(0));
        double seconds = Math.max(System.nanoTime() - current.startedNanos(), 1_000_000) / 1e9;
        return new RebuildStatus(ProgrammeProjection.PROCESSING_GROUP, done < current.total()
                ? RebuildStatus.State.RUNNING : RebuildStatus.State.DONE, current.startedAt(), done, current.total(),
                Math.round(done / seconds));
    }

    private StreamingEventProcessor processor() {
        return processing.eventProcessor(ProgrammeProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No streaming processor " + ProgrammeProjection.PROCESSING_GROUP));
    }

    private static OptionalLong position(TrackingToken token) {
        return token == null ? OptionalLong.empty() : token.position();
    }
}
