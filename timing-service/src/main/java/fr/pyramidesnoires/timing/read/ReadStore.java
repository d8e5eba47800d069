package fr.pyramidesnoires.timing.read;

import fr.pyramidesnoires.events.ChipRead;
import fr.pyramidesnoires.events.EventJson;
import fr.pyramidesnoires.events.Topics;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Keeps every incoming chip-read message: all of them in the archive, in bulk, and the few that quarantine may
 * list also one by one in {@code rawread}, once each, as are a chip's reads once it leaves its runner's race.
 */
@ApplicationScoped
@Startup
public class ReadStore {

    private static final Logger LOG = Logger.getLogger(ReadStore.class);

    private static final String COLUMNS = """
            readkey, payload, topic, kafkapartition, kafkaoffset, receivedat, problem, readerid, matid, chipid,
            readtime, antenna, rssi, sequence, source""";
    private static final String COPY = "COPY rawread (" + COLUMNS + ") FROM STDIN";
    // COPY cannot skip a read already stored. Replays are rare: a batch is copied straight in, and only one that
    // holds a read already kept goes through a table of the session's own, then across without its duplicates.
    private static final String SAVEPOINT = "SAVEPOINT fresh_reads";
    private static final String BACK_TO_SAVEPOINT = "ROLLBACK TO SAVEPOINT fresh_reads";
    private static final String STAGING = "CREATE TEMP TABLE IF NOT EXISTS rawread_incoming ON COMMIT DELETE ROWS AS"
            + " SELECT " + COLUMNS + " FROM rawread WITH NO DATA";
    private static final String EMPTY_STAGING = "TRUNCATE rawread_incoming";
    private static final String COPY_STAGED = "COPY rawread_incoming (" + COLUMNS + ") FROM STDIN";
    private static final String MOVE = "INSERT INTO rawread (" + COLUMNS + ") SELECT " + COLUMNS
            + " FROM rawread_incoming ON CONFLICT (readkey) DO NOTHING";
    private static final String UNIQUE_VIOLATION = "23505";

    final EntityManager em;
    final ReadWindow window;

    ReadStore(EntityManager em, @ConfigProperty(name = "timing.event-date") Optional<String> eventDays,
              @ConfigProperty(name = "timing.event-zone") ZoneId zone,
              @ConfigProperty(name = "timing.read-margin") Duration margin) {
        this.em = em;
        this.window = ReadWindow.of(eventDays.orElse(null), zone, margin);
        LOG.infof("Chip reads are taken %s", window);
    }

    /** Parsing is most of this side's work on a batch: on every core. */
    public List<IncomingRead> parse(List<ConsumerRecord<String, byte[]>> messages) {
        return messages.parallelStream().map(m -> IncomingRead.of(m, window)).toList();
    }

    /**
     * Keeps a message that could not be stored with the others, with why, for officials to see in quarantine: a chip
     * read in the archive too, like every other.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void park(IncomingRead message) {
        Instant now = Instant.now();
        em.unwrap(Session.class).doWork(connection -> {
            copy(connection, rows(List.of(message), in -> now));
            if (Topics.CHIP_READS.equals(message.message().topic())) {
                ReadArchive.keep(connection, List.of(message), now);
            }
        });
    }

    /**
     * @param oneByOne the reads quarantine may list, kept in {@code rawread} too
     * @return by chip, the archive rows holding its messages
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Set<Long>> keep(List<IncomingRead> incoming, Predicate<IncomingRead> oneByOne) {
        Instant now = Instant.now();
        List<IncomingRead> suspects = incoming.stream().filter(oneByOne).toList();
        return em.unwrap(Session.class).doReturningWork(connection -> {
            if (!suspects.isEmpty()) {
                copy(connection, rows(suspects, in -> now));
            }
            return ReadArchive.keep(connection, incoming, now);
        });
    }

    /** Keeps one by one every archived read of the given chips, for quarantine to ask about them again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void keepOneByOne(Set<String> chips) {
        if (chips.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            List<ReadArchive.Message> archived = ReadArchive.archived(connection, chips);
            List<IncomingRead> reads = archived.stream().map(m -> IncomingRead.of(new ConsumerRecord<>(
                    Topics.CHIP_READS, m.partition(), m.offset(), m.chip(), m.payload()), window)).toList();
            Map<IncomingRead, Instant> receivedAt = new IdentityHashMap<>();
            for (int i = 0; i < reads.size(); i++) {
                receivedAt.put(reads.get(i), archived.get(i).receivedAt());
            }
            copy(connection, rows(reads, receivedAt::get));
        });
    }

    /** Every message of the chip as it came, for an official looking into a runner's time. */
    @Transactional(Transactional.TxType.MANDATORY)
    List<ReadArchive.Message> ofChip(String chip) {
        return em.unwrap(Session.class).doReturningWork(connection -> ReadArchive.ofChip(connection, chip));
    }

    private static CopyText rows(List<IncomingRead> reads, Function<IncomingRead, Instant> receivedAt) {
        CopyText rows = new CopyText();
        for (IncomingRead in : reads) {
            ChipRead read = in.read();
            // a well-formed read is known by what it says, whatever its bytes; a malformed one by its bytes
            rows.text(key(read == null ? in.payload() : EventJson.write(read).getBytes(StandardCharsets.UTF_8)))
                    .bytes(in.payload())
                    .text(in.message().topic())
                    .number(in.message().partition())
                    .number(in.message().offset())
                    .text(receivedAt.apply(in).toString())
                    .text(in.problem());
            if (read == null) {
                rows.text(null).text(null).text(null).text(null).number(null).number(null).number(null).text(null);
            } else {
                rows.text(read.readerId()).text(read.matId()).text(read.chipId())
                        .text(read.readTime().toInstant().toString())
                        .number(read.antenna()).number(read.rssi()).number(read.sequence())
                        .text(read.source() == null ? null : read.source().name());
            }
            rows.endRow();
        }
        return rows;
    }

    private static void copy(Connection connection, CopyText rows) throws SQLException {
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
                // emptied at commit, but a transaction may come here twice
                statement.execute(EMPTY_STAGING);
                copy.copyIn(COPY_STAGED, rows.stream());
                statement.executeUpdate(MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
