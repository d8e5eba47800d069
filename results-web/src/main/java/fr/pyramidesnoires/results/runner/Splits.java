package fr.pyramidesnoires.results.runner;

import fr.pyramidesnoires.events.CourseEvent;
import fr.pyramidesnoires.events.RunnerTiming;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A runner's race point by point, and when they should reach the points ahead. The estimate assumes the runner
 * keeps their own pace so far per km-effort (km + D+/100), so a climb ahead costs them what climbs have cost
 * them until now.
 */
public final class Splits {

    /**
     * @param time           the arrival at the point
     * @param elapsed        since the start signal (or the runner's start crossing while no signal was given)
     * @param segment        since the runner left the previous point reached: its departure where that point times
     *                       one, else its arrival; the time stopped at an aid station is not in it
     * @param paceMinKm      over the segment, minutes per km
     * @param rank           at this point, among everyone who reached it
     * @param rankGained     places won since the previous point (negative when lost)
     * @param doubtful       why timing doubts the passage, null when it is good; a doubtful passage has no segment,
     *                       pace or rank, and the next segment runs from the last good passage
     * @param departureTimed whether the point is an aid station that times the way out too
     * @param departure      when the runner left it; null until they do, and at a point that times arrivals only
     * @param stop           from arrival to departure
     */
    public record Split(int order, String pointId, String pointName, double km, Instant time, Duration elapsed, Duration segment,
                        Double paceMinKm, Integer rank, Integer rankGained, RunnerTiming.Doubt doubtful,
                        boolean departureTimed, Instant departure, Duration stop) {
    }

    public record Estimate(int order, String pointName, double km, Instant at) {
    }

    private Splits() {
    }

    /**
     * A passage not after the runner left the last good one is shown doubtful even when timing's rules, as the event
     * set them, let it through: no page ever shows a negative segment or pace.
     *
     * @param ranks          the runner's rank at each point order they reached
     * @param departureTimed orders of the points that time the way out too
     */
    public static List<Split> of(List<RunnerTiming.Passage> passages, Instant zero, Map<Integer, Integer> ranks,
                                 Set<Integer> departureTimed) {
        List<Split> splits = new ArrayList<>();
        RunnerTiming.Passage previous = null;
        for (RunnerTiming.Passage p : passages) {
            RunnerTiming.Doubt doubt = p.doubtful() == null && previous != null && !p.time().isAfter(left(previous))
                    ? RunnerTiming.Doubt.OUT_OF_SEQUENCE : p.doubtful();
            Duration elapsed = zero == null || p.time().isBefore(zero) ? null : Duration.between(zero, p.time());
            boolean timesDeparture = departureTimed.contains(p.order());
            if (doubt != null) {
                splits.add(new Split(p.order(), p.pointId(), p.pointName(), p.km(), p.time(), elapsed, null, null,
                        null, null, doubt, timesDeparture, p.departure(), null));
                continue;
            }
            Duration segment = previous == null ? null : Duration.between(left(previous), p.time());
            Double pace = previous == null || p.km() <= previous.km() ? null
                    : segment.toMillis() / 60_000.0 / (p.km() - previous.km());
            Integer rank = ranks.get(p.order());
            Integer before = previous == null ? null : ranks.get(previous.order());
            Duration stop = left(p).equals(p.time()) ? null : Duration.between(p.time(), left(p));
            splits.add(new Split(p.order(), p.pointId(), p.pointName(), p.km(), p.time(), elapsed, segment, pace, rank,
                    rank == null || before == null ? null : before - rank, null, timesDeparture, p.departure(), stop));
            previous = p;
        }
        return splits;
    }

    /**
     * When the runner left the point: their departure where it was timed, else their arrival. A departure before the
     * arrival is no departure.
     */
    public static Instant left(RunnerTiming.Passage passage) {
        return passage.departure() != null && passage.departure().isAfter(passage.time())
                ? passage.departure() : passage.time();
    }

    /**
     * When the runner should reach each point ahead, at their own pace so far.
     *
     * @return nothing when there is no pace yet (not past the start) or nothing ahead
     */
    public static List<Estimate> ahead(List<RunnerTiming.Passage> passages, CourseEvent course, Instant zero) {
        // a doubtful passage would make up a pace: the estimate runs from the last good one
        List<RunnerTiming.Passage> good = passages.stream().filter(p -> p.doubtful() == null).toList();
        if (good.isEmpty() || zero == null) {
            return List.of();
        }
        RunnerTiming.Passage last = good.get(good.size() - 1);
        double doneEffort = effort(course, last.order());
        if (doneEffort <= 0) {
            return List.of();
        }
        // from when they left the last point: their stops so far are in their pace, the one they just made is not
        // made again
        Instant left = left(last);
        double msPerEffort = Duration.between(zero, left).toMillis() / doneEffort;
        List<Estimate> estimates = new ArrayList<>();
        for (CourseEvent.Point point : course.points()) {
            if (point.order() > last.order()) {
                long ms = Math.round(msPerEffort * (effort(course, point.order()) - doneEffort));
                estimates.add(new Estimate(point.order(), point.name(), point.km(), left.plusMillis(ms)));
            }
        }
        return estimates;
    }

    private static double effort(CourseEvent course, int order) {
        CourseEvent.Point point = course.points().get(order);
        return point.km() + point.elevationGainM() / 100.0;
    }
}
