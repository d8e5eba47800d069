package fr.pyramidesnoires.timing.ingest;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells a batch that may be stored as it is later (the database away, busy or restarting) from one that failed for
 * what it holds: retried as it is, the second would stop timing for good, so it is split until its culprit is found.
 */
final class StoreFailure {

    /**
     * SQLSTATE classes that a message's content causes: data exception (22), integrity constraint (23). Any other
     * state (connection, conflict, resources, a read-only standby after failover, a permission or a migration
     * missing) is the database's, and splitting the batch over it would only put good reads aside.
     */
    private static final Set<String> DATA_CLASSES = Set.of("22", "23");

    private StoreFailure() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof IOException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                // a batch's own exception may carry its state only on the statement's error it chains
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    String state = next.getSQLState();
                    if (state != null && state.length() >= 2) {
                        return !DATA_CLASSES.contains(state.substring(0, 2));
                    }
                }
            }
        }
        // no state anywhere: the pool's own failures, such as no connection to be had in time
        return hasSqlException(failure);
    }

    private static boolean hasSqlException(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    /** The deepest message of the chain: what the database or the code said, not the wrappers around it. */
    static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
