package fr.pyramidesnoires.timing.passage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each chip's distinct reads, all a runner's race is worked out from, in one row per chip whoever wears it: a
 * replayed read adds nothing, and a chip assigned later finds its earlier reads there. Also which archive rows
 * hold the chip's messages, for an official looking into a time.
 */
public final class ChipReads {

    private static final String SELECT = "SELECT chip, matids, readtimes, batchids FROM chipreads WHERE chip = ANY(?)";
    // only what is new is sent, appended to what the row has
    private static final String ADD = """
            INSERT INTO chipreads (chip, matids, readtimes, batchids) VALUES (?, ?, ?, ?)
            ON CONFLICT (chip) DO UPDATE SET matids = chipreads.matids || excluded.matids,
                readtimes = chipreads.readtimes || excluded.readtimes, batchids = chipreads.batchids || excluded.batchids""";

    private final Connection connection;

    public ChipReads(Connection connection) {
        this.connection = connection;
    }

    /** A chip's row as stored. */
    private record Stored(Set<Timeline.Read> reads, Set<Long> batchIds) {
    }

    /** The distinct reads of the given chips that have any, by chip. */
    public Map<String, List<Timeline.Read>> of(Collection<String> chips) throws SQLException {
        Map<String, List<Timeline.Read>> reads = new HashMap<>();
        stored(chips).forEach((chip, row) -> reads.put(chip, new ArrayList<>(row.reads())));
        return reads;
    }

    /**
     * Adds a batch's reads and the archive rows holding them.
     *
     * @return all the reads, by chip, of the chips that have reads they did not have before
     */
    public Map<String, List<Timeline.Read>> add(Map<String, List<Timeline.Read>> incoming,
                                                Map<String, Set<Long>> batchIds) throws SQLException {
        Map<String, Stored> stored = stored(incoming.keySet());
        Map<String, List<Timeline.Read>> changed = new HashMap<>();
        try (PreparedStatement add = connection.prepareStatement(ADD)) {
            for (Map.Entry<String, List<Timeline.Read>> chip : incoming.entrySet()) {
                Stored before = stored.getOrDefault(chip.getKey(), new Stored(Set.of(), Set.of()));
                Set<Timeline.Read> newReads = new LinkedHashSet<>(chip.getValue());
                newReads.removeAll(before.reads());
                Set<Long> newBatches = new LinkedHashSet<>(batchIds.getOrDefault(chip.getKey(), Set.of()));
                newBatches.removeAll(before.batchIds());
                if (!newReads.isEmpty()) {
                    List<Timeline.Read> all = new ArrayList<>(before.reads());
                    all.addAll(newReads);
                    changed.put(chip.getKey(), all);
                }
                add.setString(1, chip.getKey());
                add.setArray(2, connection.createArrayOf("text",
                        newReads.stream().map(Timeline.Read::matId).toArray()));
                add.setArray(3, connection.createArrayOf("timestamptz",
                        newReads.stream().map(r -> Timestamp.from(r.time())).toArray()));
                add.setArray(4, connection.createArrayOf("int8", newBatches.toArray()));
                add.addBatch();
            }
            add.executeBatch();
        }
        return changed;
    }

    private Map<String, Stored> stored(Collection<String> chips) throws SQLException {
        Map<String, Stored> rows = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setArray(1, connection.createArrayOf("text", chips.toArray()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Object[] mats = (Object[]) row.getArray(2).getArray();
                    Object[] times = (Object[]) row.getArray(3).getArray();
                    Set<Timeline.Read> reads = new LinkedHashSet<>(mats.length * 2);
                    for (int i = 0; i < mats.length; i++) {
                        reads.add(new Timeline.Read((String) mats[i], ((Timestamp) times[i]).toInstant()));
                    }
                    Set<Long> batches = new HashSet<>();
                    for (Object id : (Object[]) row.getArray(4).getArray()) {
                        batches.add((Long) id);
                    }
                    rows.put(row.getString(1), new Stored(reads, batches));
                }
            }
        }
        return rows;
    }
}
