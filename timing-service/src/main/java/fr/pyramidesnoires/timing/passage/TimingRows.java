package fr.pyramidesnoires.timing.passage;

import fr.pyramidesnoires.events.RunnerTiming;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Passages and results of many runners at once, in plain JDBC: one statement per kind of row whatever the
 * number of runners, where Hibernate would load, track and write every row as an entity.
 */
final class TimingRows {

    private static final String RESULTS = """
            SELECT entryid, racecode, bib, status, guntimems, chiptimems FROM runnerresult WHERE entryid = ANY(?)""";
    private static final String PASSAGES = """
            SELECT entryid, pointorder, pointid, time, departure FROM passage WHERE entryid = ANY(?) ORDER BY pointorder""";
    private static final String DELETE_PASSAGES = """
            DELETE FROM passage WHERE (entryid, pointorder) IN (SELECT * FROM unnest(?::text[], ?::int[]))""";
    // ids only need to be unique: Hibernate, which steps the sequence by its allocation size, never inserts these
    private static final String INSERT_PASSAGE = """
            INSERT INTO passage (id, entryid, racecode, bib, pointorder, pointid, time, departure)
            VALUES (nextval('passage_seq'), ?, ?, ?, ?, ?, ?, ?)""";
    private static final String UPSERT_RESULT = """
            INSERT INTO runnerresult (entryid, racecode, bib, status, guntimems, chiptimems, updatedat)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (entryid) DO UPDATE SET racecode = excluded.racecode, bib = excluded.bib,
                status = excluded.status, guntimems = excluded.guntimems, chiptimems = excluded.chiptimems,
                updatedat = excluded.updatedat""";

    /** What is stored of one runner: compared with what the reads now say, so an unchanged runner is not rewritten. */
    record Outcome(String raceCode, int bib, RunnerTiming.Status status, Long gunTimeMs, Long chipTimeMs,
                   List<Stop> passages) {

        /** The result row's part of the outcome. */
        Outcome withoutPassages() {
            return new Outcome(raceCode, bib, status, gunTimeMs, chipTimeMs, List.of());
        }

        static Outcome of(RunnerTiming timing) {
            return new Outcome(timing.raceCode(), timing.bib(), timing.status(), timing.gunTimeMs(),
                    timing.chipTimeMs(), timing.passages().stream()
                    .map(p -> new Stop(p.order(), p.pointId(), p.time(), p.departure())).toList());
        }
    }

    record Stop(int order, String pointId, Instant time, Instant departure) {
    }

    private final Connection connection;

    TimingRows(Connection connection) {
        this.connection = connection;
    }

    /** The stored outcome of the given runners that have one, by entry id. */
    Map<String, Outcome> outcomes(Collection<String> entryIds) throws SQLException {
        Array ids = texts(entryIds);
        Map<String, List<Stop>> passages = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(PASSAGES)) {
            select.setArray(1, ids);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    passages.computeIfAbsent(rows.getString(1), id -> new ArrayList<>())
                            .add(new Stop(rows.getInt(2), rows.getString(3), rows.getTimestamp(4).toInstant(),
                                    instant(rows.getTimestamp(5))));
                }
            }
        }
        Map<String, Outcome> outcomes = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(RESULTS)) {
            select.setArray(1, ids);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String entryId = rows.getString(1);
                    outcomes.put(entryId, new Outcome(rows.getString(2), rows.getInt(3),
                            RunnerTiming.Status.valueOf(rows.getString(4)), rows.getObject(5, Long.class),
                            rows.getObject(6, Long.class), passages.getOrDefault(entryId, List.of())));
                }
            }
        }
        return outcomes;
    }

    /**
     * Stores the given runners' outcomes in place of what they had, writing only what differs: a runner read at
     * one more mat gets one more passage row, and their result row only if their status or times changed.
     *
     * @param before what {@link #outcomes} found of the same runners
     */
    void replace(Map<String, Outcome> outcomes, Map<String, Outcome> before) throws SQLException {
        List<String> goneEntries = new ArrayList<>();
        List<Integer> goneOrders = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement passages = connection.prepareStatement(INSERT_PASSAGE);
             PreparedStatement results = connection.prepareStatement(UPSERT_RESULT)) {
            for (Map.Entry<String, Outcome> runner : outcomes.entrySet()) {
                Outcome outcome = runner.getValue();
                Outcome old = before.get(runner.getKey());
                // a passage row carries the runner's race and bib: a runner given another has every row written anew
                List<Stop> kept = old != null && old.raceCode().equals(outcome.raceCode()) && old.bib() == outcome.bib()
                        ? old.passages() : List.of();
                if (old != null) {
                    for (Stop stop : old.passages()) {
                        if (!kept.contains(stop) || !outcome.passages().contains(stop)) {
                            goneEntries.add(runner.getKey());
                            goneOrders.add(stop.order());
                        }
                    }
                }
                for (Stop stop : outcome.passages()) {
                    if (!kept.contains(stop)) {
                        passages.setString(1, runner.getKey());
                        passages.setString(2, outcome.raceCode());
                        passages.setInt(3, outcome.bib());
                        passages.setInt(4, stop.order());
                        passages.setString(5, stop.pointId());
                        passages.setTimestamp(6, Timestamp.from(stop.time()));
                        passages.setTimestamp(7, stop.departure() == null ? null : Timestamp.from(stop.departure()));
                        passages.addBatch();
                    }
                }
                if (old == null || !outcome.withoutPassages().equals(old.withoutPassages())) {
                    results.setString(1, runner.getKey());
                    results.setString(2, outcome.raceCode());
                    results.setInt(3, outcome.bib());
                    results.setString(4, outcome.status().name());
                    results.setObject(5, outcome.gunTimeMs(), Types.BIGINT);
                    results.setObject(6, outcome.chipTimeMs(), Types.BIGINT);
                    results.setTimestamp(7, now);
                    results.addBatch();
                }
            }
            if (!goneEntries.isEmpty()) {
                try (PreparedStatement delete = connection.prepareStatement(DELETE_PASSAGES)) {
                    delete.setArray(1, texts(goneEntries));
                    delete.setArray(2, connection.createArrayOf("int4", goneOrders.toArray()));
                    delete.executeUpdate();
                }
            }
            passages.executeBatch();
            results.executeBatch();
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private Array texts(Collection<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }
}
