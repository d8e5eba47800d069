package fr.pyramidesnoires.timing.read;

import fr.pyramidesnoires.events.ChipRead;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every chip-read message exactly as it came, in bulk: the messages of one polled batch read at one mat make one
 * row of {@code readbatch}, so a batch of twenty thousand reads is a handful of rows, not twenty thousand. Each
 * message is framed with where it came from: partition (int), offset (long), chip (short length, UTF-8; empty for a
 * message that could not be read), bytes (int length, then the bytes).
 */
final class ReadArchive {

    private static final String INSERT = """
            INSERT INTO readbatch (matid, receivedat, reads, lastreadtime, messages) VALUES (?, ?, ?, ?, ?)
            RETURNING id""";
    // each row once, however many of the chips it holds
    private static final String OF_CHIPS = """
            SELECT b.receivedat, b.messages FROM readbatch b
            WHERE b.id = ANY(ARRAY(SELECT unnest(batchids) FROM chipreads WHERE chip = ANY(?))) ORDER BY b.id""";
    // every distinct read stored before the archive is a row of rawread
    private static final String OLD_ROWS_OF_CHIP = """
            SELECT kafkapartition, kafkaoffset, receivedat, payload FROM rawread WHERE chipid = ? ORDER BY id""";

    private ReadArchive() {
    }

    /** A message of the archive. */
    record Message(int partition, long offset, String chip, Instant receivedAt, byte[] payload) {
    }

    /** @return by chip, the ids of the rows its messages went into */
    static Map<String, Set<Long>> keep(Connection connection, List<IncomingRead> incoming, Instant receivedAt)
            throws SQLException {
        Map<String, List<IncomingRead>> byMat = new LinkedHashMap<>();
        for (IncomingRead in : incoming) {
            byMat.computeIfAbsent(in.read() == null ? null : in.read().matId(), mat -> new ArrayList<>()).add(in);
        }
        Map<String, Set<Long>> rowsOfChip = new HashMap<>();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Map.Entry<String, List<IncomingRead>> mat : byMat.entrySet()) {
                List<IncomingRead> messages = mat.getValue();
                insert.setString(1, mat.getKey());
                insert.setTimestamp(2, Timestamp.from(receivedAt));
                insert.setInt(3, messages.size());
                insert.setTimestamp(4, messages.stream().map(IncomingRead::read).filter(r -> r != null)
                        .map(r -> r.readTime().toInstant()).max(Instant::compareTo).map(Timestamp::from).orElse(null));
                insert.setBytes(5, framed(messages));
                long id;
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    id = row.getLong(1);
                }
                for (IncomingRead in : messages) {
                    if (in.read() != null) {
                        rowsOfChip.computeIfAbsent(in.read().chipId(), chip -> new HashSet<>()).add(id);
                    }
                }
            }
        }
        return rowsOfChip;
    }

    /** Every message of the chip kept, once per place in the topic, in the order they came. */
    static List<Message> ofChip(Connection connection, String chip) throws SQLException {
        Map<String, Message> messages = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(OLD_ROWS_OF_CHIP)) {
            select.setString(1, chip);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Message m = new Message(rows.getInt(1), rows.getLong(2), chip, rows.getTimestamp(3).toInstant(),
                            rows.getBytes(4));
                    messages.putIfAbsent(m.partition() + "@" + m.offset(), m);
                }
            }
        }
        archived(connection, Set.of(chip)).forEach(m -> messages.putIfAbsent(m.partition() + "@" + m.offset(), m));
        return messages.values().stream().sorted(Comparator.comparing(Message::receivedAt)
                .thenComparing(Message::partition).thenComparing(Message::offset)).toList();
    }

    /** The messages of the given chips in the archive, as often as they came. */
    static List<Message> archived(Connection connection, Set<String> chips) throws SQLException {
        Set<ByteBuffer> wanted = new HashSet<>();
        chips.forEach(chip -> wanted.add(ByteBuffer.wrap(chip.getBytes(StandardCharsets.UTF_8))));
        List<Message> messages = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(OF_CHIPS)) {
            select.setArray(1, connection.createArrayOf("text", chips.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    messages.addAll(unframed(rows.getBytes(2), rows.getTimestamp(1).toInstant(), wanted));
                }
            }
        }
        return messages;
    }

    private static byte[] framed(List<IncomingRead> messages) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(messages.size() * 300);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (IncomingRead in : messages) {
                ChipRead read = in.read();
                byte[] chip = read == null ? new byte[0] : read.chipId().getBytes(StandardCharsets.UTF_8);
                out.writeInt(in.message().partition());
                out.writeLong(in.message().offset());
                out.writeShort(chip.length);
                out.write(chip);
                out.writeInt(in.payload().length);
                out.write(in.payload());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The row's messages of the wanted chips; the others' bytes are skipped, not copied. */
    private static List<Message> unframed(byte[] row, Instant receivedAt, Set<ByteBuffer> wanted) {
        ByteBuffer in = ByteBuffer.wrap(row);
        List<Message> messages = new ArrayList<>();
        while (in.hasRemaining()) {
            int partition = in.getInt();
            long offset = in.getLong();
            byte[] chip = new byte[in.getShort()];
            in.get(chip);
            int length = in.getInt();
            if (wanted.contains(ByteBuffer.wrap(chip))) {
                byte[] payload = new byte[length];
                in.get(payload);
                messages.add(new Message(partition, offset, new String(chip, StandardCharsets.UTF_8), receivedAt,
                        payload));
            } else {
                in.position(in.position() + length);
            }
        }
        return messages;
    }
}
