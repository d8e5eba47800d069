package fr.pyramidesnoires.results.runner;

import fr.pyramidesnoires.events.CourseEvent;
import fr.pyramidesnoires.events.RunnerTiming;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A runner's race point by point, and when they should reach the points ahead. The estimate assumes the runner
 * keeps their own pace so far per km-effort (km + D+/100), so a climb ahead costs them what climbs have cost
 * them until now.
 */
public final class Splits {

    /**
     * @param elapsed    since the start signal (or the runner's start crossing while no signal was given)
     * @param segment    since the previous point reached
     * @param paceMinKm  over the segment, minutes per km
     * @param rank       at this point, among everyone who reached it
     * @param rankGained places won since the previous point (negative when lost)
     * @param doubtful   why timing doubts the passage, null when it is good; a doubtful passage has no segment,
     *                   pace or rank, and the next segment runs from the last good passage
     */
    public record Split(int order, String pointId, String pointName, double km, Instant time, Duration elapsed, Duration segment,
                        Double paceMinKm, Integer rank, Integer rankGained, RunnerTiming.Doubt doubtful) {
    }

    public record Estimate(int order, String pointName, double km, Instant at) {
    }

    private Splits() {
    }

    /**
     * A passage not after the last good one is shown doubtful even when timing's rules, as the event set them, let it
     * through: no page ever shows a negative segment or pace.
     *
     * @param ranks the runner's rank at each point order they reached
     */
    public static List<Split> of(List<RunnerTiming.Passage> passages, Instant zero, Map<Integer, Integer> ranks) {
        List<Split> splits = new ArrayList<>();
        RunnerTiming.Passage previous = null;
        for (RunnerTiming.Passage p : passages) {
            RunnerTiming.Doubt doubt = p.doubtful() == null && previous != null && !p.time().isAfter(previous.time())
                    ? RunnerTiming.Doubt.OUT_OF_SEQUENCE : p.doubtful();
            Duration elapsed = zero == null || p.time().isBefore(zero) ? null : Duration.between(zero, p.time());
            if (doubt != null) {
                splits.add(new Split(p.order(), p.pointId(), p.pointName(), p.km(), p.time(), elapsed, null, null,
                        null, null, doubt));
                continue;
            }
            Duration segment = previous == null ? null : Duration.between(previous.time(), p.time());
            Double pace = previous == null || p.km() <= previous.km() ? null
                    : segment.toMillis() / 60_000.0 / (p.km() - previous.km());
            Integer rank = ranks.get(p.order());
            Integer before = previous == null ? null : ranks.get(previous.order());
            splits.add(new Split(p.order(), p.pointId(), p.pointName(), p.km(), p.time(), elapsed, segment, pace, rank,
                    rank == null || before == null ? null : before - rank, null));
            previous = p;
        }
        return splits;
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
        double msPerEffort = Duration.between(zero, last.time()).toMillis() / doneEffort;
        List<Estimate> estimates = new ArrayList<>();
        for (CourseEvent.Point point : course.points()) {
            if (point.order() > last.order()) {
                long ms = Math.round(msPerEffort * (effort(course, point.order()) - doneEffort));
                estimates.add(new Estimate(point.order(), point.name(), point.km(), last.time().plusMillis(ms)));
            }
        }
        return estimates;
    }

    private static double effort(CourseEvent course, int order) {
        CourseEvent.Point point = course.points().get(order);
        return point.km() + point.elevationGainM() / 100.0;
    }
}
