package fr.pyramidesnoires.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a request that failed because the database was away (stopped, restarting, a standby being promoted) from
 * one that failed for a fault of its own: the first is worth sending again in a moment, and its caller is told so
 * (503) rather than given a server error to report.
 */
final class DatabaseAway {

    /**
     * PostgreSQL's states of a database going away or not there yet: connection exception (class 08), shut down by
     * an administrator or a crash, not accepting connections yet, and a write sent to a standby not yet promoted.
     */
    private static final Set<String> AWAY_STATES = Set.of("57P01", "57P02", "57P03", "25006");

    private DatabaseAway() {
    }

    static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && isAwayState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAwayState(String state) {
        return state != null && (state.startsWith("08") || AWAY_STATES.contains(state));
    }
}
