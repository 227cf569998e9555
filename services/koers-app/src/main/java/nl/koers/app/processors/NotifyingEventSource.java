package nl.koers.app.processors;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.axonframework.common.io.IOUtils;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * The event store as the Kafka publisher's source, telling it when new events are there. Axon 4.13's embedded event
 * store cannot call a stream's reader back, so a caught-up pooled processor looks for new events only every 500 ms,
 * and that wait would be nearly all of the time from a reading to its record on {@code koers.events}. One thread follows
 * the store's head with a stream of its own, which the store wakes as soon as it has read new events (at once after a
 * commit in this instance, within its fetch delay of 1 s for another instance's), and then calls back every
 * processor's stream; and every 500 ms besides, as the processors looked before.
 * <p>
 * It calls back at most once every {@code interval}: after a quiet spell at once, under a steady flow of events once
 * per interval with all that arrived meanwhile. A processor handles a batch of events in one transaction that also
 * moves its token; called back for every commit of a few events, each processor spent a transaction (and its token
 * update) on every two or three readings.
 */
public class NotifyingEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NotifyingEventSource.class);

    private static final int LOOK_EVERY_MILLIS = 500;

    private final EventStore eventStore;
    private final long intervalNanos;
    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private Thread follower;
    private volatile boolean stopped;

    /**
     * @param eventStore the store
     * @param interval   the least time between two callbacks
     */
    public NotifyingEventSource(EventStore eventStore, Duration interval) {
        this.eventStore = eventStore;
        this.intervalNanos = interval.toNanos();
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        startFollowing();
        return new NotifiedStream(eventStore.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return eventStore.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return eventStore.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return eventStore.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return eventStore.createTokenSince(duration);
    }

    private synchronized void startFollowing() {
        if (follower == null && !stopped) {
            follower = new Thread(this::follow, "event-store-follower");
            follower.setDaemon(true);
            follower.start();
        }
    }

    /**
     * Reads every new event as the store offers it and calls the processors back after each run of them, and at
     * least every {@value #LOOK_EVERY_MILLIS} ms besides: a coordinator only notices a work package that failed
     * (the database away) when it runs, and one that ran only for new events could find such failed work packages
     * still in place when its own next look at the database failed too, and never recover (Axon 4.13 then cannot
     * release their claims, and gives up scheduling itself).
     */
    private void follow() {
        BlockingStream<TrackedEventMessage<?>> head = null;
        long calledBack = System.nanoTime() - intervalNanos;
        try {
            while (!stopped) {
                try {
                    if (head == null) {
                        head = eventStore.openStream(eventStore.createHeadToken());
                    }
                    if (head.hasNextAvailable(LOOK_EVERY_MILLIS, TimeUnit.MILLISECONDS)) {
                        TimeUnit.NANOSECONDS.sleep(intervalNanos - (System.nanoTime() - calledBack));
                        while (head.hasNextAvailable()) {
                            head.nextAvailable();
                        }
                    }
                } catch (RuntimeException e) {
                    log.debug("Following the event store failed; trying again", e);
                    IOUtils.closeQuietly(head);
                    head = null;
                    Thread.sleep(LOOK_EVERY_MILLIS);
                }
                calledBack = System.nanoTime();
                callbacks.forEach(Runnable::run);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            IOUtils.closeQuietly(head);
        }
    }

    @Override
    public synchronized void destroy() {
        stopped = true;
        if (follower != null) {
            follower.interrupt();
        }
    }

    /** A processor's stream of the store, which takes its callback for new events. */
    private final class NotifiedStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> events;
        private Runnable callback;

        NotifiedStream(BlockingStream<TrackedEventMessage<?>> events) {
            this.events = events;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            this.callback = callback;
            callbacks.add(callback);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return events.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return events.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return events.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            events.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            if (callback != null) {
                callbacks.remove(callback);
            }
            events.close();
        }
    }
}
