package nl.koers.app.navigation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import nl.koers.navigation.programme.ProgrammeProjection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How the programme view is written now, in {@code projection_mode} (V12) so that every instance on the database
 * agrees: {@link Mode#INLINE} by each command in its own transaction, or {@link Mode#CATCHING_UP} by a processor that
 * replays the store ({@link ProjectionCatchUp}). A command's inline step holds a PostgreSQL advisory lock shared until
 * it commits, and a change of mode holds it exclusively, so no command commits events while the mode changes: each
 * event is written by exactly one of the two.
 */
@Component
public class ProjectionMode {

    public enum Mode {
        INLINE, CATCHING_UP
    }

    /** What a command's inline step found: the mode, and the store position of the last event it appended. */
    record Entered(Mode mode, long position) {
    }

    static final String PROJECTION = ProgrammeProjection.PROCESSING_GROUP;
    private static final long LOCK_KEY = 0x4b6f657273_7076L;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ProjectionMode(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public Mode current() {
        return jdbc.sql("select mode from projection_mode where projection = ?").param(PROJECTION)
                .query((row, n) -> Mode.valueOf(row.getString(1))).single();
    }

    /**
     * In a command's transaction, after its events were appended: takes the lock shared until the commit, then reads
     * the mode. Two statements in one round trip, so that the mode is read after the lock is granted: in READ
     * COMMITTED each statement sees what was committed before it started, a hand-over that held the lock included.
     * The sequence's {@code currval} is the index the store gave this transaction's last event.
     */
    Entered enterInline() {
        return template.execute((ConnectionCallback<Entered>) connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("select pg_advisory_xact_lock_shared(" + LOCK_KEY + "); "
                        + "select mode, currval('domain_event_entry_seq') from projection_mode where projection = '" + PROJECTION + "'");
                statement.getMoreResults();
                try (ResultSet row = statement.getResultSet()) {
                    if (!row.next()) {
                        throw new SQLException("projection_mode has no row for " + PROJECTION);
                    }
                    return new Entered(Mode.valueOf(row.getString(1)), row.getLong(2));
                }
            }
        });
    }

    /**
     * In a transaction: waits until no command is in its inline step (they commit first) and keeps new ones out until
     * the transaction ends.
     */
    void lockExclusively() {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK_KEY).query((row, n) -> 1).single();
    }

    /** In a transaction holding the lock exclusively ({@link #lockExclusively()}). */
    void set(Mode mode) {
        jdbc.sql("update projection_mode set mode = ? where projection = ?").params(mode.name(), PROJECTION).update();
    }
}
