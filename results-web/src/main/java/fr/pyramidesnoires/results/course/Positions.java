package fr.pyramidesnoires.results.course;

import fr.pyramidesnoires.events.CourseEvent;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.events.RunnerTiming.Status;
import fr.pyramidesnoires.results.race.RaceView;
import fr.pyramidesnoires.results.race.Runner;
import fr.pyramidesnoires.results.ranking.Ranked;
import fr.pyramidesnoires.results.ranking.RankingRules;
import fr.pyramidesnoires.results.runner.Splits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where every runner of a race is at an instant, for spectators looking at the course rather than a table.
 *
 * <ul>
 *   <li>A finisher is at the finish.</li>
 *   <li>A runner on course is between the last point they passed (a good passage) and the next one, as far along
 *       as the time since they left the point is of the time the ETAs give them to reach the next one (the pace
 *       model of {@link Splits#ahead}), and never at or past a point they have not passed: a late runner waits
 *       just before it. A runner still at an aid station that times the way out, or with no pace yet (only
 *       through the start, or no start signal), is at the point itself.</li>
 *   <li>Runners not started, DNF, DSQ and DNS are not placed: they are not out there, and a mark where a DNF runner
 *       withdrew would have spectators wait for someone who is on the shuttle back.</li>
 * </ul>
 */
public final class Positions {

    /** How far along a segment a late runner is drawn at most: just before the point, never on it. */
    static final double BEFORE_NEXT_POINT = 0.99;

    /** How many runners the profile and the map mark as the race's leaders. */
    static final int LEADERS = 3;

    /**
     * @param name   the name results show; null for a runner who refused its publication
     * @param leader among the first three of the race's ranking
     */
    public record Position(int bib, String name, Status status, double km, boolean leader) {
    }

    private Positions() {
    }

    /** Every placed runner of the race, in ranking order; none for a race whose course is not known. */
    public static List<Position> of(RaceView race, Instant now) {
        if (race.course().isEmpty()) {
            return List.of();
        }
        CourseEvent course = race.course().get();
        // the same ranking as the race page: by arrival at every point
        List<Ranked> ranking = RankingRules.rank(race.runners().stream().map(r -> r.competitor(Set.of())).toList());
        Set<Integer> leaders = ranking.stream().filter(Ranked::isRanked).limit(LEADERS)
                .map(r -> r.competitor().bib()).collect(Collectors.toSet());
        var byBib = race.runners().stream().collect(Collectors.toMap(r -> r.entry().bib(), r -> r));
        List<Position> positions = new ArrayList<>();
        for (Ranked ranked : ranking) {
            Runner runner = byBib.get(ranked.competitor().bib());
            kmAt(runner, course, race.zero(runner), now).ifPresent(km -> positions.add(new Position(
                    runner.entry().bib(), runner.publicName(), runner.status(), km, leaders.contains(runner.entry().bib()))));
        }
        return positions;
    }

    /**
     * The instant a race's runners are placed at: now, on race day. A replay, or the demo played an hour a minute, has
     * passages running ahead of life: with {@code replay} it is placed as it stands, at its latest good passage,
     * rather than with every runner waiting at the point they last passed. Never on race day: one reader whose clock
     * runs ahead would move every runner on.
     */
    public static Instant clock(RaceView race, Instant now, boolean replay) {
        if (!replay) {
            return now;
        }
        return race.runners().stream().flatMap(r -> r.passages().stream()).filter(p -> p.doubtful() == null)
                .map(Splits::left).filter(left -> left.isAfter(now)).max(Comparator.naturalOrder()).orElse(now);
    }

    /**
     * Where the runner is along the course at that instant, in km.
     *
     * @param zero the start signal, or the runner's own start crossing while there is none
     * @return empty for a runner not placed
     */
    public static OptionalDouble kmAt(Runner runner, CourseEvent course, Instant zero, Instant now) {
        if (runner.status() == Status.FINISHED) {
            return OptionalDouble.of(course.points().get(course.points().size() - 1).km());
        }
        List<RunnerTiming.Passage> good = runner.passages().stream().filter(p -> p.doubtful() == null).toList();
        if (runner.status() != Status.ON_COURSE || good.isEmpty()) {
            return OptionalDouble.empty();
        }
        RunnerTiming.Passage last = good.get(good.size() - 1);
        boolean stillThere = course.points().get(last.order()).departureTimed() && last.departure() == null;
        List<Splits.Estimate> ahead = Splits.ahead(runner.passages(), course, zero);
        if (stillThere || ahead.isEmpty()) {
            return OptionalDouble.of(last.km());
        }
        Splits.Estimate next = ahead.get(0);
        Instant left = Splits.left(last);
        long segmentMs = Duration.between(left, next.at()).toMillis();
        double fraction = segmentMs <= 0 ? BEFORE_NEXT_POINT
                : Math.min(BEFORE_NEXT_POINT, Math.max(0, Duration.between(left, now).toMillis() / (double) segmentMs));
        return OptionalDouble.of(last.km() + (next.km() - last.km()) * fraction);
    }
}
