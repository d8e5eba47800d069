package fr.pyramidesnoires.timing.course;

import fr.pyramidesnoires.events.CourseEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A race's timing points in course order: the first is the start, the last the finish.
 *
 * @param fastestKmEffortPace the fastest plausible time per km-effort on this course, where it differs from the
 *                            event's (timing.doubtful.fastest-km-effort-pace); null otherwise
 */
public record Course(String raceCode, List<TimingPoint> points, Duration fastestKmEffortPace) {

    public Course(String raceCode, List<TimingPoint> points) {
        this(raceCode, points, null);
    }

    public Course {
        if (points.size() < 2) {
            throw new IllegalArgumentException("course " + raceCode + " needs at least a start and a finish");
        }
        if (fastestKmEffortPace != null && (fastestKmEffortPace.isNegative() || fastestKmEffortPace.isZero())) {
            throw new IllegalArgumentException("course " + raceCode + ": fastestKmEffortPace must be above zero");
        }
        points = List.copyOf(points);
    }

    public TimingPoint start() {
        return points.get(0);
    }

    public int finishOrder() {
        return points.size() - 1;
    }

    public CourseEvent publicEvent(Instant gunStart) {
        List<CourseEvent.Point> published = new ArrayList<>();
        for (int order = 0; order < points.size(); order++) {
            TimingPoint p = points.get(order);
            published.add(new CourseEvent.Point(order, p.id(), p.name(), p.km(), p.elevationGainM(), p.cutoff()));
        }
        return new CourseEvent(raceCode, published, gunStart);
    }

    public Set<String> mats() {
        return points.stream().map(TimingPoint::matId).collect(Collectors.toUnmodifiableSet());
    }
}
