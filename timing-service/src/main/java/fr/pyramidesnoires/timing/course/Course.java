package fr.pyramidesnoires.timing.course;

import fr.pyramidesnoires.events.CourseEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A race's timing points in course order: the first is the start, the last the finish. Only aid stations between
 * them may be timed on departure, and a mat is either an aid station's out mat or some points' in mat, never both:
 * a read there must say which it is.
 *
 * @param fastestKmEffortPace the fastest plausible time per km-effort on this course, where it differs from the
 *                            event's (timing.doubtful.fastest-km-effort-pace); null otherwise
 * @param track               the course's line from its GPX file (track.CourseTrack); empty without one
 */
public record Course(String raceCode, List<TimingPoint> points, Duration fastestKmEffortPace,
                     List<CourseEvent.TrackPoint> track) {

    public Course(String raceCode, List<TimingPoint> points) {
        this(raceCode, points, null);
    }

    public Course(String raceCode, List<TimingPoint> points, Duration fastestKmEffortPace) {
        this(raceCode, points, fastestKmEffortPace, List.of());
    }

    public Course {
        if (points.size() < 2) {
            throw new IllegalArgumentException("course " + raceCode + " needs at least a start and a finish");
        }
        if (fastestKmEffortPace != null && (fastestKmEffortPace.isNegative() || fastestKmEffortPace.isZero())) {
            throw new IllegalArgumentException("course " + raceCode + ": fastestKmEffortPace must be above zero");
        }
        points = List.copyOf(points);
        track = List.copyOf(track);
        for (TimingPoint end : List.of(points.get(0), points.get(points.size() - 1))) {
            if (end.departureTimed()) {
                throw new IllegalArgumentException("course " + raceCode + ", point " + end.id()
                        + ": the start and the finish are not timed on departure (outMatId, inAndOut)");
            }
        }
        Set<String> inMats = points.stream().map(TimingPoint::matId).collect(Collectors.toSet());
        for (TimingPoint point : points) {
            if (point.outMatId() != null && inMats.contains(point.outMatId())) {
                throw new IllegalArgumentException("course " + raceCode + ", point " + point.id() + ": out mat "
                        + point.outMatId() + " is also a point's mat in this course");
            }
            // the visits of a mat read in and out are told apart otherwise than its crossings: all or none
            if (point.inAndOut() && points.stream().anyMatch(p -> p.matId().equals(point.matId()) && !p.inAndOut())) {
                throw new IllegalArgumentException("course " + raceCode + ", point " + point.id() + ": mat "
                        + point.matId() + " is read in and out here, so it must be at every point of the course on it");
            }
        }
    }

    public Course withTrack(List<CourseEvent.TrackPoint> line) {
        return new Course(raceCode, points, fastestKmEffortPace, line);
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
            published.add(new CourseEvent.Point(order, p.id(), p.name(), p.km(), p.elevationGainM(), p.cutoff(),
                    p.departureTimed()));
        }
        return new CourseEvent(raceCode, published, gunStart, track);
    }

    /** Every mat of the course, aid stations' out mats included. */
    public Set<String> mats() {
        return points.stream().flatMap(p -> p.outMatId() == null ? Stream.of(p.matId())
                : Stream.of(p.matId(), p.outMatId())).collect(Collectors.toUnmodifiableSet());
    }
}
