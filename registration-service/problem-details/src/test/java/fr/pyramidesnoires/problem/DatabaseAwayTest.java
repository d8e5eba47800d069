package fr.pyramidesnoires.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseAwayTest {

    @Test
    void aConnectionRefusedWhileThePrimaryIsDownIsTheDatabaseAway() {
        // what PostgreSQL's driver throws when no host of the URL answers
        SQLException refused = new SQLException("Connection to 127.0.0.1:56101 refused", "08001");
        assertTrue(DatabaseAway.isCause(new IllegalStateException("request failed",
                new RuntimeException("could not open connection", refused))));
    }

    @Test
    void theServerShuttingDownAConnectionOrNotYetAcceptingOnesIsTheDatabaseAway() {
        assertTrue(DatabaseAway.isCause(new SQLException("terminating connection due to administrator command",
                "57P01")));
        assertTrue(DatabaseAway.isCause(new SQLException("the database system is starting up", "57P03")));
        assertTrue(DatabaseAway.isCause(new SQLException("connection lost", "08006")));
    }

    @Test
    void aWriteSentToAStandbyNotYetPromotedIsTheDatabaseAway() {
        assertTrue(DatabaseAway.isCause(new SQLException(
                "cannot execute INSERT in a read-only transaction", "25006")));
    }

    @Test
    void thePoolGivingNoConnectionInTimeIsTheDatabaseAway() {
        assertTrue(DatabaseAway.isCause(new RuntimeException(new SQLTransientConnectionException("timeout"))));
        assertTrue(DatabaseAway.isCause(new SQLRecoverableException("I/O error")));
    }

    @Test
    void aRequestsOwnFaultIsNot() {
        assertFalse(DatabaseAway.isCause(new SQLException("duplicate key value", "23505")));
        assertFalse(DatabaseAway.isCause(new BatchUpdateException("value too long", "22001", new int[0])));
        assertFalse(DatabaseAway.isCause(new SQLException("no state")));
        assertFalse(DatabaseAway.isCause(new IllegalArgumentException("bad bib")));
        assertFalse(DatabaseAway.isCause(null));
    }
}
