package nl.koers.app.navigation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import nl.koers.api.ConflictException;
import nl.koers.app.persistence.SessionLock;
import nl.koers.navigation.programme.ProgrammeProjection;
import org.axonframework.config.Configuration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.common.transaction.TransactionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings the programme view up to the event store when it is behind, then hands over to inline writing. That is after
 * a rebuild, and on a store written before the view was written inline; otherwise it does nothing.
 * <p>
 * While {@link ProjectionMode} says {@code CATCHING_UP}, one instance at a time (a session advisory lock) runs a
 * pooled processor over the store with the view's handlers, from the position where the view stands (its tokens,
 * {@code programme-view}: those of the processor that wrote the view before it was written inline, or reset by a
 * rebuild). Commands meanwhile write nothing to the view. Once the processor has reached the head, the hand-over
 * takes the mode's lock exclusively, so that no command commits events meanwhile, waits until the processor has
 * handled every committed event, and switches to {@code INLINE}; the commands that waited for the lock then write
 * their own events, and the processor stops.
 */
public class ProjectionCatchUp implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectionCatchUp.class);
    private static final long LOCK_KEY = 0x4b6f657273_6375L;
    private static final Duration HAND_OVER_WAIT = Duration.ofSeconds(5);
    /** How close to the head the replay comes before the commands wait for it: well within {@link #HAND_OVER_WAIT}. */
    private static final long HAND_OVER_DISTANCE = 1_000;

    private final ProjectionMode mode;
    private final StorePositions positions;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final PooledStreamingEventProcessor processor;
    private final ScheduledExecutorService coordinator;
    private final ScheduledExecutorService workers;
    /** Held while this instance catches up. */
    private final SessionLock lock;

    ProjectionCatchUp(ProjectionMode mode, StorePositions positions, DataSource dataSource, JdbcClient jdbc, TransactionTemplate transactions,
                      ApplicationContext context, Configuration axon, EventStore eventStore, TokenStore tokens,
                      TransactionManager axonTransactions, SequencingPolicy<EventMessage<?>> sequencing,
                      int segments, int batchSize) {
        this.mode = mode;
        this.positions = positions;
        this.lock = new SessionLock(dataSource, LOCK_KEY);
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.coordinator = Executors.newSingleThreadScheduledExecutor(named("programme-view-catch-up-coordinator"));
        this.workers = Executors.newScheduledThreadPool(segments, named("programme-view-catch-up"));
        List<Object> handlers = context.getBeansWithAnnotation(ProcessingGroup.class).values().stream()
                .filter(bean -> ProgrammeProjection.PROCESSING_GROUP.equals(bean.getClass().getAnnotation(ProcessingGroup.class).value()))
                .toList();
        this.processor = PooledStreamingEventProcessor.builder()
                .name(ProgrammeProjection.PROCESSING_GROUP)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(handlers)
                        .parameterResolverFactory(axon.parameterResolverFactory())
                        .handlerDefinition(axon.handlerDefinition(ProgrammeProjection.class))
                        .sequencingPolicy(sequencing)
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                        .build())
                .errorHandler(PropagatingErrorHandler.instance())
                .messageSource(eventStore)
                .tokenStore(tokens)
                .transactionManager(axonTransactions)
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(segments)
                .batchSize(batchSize)
                .build();
    }

    private static ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Looks every 200 ms whether the view is behind, catches it up, and hands over once it has caught up. */
    @Scheduled(fixedDelayString = "${koers.projections.catch-up-interval:PT0.2S}")
    public synchronized void check() {
        try {
            if (mode.current() == ProjectionMode.Mode.INLINE) {
                stop();
                return;
            }
            if (!lock.tryTake()) {
                return; // another instance catches up
            }
            if (!processor.isRunning()) {
                log.info("The programme view is behind the event store: catching up");
                processor.start();
            }
            if (reachedHead()) {
                handOver();
            }
        } catch (RuntimeException e) {
            log.warn("Catching the programme view up failed; trying again", e);
        }
    }

    /**
     * Starts a rebuild: the view emptied (its reset handlers) and its processor's tokens reset, in the transaction
     * that switches to catching up under the exclusive lock; then the replay starts here. Answers the store's head.
     */
    public synchronized long rebuild() {
        long head = positions.head();
        if (!lock.tryTake()) {
            throw new ConflictException("The programme view is being caught up on another instance; rebuild there, or when it is done.");
        }
        processor.shutDown();
        transactions.executeWithoutResult(status -> {
            mode.lockExclusively();
            mode.set(ProjectionMode.Mode.CATCHING_UP);
            processor.resetTokens();
        });
        log.info("Rebuilding the programme view: replaying {} events", head);
        processor.start();
        return head;
    }

    /** How far this instance's catch-up got: the slowest segment's position; empty when it is not catching up. */
    public OptionalLong position() {
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        if (segments.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(segments.stream().mapToLong(segment -> segment.getCurrentPosition().orElse(0)).min().orElse(0));
    }

    /**
     * Whether this instance's replay has handled every committed event up to {@code position}: it holds every segment,
     * each stands there, and none of their gaps up to there holds a committed event. A gap left by a transaction that
     * is still open is no event anyone was answered about; under the hand-over's lock it is a command waiting to write
     * its own event inline.
     */
    public boolean covers(long position) {
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        if (segments.isEmpty() || segments.size() != storedSegments()) {
            return false;
        }
        List<Long> gaps = new ArrayList<>();
        for (EventTrackerStatus segment : segments) {
            if (segment.isErrorState() || segment.getCurrentPosition().orElse(-1) < position) {
                return false;
            }
            WrappedToken.unwrap(segment.getTrackingToken(), GapAwareTrackingToken.class)
                    .ifPresent(token -> token.getGaps().headSet(position + 1).forEach(gaps::add));
        }
        return gaps.isEmpty() || !jdbc.sql("select exists (select 1 from domain_event_entry where global_index = any(?))")
                .param(gaps.toArray(Long[]::new)).query(Boolean.class).single();
    }

    /**
     * Whether the replay has come close to the head, which commands may still be moving: then the hand-over stops them
     * while the replay handles the last few events.
     */
    private boolean reachedHead() {
        OptionalLong position = position();
        return position.isPresent() && position.getAsLong() >= positions.head() - HAND_OVER_DISTANCE;
    }

    /** Under the exclusive lock no further event commits: once the replay covers the head, it has handled them all. */
    private void handOver() {
        boolean handedOver = Boolean.TRUE.equals(transactions.execute(status -> {
            mode.lockExclusively();
            if (mode.current() == ProjectionMode.Mode.INLINE) {
                return true;
            }
            long deadline = System.nanoTime() + HAND_OVER_WAIT.toNanos();
            while (!covers(positions.head())) {
                if (System.nanoTime() > deadline) {
                    log.info("The programme view's replay did not catch up within {}; commands go on, trying again", HAND_OVER_WAIT);
                    return false;
                }
                pause();
            }
            mode.set(ProjectionMode.Mode.INLINE);
            return true;
        }));
        if (handedOver) {
            log.info("The programme view has caught up with the event store: written inline from now on");
            stop();
        }
    }

    private int storedSegments() {
        return jdbc.sql("select count(*) from token_entry where processor_name = ?").param(ProgrammeProjection.PROCESSING_GROUP)
                .query(Integer.class).single();
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while handing over to inline writing", e);
        }
    }

    private void stop() {
        if (processor.isRunning()) {
            processor.shutDown();
        }
        lock.release();
    }

    @Override
    public synchronized void destroy() {
        stop();
        coordinator.shutdownNow();
        workers.shutdownNow();
    }
}
