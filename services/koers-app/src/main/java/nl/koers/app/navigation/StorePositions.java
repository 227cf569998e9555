package nl.koers.app.navigation;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The highest store position that a command of this instance committed: what a write answers in
 * {@code Koers-Position}. It is at least the position of the answered command's own events, since the command was
 * answered after its commit; a client sends it back on a GET to wait for exactly that.
 */
@Component
public class StorePositions {

    private final AtomicLong committed = new AtomicLong();

    private final JdbcClient jdbc;

    StorePositions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void committed(long position) {
        committed.accumulateAndGet(position, Math::max);
    }

    /** Before this instance committed anything, the store's head (a duplicate answers where the first one is). */
    public long lastCommitted() {
        if (committed.get() == 0) {
            committed(head());
        }
        return committed.get();
    }

    /** The highest position of the events committed in the store, by any instance. */
    public long head() {
        return jdbc.sql("select coalesce(max(global_index), 0) from domain_event_entry").query(Long.class).single();
    }
}
