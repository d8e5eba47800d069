package fr.pyramidesnoires.results.graphs;

import fr.pyramidesnoires.events.CourseEvent;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.results.ranking.Competitor;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * How many runners went through each timing point, against its cut-off. Each runner who started counts at most
 * once per point, in one of:
 * <ul>
 *   <li>in time: a good passage (arrival) no later than the cut-off, or any good passage where the point has no
 *       cut-off or the start signal is not given yet (a cut-off counts from the gun);</li>
 *   <li>late: a good passage after the cut-off;</li>
 *   <li>on the way: still on course, not yet through the point nor any point after it, while its cut-off (if any)
 *       has not come;</li>
 *   <li>out of time: the same, once the cut-off has come: they can no longer reach it in time.</li>
 * </ul>
 * Runners who withdrew, were disqualified or did not start count only where they passed. A runner read further
 * on but not here (a missed read) counts nowhere at this point. Doubtful passages are no passage.
 */
public final class PointCounts {

    public record Count(int order, String pointName, int inTime, int late, int onTheWay, int outOfTime) {
    }

    private PointCounts() {
    }

    /** @param field the race's runners, their good arrivals only */
    public static List<Count> of(CourseEvent course, Collection<Competitor> field, Instant now) {
        return course.points().stream().map(point -> {
            Instant cutoff = cutoff(course, point);
            int inTime = 0;
            int late = 0;
            int onTheWay = 0;
            for (Competitor runner : field) {
                var at = runner.timeAt(point.order());
                if (at.isPresent()) {
                    if (cutoff != null && at.get().isAfter(cutoff)) {
                        late++;
                    } else {
                        inTime++;
                    }
                } else if (runner.status() == RunnerTiming.Status.ON_COURSE
                        && runner.furthestOrder().orElse(-1) < point.order()) {
                    onTheWay++;
                }
            }
            boolean closed = cutoff != null && now.isAfter(cutoff);
            return new Count(point.order(), point.name(), inTime, late, closed ? 0 : onTheWay,
                    closed ? onTheWay : 0);
        }).toList();
    }

    /** How many of the course's cut-offs have come by now: what the chart's counts depend on besides the runners. */
    public static long cutoffsPassed(CourseEvent course, Instant now) {
        return course.points().stream().map(p -> cutoff(course, p)).filter(c -> c != null && now.isAfter(c)).count();
    }

    private static Instant cutoff(CourseEvent course, CourseEvent.Point point) {
        return point.cutoff() == null || course.gunStart() == null ? null : course.gunStart().plus(point.cutoff());
    }
}
