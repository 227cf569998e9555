package nl.koers.http;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.hibernate.exception.JDBCConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure because the database cannot be reached (down, restarting, no connection within the pool's
 * timeout) from every other failure, wherever in the cause chain Spring, Hibernate or Axon wrapped it.
 */
public final class DatabaseUnavailable {

    /** What Hikari answers, without an SQL state, on a connection it closed because the database dropped it. */
    private static final String CLOSED_BY_THE_POOL = "Connection is closed";

    private DatabaseUnavailable() {
    }

    public static boolean causes(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof JDBCConnectionException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLException sql && (isConnectionState(sql.getSQLState())
                    || CLOSED_BY_THE_POOL.equals(sql.getMessage()))) {
                return true;
            }
        }
        return false;
    }

    /** SQL states of class 08 (connection exception) and 57P01 to 57P03 (server shutting down or starting). */
    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P0"));
    }
}
