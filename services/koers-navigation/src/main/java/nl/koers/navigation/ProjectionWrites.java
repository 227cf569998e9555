package nl.koers.navigation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The projections' statements. Sent at once, unless the unit of work that handles the event defers them
 * ({@link #deferInCurrentUnitOfWork()}: the events of a command or of a group of commands, or a replay's batch, in one
 * transaction): then they are kept until
 * {@link #flush()}, and each run of one statement is sent as one JDBC batch, a round trip instead of one per event.
 * Kept statements run in the order they were written, so a statement sees what an earlier one wrote; a handler that
 * reads the read model must {@link #flush()} first.
 */
@Component
public class ProjectionWrites {

    private static final String PENDING = ProjectionWrites.class.getName();

    private final JdbcTemplate jdbc;

    public ProjectionWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A statement, run after those written before it. */
    public void write(String sql, Object... params) {
        Pending pending = pending();
        if (pending == null) {
            jdbc.update(sql, params);
        } else {
            pending.write(sql, params);
        }
    }

    /**
     * An insert of one row that no other statement of the unit of work reads or changes (the history's), sent with
     * every other such row of its statement whatever was written between them; it fails when it inserts no row.
     */
    public void insertIndependentRow(String sql, Object... params) {
        Pending pending = pending();
        if (pending == null) {
            insertedOneEach(sql, List.<Object[]>of(params), new int[] {jdbc.update(sql, params)});
        } else {
            pending.independentRows.computeIfAbsent(sql, key -> new ArrayList<>()).add(params);
        }
    }

    /**
     * From now on in the current unit of work, keeps the statements until {@link #flush()}; answers whether they were
     * sent at once until now.
     */
    public boolean deferInCurrentUnitOfWork() {
        return CurrentUnitOfWork.get().resources().putIfAbsent(PENDING, new Pending()) == null;
    }

    /** Sends the statements kept so far, in order; none are kept afterwards, whether they succeeded or not. */
    public void flush() {
        Pending pending = pending();
        if (pending == null || pending.isEmpty()) {
            return;
        }
        try {
            for (Run run : pending.runs) {
                jdbc.batchUpdate(run.sql(), run.params());
            }
            for (Map.Entry<String, List<Object[]>> rows : pending.independentRows.entrySet()) {
                insertedOneEach(rows.getKey(), rows.getValue(), jdbc.batchUpdate(rows.getKey(), rows.getValue()));
            }
        } finally {
            pending.clear();
        }
    }

    /** Forgets the statements kept so far (those of a handler that failed). */
    public void discard() {
        Pending pending = pending();
        if (pending != null) {
            pending.clear();
        }
    }

    private static Pending pending() {
        return CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().resources().get(PENDING) instanceof Pending pending
                ? pending
                : null;
    }

    private static void insertedOneEach(String sql, List<Object[]> params, int[] counts) {
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 1) {
                throw new IllegalStateException("Inserted " + counts[i] + " rows instead of one: " + sql.strip()
                        + " with " + Arrays.toString(params.get(i)));
            }
        }
    }

    private record Run(String sql, List<Object[]> params) {
    }

    /** The statements kept in one unit of work. */
    private static final class Pending {

        private final List<Run> runs = new ArrayList<>();
        private final Map<String, List<Object[]>> independentRows = new LinkedHashMap<>();

        void write(String sql, Object[] params) {
            Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && last.sql().equals(sql)) {
                last.params().add(params);
            } else {
                runs.add(new Run(sql, new ArrayList<>(List.<Object[]>of(params))));
            }
        }

        boolean isEmpty() {
            return runs.isEmpty() && independentRows.isEmpty();
        }

        void clear() {
            runs.clear();
            independentRows.clear();
        }
    }
}
