package fr.pyramidesnoires.timing.read;

import fr.pyramidesnoires.events.ChipRead;
import fr.pyramidesnoires.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hibernate.Session;

/** Keeps every incoming chip-read message, in bulk, once. */
@ApplicationScoped
public class ReadStore {

    private static final String INSERT = """
            INSERT INTO rawread (readkey, payload, kafkapartition, kafkaoffset, receivedat, problem, readerid, matid,
                                 chipid, readtime, antenna, rssi, sequence, source)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (readkey) DO NOTHING""";

    final EntityManager em;

    ReadStore(EntityManager em) {
        this.em = em;
    }

    /**
     * @return the chips of the well-formed reads, whose runners must be worked out again
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> keep(List<ConsumerRecord<String, byte[]>> messages) {
        Set<String> chips = new HashSet<>();
        Timestamp now = Timestamp.from(Instant.now());
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (ConsumerRecord<String, byte[]> message : messages) {
                    byte[] payload = message.value() == null ? new byte[0] : message.value();
                    ChipRead read = null;
                    String problem = null;
                    try {
                        read = validated(EventJson.read(new String(payload, StandardCharsets.UTF_8), ChipRead.class));
                    } catch (EventJson.MalformedEventException e) {
                        problem = e.getMessage();
                    }
                    // a malformed message is its own key: the same broken bytes replayed are kept once
                    insert.setString(1, read != null
                            ? key(EventJson.write(read).getBytes(StandardCharsets.UTF_8))
                            : key(payload));
                    insert.setBytes(2, payload);
                    insert.setInt(3, message.partition());
                    insert.setLong(4, message.offset());
                    insert.setTimestamp(5, now);
                    insert.setString(6, problem);
                    insert.setString(7, read == null ? null : read.readerId());
                    insert.setString(8, read == null ? null : read.matId());
                    insert.setString(9, read == null ? null : read.chipId());
                    insert.setTimestamp(10, read == null ? null : Timestamp.from(read.readTime().toInstant()));
                    setInt(insert, 11, read == null ? null : read.antenna());
                    setInt(insert, 12, read == null ? null : read.rssi());
                    if (read == null || read.sequence() == null) {
                        insert.setNull(13, Types.BIGINT);
                    } else {
                        insert.setLong(13, read.sequence());
                    }
                    insert.setString(14, read == null || read.source() == null ? null : read.source().name());
                    insert.addBatch();
                    if (read != null) {
                        chips.add(read.chipId());
                    }
                }
                insert.executeBatch();
            }
        });
        return chips;
    }

    private static ChipRead validated(ChipRead read) {
        String problem = ReadRules.problem(read);
        if (problem != null) {
            throw new EventJson.MalformedEventException(problem);
        }
        return read;
    }

    private static void setInt(PreparedStatement statement, int index, Integer value) throws java.sql.SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
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
