package fr.pyramidesnoires.results.finish;

import fr.pyramidesnoires.events.CourseEvent;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.results.race.Group;
import fr.pyramidesnoires.results.race.RaceView;
import fr.pyramidesnoires.results.race.Runner;
import fr.pyramidesnoires.results.ranking.RaceTimes;
import fr.pyramidesnoires.results.runner.Splits;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the announcer reads at the finish: who just came in, newest first, and who should come in next at their own
 * pace (the model the runner pages' estimates use).
 *
 * @param finishers the last ones in, newest first
 * @param coming    runners on course by their expected finish, soonest first
 */
public record FinishLine(List<Finisher> finishers, List<Coming> coming, int finishedCount) {

    /** As many as a TV across the finish area shows in type read from ten metres. */
    static final int FINISHERS_SHOWN = 8;
    static final int COMING_SHOWN = 5;

    /**
     * @param name     null when the runner refused publication of their name
     * @param time     the official time as the ranking writes it
     * @param crossing when they crossed the finish, which orders the screen
     */
    public record Finisher(int bib, String name, String club, String nationality, Group category, String time,
                           int rank, int categoryRank, Instant crossing) {
    }

    /** @param name null when the runner refused publication of their name */
    public record Coming(int bib, String name, String club, String nationality, Group category, String lastPoint,
                         Instant expectedAt) {
    }

    public static FinishLine of(RaceView race) {
        Placings placings = Placings.of(race.runners());
        List<Runner> finished = race.runners().stream().filter(r -> placings.of(r.entry().bib()).isPresent())
                .toList();
        List<Finisher> finishers = finished.stream()
                .map(r -> finisher(r, placings.of(r.entry().bib()).orElseThrow(), race))
                .sorted(Comparator.comparing(Finisher::crossing, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(Finisher::rank, Comparator.reverseOrder()))
                .limit(FINISHERS_SHOWN)
                .toList();
        List<Coming> coming = race.course().map(course -> race.runners().stream()
                        .filter(r -> r.status() == RunnerTiming.Status.ON_COURSE && !r.passages().isEmpty())
                        .flatMap(r -> coming(r, course, race).stream())
                        .sorted(Comparator.comparing(Coming::expectedAt).thenComparingInt(Coming::bib))
                        .limit(COMING_SHOWN)
                        .toList())
                .orElse(List.of());
        return new FinishLine(finishers, coming, finished.size());
    }

    private static Finisher finisher(Runner runner, Placings.Placing placing, RaceView race) {
        Optional<Instant> crossing = runner.competitor(Set.of()).furthestTime();
        return new Finisher(runner.entry().bib(), runner.publicName(), runner.entry().club(),
                runner.entry().nationality(), runner.group(), officialTime(runner, race).orElse(null),
                placing.overall(), placing.category(), crossing.orElse(null));
    }

    /** The gun time timing gives; until an official sets the signal, from the runner's zero to their finish. */
    public static Optional<String> officialTime(Runner runner, RaceView race) {
        if (runner.timing() != null && runner.timing().gunTimeMs() != null) {
            return Optional.of(RaceTimes.format(Duration.ofMillis(runner.timing().gunTimeMs())));
        }
        Instant zero = race.zero(runner);
        return runner.competitor(Set.of()).furthestTime().filter(at -> zero != null && !at.isBefore(zero))
                .map(at -> RaceTimes.format(Duration.between(zero, at)));
    }

    private static Optional<Coming> coming(Runner runner, CourseEvent course, RaceView race) {
        List<Splits.Estimate> ahead = Splits.ahead(runner.passages(), course, race.zero(runner));
        RunnerTiming.Passage last = runner.passages().get(runner.passages().size() - 1);
        return ahead.isEmpty() ? Optional.empty() : Optional.of(new Coming(runner.entry().bib(), runner.publicName(),
                runner.entry().club(), runner.entry().nationality(), runner.group(), last.pointName(),
                ahead.get(ahead.size() - 1).at()));
    }
}
