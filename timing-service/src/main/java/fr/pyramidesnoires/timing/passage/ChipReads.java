package fr.pyramidesnoires.timing.passage;

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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each chip's distinct reads, all a runner's race is worked out from, in one row per chip whoever wears it: a
 * replayed read adds nothing, and a chip assigned later finds its earlier reads there. Also which archive rows
 * hold the chip's messages, for an official looking into a time. The reads are packed as bytes: per read the mat
 * (2-byte length, then UTF-8) and the time (8 bytes, microseconds since 1970, as precise as PostgreSQL's times).
 */
public final class ChipReads {

    private static final String SELECT = "SELECT chip, packedreads FROM chipreads WHERE chip = ANY(?)";
    // only what is new is sent, appended to what the row has; a batch's archive rows are always new
    private static final String ADD = """
            INSERT INTO chipreads (chip, packedreads, batchids) VALUES (?, ?, ?)
            ON CONFLICT (chip) DO UPDATE SET packedreads = chipreads.packedreads || excluded.packedreads,
                batchids = chipreads.batchids || excluded.batchids""";

    private final Connection connection;

    public ChipReads(Connection connection) {
        this.connection = connection;
    }

    /** The distinct reads of the given chips that have any, by chip. */
    public Map<String, List<Timeline.Read>> of(Collection<String> chips) throws SQLException {
        Map<String, List<Timeline.Read>> reads = new HashMap<>();
        stored(chips).forEach((chip, row) -> reads.put(chip, new ArrayList<>(row)));
        return reads;
    }

    /**
     * Adds a batch's reads, their times already cut to the microsecond as the row keeps them, and the archive rows
     * holding them.
     *
     * @return all the reads of the batch's chips, by chip
     */
    public Map<String, List<Timeline.Read>> add(Map<String, List<Timeline.Read>> incoming,
                                                Map<String, Set<Long>> batchIds) throws SQLException {
        Map<String, Set<Timeline.Read>> stored = stored(incoming.keySet());
        Map<String, List<Timeline.Read>> all = new HashMap<>();
        try (PreparedStatement add = connection.prepareStatement(ADD)) {
            for (Map.Entry<String, List<Timeline.Read>> chip : incoming.entrySet()) {
                Set<Timeline.Read> before = stored.getOrDefault(chip.getKey(), Set.of());
                Set<Timeline.Read> newReads = new LinkedHashSet<>();
                for (Timeline.Read read : chip.getValue()) {
                    if (!before.contains(read)) {
                        newReads.add(read);
                    }
                }
                List<Timeline.Read> reads = new ArrayList<>(before);
                reads.addAll(newReads);
                all.put(chip.getKey(), reads);
                add.setString(1, chip.getKey());
                add.setBytes(2, packed(newReads));
                add.setArray(3, connection.createArrayOf("int8",
                        batchIds.getOrDefault(chip.getKey(), Set.of()).toArray()));
                add.addBatch();
            }
            add.executeBatch();
        }
        return all;
    }

    private Map<String, Set<Timeline.Read>> stored(Collection<String> chips) throws SQLException {
        Map<String, Set<Timeline.Read>> rows = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setArray(1, connection.createArrayOf("text", chips.toArray()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.put(row.getString(1), unpacked(row.getBytes(2)));
                }
            }
        }
        return rows;
    }

    private static byte[] packed(Collection<Timeline.Read> reads) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(reads.size() * 24);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (Timeline.Read read : reads) {
                byte[] mat = read.matId().getBytes(StandardCharsets.UTF_8);
                out.writeShort(mat.length);
                out.write(mat);
                out.writeLong(ChronoUnit.MICROS.between(Instant.EPOCH, read.time()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Set<Timeline.Read> unpacked(byte[] packed) {
        ByteBuffer in = ByteBuffer.wrap(packed);
        Set<Timeline.Read> reads = new LinkedHashSet<>();
        while (in.hasRemaining()) {
            byte[] mat = new byte[in.getShort()];
            in.get(mat);
            reads.add(new Timeline.Read(new String(mat, StandardCharsets.UTF_8),
                    Instant.EPOCH.plus(in.getLong(), ChronoUnit.MICROS)));
        }
        return reads;
    }
}
