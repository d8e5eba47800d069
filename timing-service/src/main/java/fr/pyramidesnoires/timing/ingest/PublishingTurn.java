package fr.pyramidesnoires.timing.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Several timing instances share the work: each stores and publishes in its turn, one at a time across the
 * cluster. Without turns, an official's decision worked out on one instance and a read on another could both
 * compute the same runner and publish in the wrong order, the older snapshot last. The turn is a PostgreSQL
 * advisory lock held on a connection of its own from the start of the work until the broker has acknowledged what
 * it published; an instance killed mid-turn loses its connection, and with it the lock.
 * <p>
 * Each instance also remembers what it published last ({@link PublishedTimings}), which is wrong once another
 * published since: every turn ends with a notification, and an instance that finds another's forgets its memory.
 */
@ApplicationScoped
public class PublishingTurn {

    // "tpn_turn": apart from registration's relay lock, in another database anyway
    private static final long LOCK = 0x7470_6e5f_7475_726eL;
    private static final String CHANNEL = "timing_published";

    private final DataSource db;
    private final PublishedTimings published;
    private final String instance = UUID.randomUUID().toString();
    private Connection connection;

    PublishingTurn(DataSource db, PublishedTimings published) {
        this.db = db;
        this.published = published;
    }

    /** Does the work in this instance's turn; the database away throws, and the caller tries again later. */
    synchronized <T> T take(Supplier<T> work) {
        try {
            Connection turn = connection();
            run(turn, "SELECT pg_advisory_lock(" + LOCK + ")");
            try {
                forgetIfAnotherPublished(turn);
                T done = work.get();
                run(turn, "SELECT pg_notify('" + CHANNEL + "', '" + instance + "')");
                return done;
            } finally {
                run(turn, "SELECT pg_advisory_unlock(" + LOCK + ")");
            }
        } catch (SQLException e) {
            close();
            throw new IllegalStateException("no turn to publish: the database is away", e);
        }
    }

    private void forgetIfAnotherPublished(Connection turn) throws SQLException {
        PGNotification[] notes = turn.unwrap(PGConnection.class).getNotifications();
        if (notes == null) {
            return;
        }
        for (PGNotification note : notes) {
            if (!instance.equals(note.getParameter())) {
                published.forget();
                return;
            }
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = db.getConnection();
            connection.setAutoCommit(true);
            run(connection, "LISTEN " + CHANNEL);
            // what others published before this connection listened is unknown
            published.forget();
        }
        return connection;
    }

    private static void run(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private void close() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // broken already: a new one is opened for the next turn
        }
        connection = null;
    }
}
