package fr.pyramidesnoires.results.ranking;

import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.results.race.Runner;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns the runners of a race, or of one group of it, into the lines of a ranking. */
public final class RaceRanking {

    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss");

    private RaceRanking() {
    }

    /**
     * The live ranking orders runners on course by the furthest point they reached and when they reached it: their
     * arrival, at an aid station too, whatever ranks them at the aid station itself.
     */
    public static List<RankingRow> rows(List<Runner> runners, ZoneId zone) {
        Map<Integer, Runner> byBib = runners.stream().collect(Collectors.toMap(r -> r.entry().bib(), Function.identity()));
        List<Ranked> ranked = RankingRules.rank(runners.stream().map(r -> r.competitor(Set.of())).toList());
        Competitor leader = ranked.isEmpty() || ranked.get(0).rank() == null ? null : ranked.get(0).competitor();
        return ranked.stream().map(r -> row(r, byBib.get(r.competitor().bib()), leader, zone)).toList();
    }

    private static RankingRow row(Ranked ranked, Runner runner, Competitor leader, ZoneId zone) {
        var entry = runner.entry();
        List<RunnerTiming.Passage> passages = runner.passages();
        RunnerTiming.Passage last = passages.isEmpty() ? null : passages.get(passages.size() - 1);
        return new RankingRow(ranked.rank(), entry.bib(), runner.publicName(), entry.club(), runner.group(),
                entry.nationality(), runner.status().name(),
                last == null ? null : last.pointId(),
                last == null ? null : last.pointName(),
                last == null ? null : TIME_OF_DAY.format(last.time().atZone(zone)),
                raceTime(runner, last), ranked.rank() == null || leader == null ? null : gap(ranked.competitor(), leader),
                last != null && last.order() == 0);
    }

    /** None for a runner only through the start: a start crossing a few seconds off the gun is no race time. */
    private static String raceTime(Runner runner, RunnerTiming.Passage last) {
        if (runner.timing() != null && runner.timing().gunTimeMs() != null) {
            return RaceTimes.format(Duration.ofMillis(runner.timing().gunTimeMs()));
        }
        Instant zero = zero(runner);
        if (last == null || last.order() == 0 || zero == null || last.time().isBefore(zero)) {
            return null;
        }
        return RaceTimes.format(Duration.between(zero, last.time()));
    }

    /**
     * Behind the leader at the runner's furthest point: the only comparison that is fair while both run. None at the
     * start, where crossing the mat first wins nothing, and none where the leader went through after the runner (a
     * leader who finished first, having been slower early on): {@link RaceTimes#gap} is never negative.
     */
    private static String gap(Competitor runner, Competitor leader) {
        OptionalInt at = runner.furthestOrder();
        if (at.isEmpty() || at.getAsInt() == 0) {
            return null;
        }
        Instant reached = runner.furthestTime().orElseThrow();
        return leader.timeAt(at.getAsInt())
                .map(led -> RaceTimes.gap(Duration.between(led, reached)))
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
