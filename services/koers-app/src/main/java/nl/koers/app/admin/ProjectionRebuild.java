package nl.koers.app.admin;

import java.time.Clock;
import java.time.Instant;

import nl.koers.api.ConflictException;
import nl.koers.app.navigation.ProjectionCatchUp;
import nl.koers.app.navigation.ProjectionMode;
import nl.koers.navigation.programme.ProgrammeProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the read model from the event store: the programme view (its tables, the signal view and the history) is
 * emptied by its reset handlers and replayed by the catch-up ({@link ProjectionCatchUp}), which hands over to inline
 * writing when it has caught up. Commands go on meanwhile; their events are replayed with the others, and GETs wait
 * for the replay, bounded, or say that they are behind. Side effects such as publishing to Kafka or webhooks are
 * not replayed.
 */
@Component
public class ProjectionRebuild {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);

    private final ProjectionCatchUp catchUp;
    private final ProjectionMode mode;
    private final Clock clock;
    private volatile Run run;

    public ProjectionRebuild(ProjectionCatchUp catchUp, ProjectionMode mode, Clock clock) {
        this.catchUp = catchUp;
        this.mode = mode;
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
        Instant startedAt = clock.instant();
        long startedNanos = System.nanoTime();
        long total = catchUp.rebuild();
        run = new Run(startedAt, startedNanos, total);
        log.info("Rebuilding {}: replaying {} events", ProgrammeProjection.PROCESSING_GROUP, total);
        return status();
    }

    /**
     * Progress of the last rebuild since this instance started; {@code state} NONE when there was none. It is done
     * once the view is written inline again: the replay reached the head and handed over.
     */
    public RebuildStatus status() {
        Run current = run;
        if (current == null) {
            return RebuildStatus.none(ProgrammeProjection.PROCESSING_GROUP);
        }
        boolean done = mode.current() == ProjectionMode.Mode.INLINE;
        long replayed = done ? current.total() : Math.min(current.total(), catchUp.position().orElse(0));
        double seconds = Math.max(System.nanoTime() - current.startedNanos(), 1_000_000) / 1e9;
        return new RebuildStatus(ProgrammeProjection.PROCESSING_GROUP, done ? RebuildStatus.State.DONE : RebuildStatus.State.RUNNING,
                current.startedAt(), replayed, current.total(), Math.round(replayed / seconds));
    }
}
