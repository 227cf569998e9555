package nl.koers.app.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;

/**
 * A PostgreSQL session advisory lock: one instance at a time among those sharing the database does the work it
 * guards. It is held by a connection of its own, so it is given up when that connection closes, also when the
 * instance dies.
 */
public final class SessionLock {

    private final DataSource dataSource;
    private final long key;
    private Connection holder;

    public SessionLock(DataSource dataSource, long key) {
        this.dataSource = dataSource;
        this.key = key;
    }

    /** Takes the lock unless another session holds it; true when this one holds it now. */
    public synchronized boolean tryTake() {
        if (held()) {
            return true;
        }
        try {
            Connection connection = dataSource.getConnection();
            if (call(connection, "pg_try_advisory_lock")) {
                holder = connection;
                return true;
            }
            connection.close();
            return false;
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Taking advisory lock " + key + " failed", e);
        }
    }

    public synchronized void release() {
        if (holder == null) {
            return;
        }
        try (Connection connection = holder) {
            call(connection, "pg_advisory_unlock");
        } catch (SQLException e) {
            // closing the connection gives the lock up as well
        } finally {
            holder = null;
        }
    }

    private boolean held() {
        try {
            return holder != null && holder.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }

    private boolean call(Connection connection, String function) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select " + function + "(?)")) {
            statement.setLong(1, key);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
