package nl.koers.navigation;

/**
 * Where this instance's views stand against the event store, for a read that must show what a write wrote: the HTTP
 * API asks, the application (which writes the views inline, or replays the store into them after a rebuild) answers.
 */
public interface ViewPositions {

    /** Whether each command writes the views in its own transaction now, so a committed write is always shown. */
    boolean inline();

    /** Whether this instance's replay has handled every committed event up to {@code position}. */
    boolean covers(long position);

    /** The highest store position a command of this instance committed: what a write answers. */
    long lastCommitted();

    /** The highest position of the events committed in the store, by any instance. */
    long head();
}
