package fr.pyramidesnoires.results.ranking;

import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.results.race.Runner;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns the runners of a race, or of one group of it, into the lines of a ranking. */
public final class RaceRanking {

    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss");

    private RaceRanking() {
    }

    public static List<RankingRow> rows(List<Runner> runners, ZoneId zone) {
        Map<Integer, Runner> byBib = runners.stream().collect(Collectors.toMap(r -> r.entry().bib(), Function.identity()));
        List<Ranked> ranked = RankingRules.rank(runners.stream().map(Runner::competitor).toList());
        Runner leader = ranked.isEmpty() || ranked.get(0).rank() == null
                ? null : byBib.get(ranked.get(0).competitor().bib());
        return ranked.stream().map(r -> row(r.rank(), byBib.get(r.competitor().bib()), leader, zone)).toList();
    }

    private static RankingRow row(Integer rank, Runner runner, Runner leader, ZoneId zone) {
        var entry = runner.entry();
        List<RunnerTiming.Passage> passages = runner.passages();
        RunnerTiming.Passage last = passages.isEmpty() ? null : passages.get(passages.size() - 1);
        return new RankingRow(rank, entry.bib(), runner.publicName(), entry.club(), runner.categoryLabel(),
                entry.nationality(), runner.status().name(),
                last == null ? null : last.pointId(),
                last == null ? null : last.pointName(),
                last == null ? null : TIME_OF_DAY.format(last.time().atZone(zone)),
                raceTime(runner, last), rank == null || leader == null ? null : gap(runner, leader, last));
    }

    private static String raceTime(Runner runner, RunnerTiming.Passage last) {
        if (runner.timing() != null && runner.timing().gunTimeMs() != null) {
            return RaceTimes.format(Duration.ofMillis(runner.timing().gunTimeMs()));
        }
        Instant zero = zero(runner);
        return last == null || zero == null ? null : RaceTimes.format(Duration.between(zero, last.time()));
    }

    /** Behind the leader at the runner's last point: the only comparison that is fair while both run. */
    private static String gap(Runner runner, Runner leader, RunnerTiming.Passage last) {
        if (last == null) {
            return null;
        }
        return leader.passages().stream()
                .filter(p -> p.order() == last.order())
                .findFirst()
                .map(p -> RaceTimes.gap(Duration.between(p.time(), last.time())))
                .orElse(null);
    }

    /** The gun when an official gave it, else the runner's own start crossing. */
    private static Instant zero(Runner runner) {
        if (runner.timing() != null && runner.timing().gunStart() != null) {
            return runner.timing().gunStart();
        }
        return runner.passages().stream().filter(p -> p.order() == 0).map(RunnerTiming.Passage::time)
                .findFirst().orElse(null);
    }
}
