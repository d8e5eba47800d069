package fr.pyramidesnoires.results.edition;

import fr.pyramidesnoires.events.PastResults;
import fr.pyramidesnoires.events.PastResults.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The past editions this replica read from the past-results topic: each edition's race as last imported, with its
 * runners by {@link SameRunner} key, so that a runner's other editions are a look-up per race, not a scan.
 */
@ApplicationScoped
public class Editions {

    /** One race of a past edition and one runner of it. */
    public record PastRun(PastResults race, Row row) {
    }

    private record Indexed(PastResults results, Map<String, List<Row>> byRunner) {
    }

    private final Map<String, Indexed> races = new ConcurrentHashMap<>();

    /** A later import of the same edition and race replaces the earlier one. */
    public void put(PastResults results) {
        Map<String, List<Row>> byRunner = new HashMap<>();
        for (Row row : results.rows()) {
            String key = SameRunner.key(row.lastName(), row.firstName(), row.sex());
            if (key != null) {
                byRunner.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
            }
        }
        races.put(results.key(), new Indexed(results, byRunner));
    }

    public Optional<PastResults> race(int year, String raceCode) {
        return Optional.ofNullable(races.get(PastResults.key(year, raceCode))).map(Indexed::results);
    }

    /** Newest edition first, each edition's races longest first. */
    public List<PastResults> all() {
        return races.values().stream().map(Indexed::results)
                .sorted(Comparator.comparingInt(PastResults::year).reversed()
                        .thenComparing(Comparator.comparingDouble(PastResults::distanceKm).reversed())
                        .thenComparing(PastResults::raceCode))
                .toList();
    }

    /** Every past race of the runner with this {@link SameRunner} key, in the order of {@link #all()}. */
    public List<PastRun> runsOf(String runnerKey) {
        if (runnerKey == null) {
            return List.of();
        }
        List<PastRun> runs = new ArrayList<>();
        for (PastResults race : all()) {
            races.get(race.key()).byRunner().getOrDefault(runnerKey, List.of())
                    .forEach(row -> runs.add(new PastRun(race, row)));
        }
        return runs;
    }
}
