package fr.pyramidesnoires.timing.read;

import fr.pyramidesnoires.events.ChipRead;
import fr.pyramidesnoires.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hibernate.Session;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/** Keeps every incoming chip-read message, in bulk, once. */
@ApplicationScoped
public class ReadStore {

    private static final String COLUMNS = """
            readkey, payload, kafkapartition, kafkaoffset, receivedat, problem, readerid, matid, chipid, readtime,
            antenna, rssi, sequence, source""";
    private static final String COPY = "COPY rawread (" + COLUMNS + ") FROM STDIN";
    // COPY cannot skip a read already stored. Replays are rare: a batch is copied straight in, and only one that
    // holds a read already kept goes through a table of the session's own, then across without its duplicates.
    private static final String SAVEPOINT = "SAVEPOINT fresh_reads";
    private static final String BACK_TO_SAVEPOINT = "ROLLBACK TO SAVEPOINT fresh_reads";
    private static final String STAGING = "CREATE TEMP TABLE IF NOT EXISTS rawread_incoming ON COMMIT DELETE ROWS AS"
            + " SELECT " + COLUMNS + " FROM rawread WITH NO DATA";
    private static final String COPY_STAGED = "COPY rawread_incoming (" + COLUMNS + ") FROM STDIN";
    private static final String MOVE = "INSERT INTO rawread (" + COLUMNS + ") SELECT " + COLUMNS
            + " FROM rawread_incoming ON CONFLICT (readkey) DO NOTHING";
    private static final String UNIQUE_VIOLATION = "23505";

    final EntityManager em;

    ReadStore(EntityManager em) {
        this.em = em;
    }

    /**
     * @return the chips of the well-formed reads, whose runners must be worked out again
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> keep(List<ConsumerRecord<String, byte[]>> messages) {
        // parsing and hashing is most of this side's work, and the database waits meanwhile: on every core
        List<Incoming> incoming = messages.parallelStream().map(Incoming::of).toList();
        Set<String> chips = new HashSet<>();
        String now = Instant.now().toString();
        CopyText rows = new CopyText();
        for (Incoming in : incoming) {
            rows.text(in.readKey())
                    .bytes(in.payload())
                    .number(in.message().partition())
                    .number(in.message().offset())
                    .text(now)
                    .text(in.problem());
            ChipRead read = in.read();
            if (read == null) {
                rows.text(null).text(null).text(null).text(null).number(null).number(null).number(null).text(null);
            } else {
                rows.text(read.readerId()).text(read.matId()).text(read.chipId())
                        .text(read.readTime().toInstant().toString())
                        .number(read.antenna()).number(read.rssi()).number(read.sequence())
                        .text(read.source() == null ? null : read.source().name());
                chips.add(read.chipId());
            }
            rows.endRow();
        }
        em.unwrap(Session.class).doWork(connection -> {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            try (Statement statement = connection.createStatement()) {
                statement.execute(SAVEPOINT);
                try {
                    copy.copyIn(COPY, rows.stream());
                } catch (SQLException e) {
                    if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        throw e;
                    }
                    statement.execute(BACK_TO_SAVEPOINT);
                    statement.execute(STAGING);
                    copy.copyIn(COPY_STAGED, rows.stream());
                    statement.executeUpdate(MOVE);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return chips;
    }

    /** A message as it is kept: its bytes, the read they hold or why they hold none, and its key. */
    private record Incoming(ConsumerRecord<String, byte[]> message, byte[] payload, String readKey, ChipRead read,
                            String problem) {

        static Incoming of(ConsumerRecord<String, byte[]> message) {
            byte[] payload = message.value() == null ? new byte[0] : message.value();
            try {
                ChipRead read = validated(EventJson.read(new String(payload, StandardCharsets.UTF_8), ChipRead.class));
                return new Incoming(message, payload, key(EventJson.write(read).getBytes(StandardCharsets.UTF_8)),
                        read, null);
            } catch (EventJson.MalformedEventException e) {
                // a malformed message is its own key: the same broken bytes replayed are kept once
                return new Incoming(message, payload, key(payload), null, e.getMessage());
            }
        }
    }

    private static ChipRead validated(ChipRead read) {
        String problem = ReadRules.problem(read);
        if (problem != null) {
            throw new EventJson.MalformedEventException(problem);
        }
        return read;
    }

    private static String key(byte[] canonical) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical);
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
