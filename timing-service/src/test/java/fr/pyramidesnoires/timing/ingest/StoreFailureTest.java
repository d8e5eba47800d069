package fr.pyramidesnoires.timing.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class StoreFailureTest {

    static RuntimeException wrapped(Throwable cause) {
        return new IllegalStateException("transaction rolled back", new RuntimeException("could not execute", cause));
    }

    @Test
    void theDatabaseAwayBusyOrRestartingIsTriedAgainAsItIs() {
        assertTrue(StoreFailure.isTransient(wrapped(new SQLException("connection refused", "08001"))));
        assertTrue(StoreFailure.isTransient(wrapped(new SQLException("deadlock detected", "40P01"))));
        assertTrue(StoreFailure.isTransient(wrapped(new SQLException("too many connections", "53300"))));
        assertTrue(StoreFailure.isTransient(wrapped(new SQLException("terminating connection", "57P01"))));
        assertTrue(StoreFailure.isTransient(wrapped(new SQLException("read-only transaction", "25006"))));
        assertTrue(StoreFailure.isTransient(wrapped(new SQLException("permission denied", "42501"))));
        assertTrue(StoreFailure.isTransient(wrapped(new SQLException("relation does not exist", "42P01"))));
        assertTrue(StoreFailure.isTransient(wrapped(new SQLException("Acquisition timeout", (String) null))));
        assertTrue(StoreFailure.isTransient(wrapped(new SQLTransientConnectionException("pool closed", "22000"))));
        assertTrue(StoreFailure.isTransient(wrapped(new ConnectException("Connection refused"))));
    }

    @Test
    void whatTheBatchHoldsIsNotTriedAgainAsItIs() {
        assertFalse(StoreFailure.isTransient(wrapped(new SQLException("time zone displacement out of range",
                "22009"))));
        assertFalse(StoreFailure.isTransient(wrapped(new SQLException("invalid byte sequence for encoding", "22021"))));
        assertFalse(StoreFailure.isTransient(wrapped(new SQLException("duplicate key", "23505"))));
        assertFalse(StoreFailure.isTransient(new NullPointerException("entryId")));
        assertFalse(StoreFailure.isTransient(new ArithmeticException("long overflow")));
    }

    @Test
    void theReasonIsWhatTheDatabaseOrTheCodeSaid() {
        assertEquals("SQLException: time zone displacement out of range",
                StoreFailure.reason(wrapped(new SQLException("time zone displacement out of range", "22009"))));
        assertEquals("ArithmeticException: long overflow",
                StoreFailure.reason(new ArithmeticException("long overflow")));
    }
}
