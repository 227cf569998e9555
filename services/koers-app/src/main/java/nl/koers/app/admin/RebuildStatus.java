package nl.koers.app.admin;

import java.time.Instant;

/**
 * A rebuild's progress: events replayed of those in the store when it started (the slowest segment's position
 * counts), and the rate since it started.
 */
public record RebuildStatus(String processor, State state, Instant startedAt, long eventsDone, long eventsTotal,
                            long eventsPerSecond) {

    public enum State {
        NONE, RUNNING, DONE
    }

    boolean finished() {
        return state != State.RUNNING;
    }

    static RebuildStatus none(String processor) {
        return new RebuildStatus(processor, State.NONE, null, 0, 0, 0);
    }
}
