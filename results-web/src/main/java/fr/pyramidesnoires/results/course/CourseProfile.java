package fr.pyramidesnoires.results.course;

import fr.pyramidesnoires.events.CourseEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The height of a course along its distance, and where on the ground a km of it lies.
 *
 * <p>From the course's track when it has one. Without a track, from the timing points' km and climb so far: the
 * height at a point is then the climb from the start to it, which never goes down. That is a climb-only
 * approximation, not the terrain: descents are missing, so it shows where the effort is, not how high it is.
 */
public final class CourseProfile {

    /** A known height of the course, in course order. */
    public record Sample(double km, double elevationM) {
    }

    /** A place on the ground. */
    public record Place(double lat, double lon) {
    }

    private final List<CourseEvent.TrackPoint> track;
    private final List<Sample> samples;
    // looked up for every runner on every rendering: kept apart, once
    private final double[] trackKms;
    private final double[] sampleKms;

    private CourseProfile(List<CourseEvent.TrackPoint> track, List<Sample> samples) {
        this.track = track;
        this.samples = samples;
        this.trackKms = track.stream().mapToDouble(CourseEvent.TrackPoint::km).toArray();
        this.sampleKms = samples.stream().mapToDouble(Sample::km).toArray();
    }

    public static CourseProfile of(CourseEvent course) {
        // a GPX file may repeat a point or go back a few metres: heights are looked up by km, so in km order
        List<CourseEvent.TrackPoint> track = course.track().stream()
                .sorted(Comparator.comparingDouble(CourseEvent.TrackPoint::km)).toList();
        List<Sample> samples = new ArrayList<>();
        if (track.isEmpty()) {
            course.points().stream().sorted(Comparator.comparingDouble(CourseEvent.Point::km))
                    .forEach(p -> samples.add(new Sample(p.km(), p.elevationGainM())));
        } else {
            track.forEach(t -> samples.add(new Sample(t.km(), t.elevationM())));
        }
        return new CourseProfile(track, List.copyOf(samples));
    }

    /** Whether the heights are the ground's, from a track, rather than the climb so far at each point. */
    public boolean fromTrack() {
        return !track.isEmpty();
    }

    public List<Sample> samples() {
        return samples;
    }

    /** The height at that km, between the two samples around it; before the first or past the last, theirs. */
    public double elevationAt(double km) {
        if (samples.isEmpty()) {
            return 0;
        }
        Between between = between(sampleKms, km);
        return between.of(samples.get(between.before).elevationM(), samples.get(between.after).elevationM());
    }

    /** Where that km lies on the track; empty for a course without one. */
    public Optional<Place> placeAt(double km) {
        if (track.isEmpty()) {
            return Optional.empty();
        }
        Between between = between(trackKms, km);
        CourseEvent.TrackPoint before = track.get(between.before);
        CourseEvent.TrackPoint after = track.get(between.after);
        // a few hundred metres between two track points: a straight line on the ground is close enough
        return Optional.of(new Place(between.of(before.lat(), after.lat()), between.of(before.lon(), after.lon())));
    }

    /** The two neighbours of a km among ascending km, and how far along from the first to the second it is. */
    private record Between(int before, int after, double fraction) {

        double of(double first, double second) {
            return first + (second - first) * fraction;
        }
    }

    private static Between between(double[] kms, double km) {
        int last = kms.length - 1;
        if (km <= kms[0]) {
            return new Between(0, 0, 0);
        }
        if (km >= kms[last]) {
            return new Between(last, last, 0);
        }
        int low = 0;
        int high = last;
        while (high - low > 1) {
            int middle = (low + high) >>> 1;
            if (kms[middle] <= km) {
                low = middle;
            } else {
                high = middle;
            }
        }
        double span = kms[high] - kms[low];
        return new Between(low, high, span <= 0 ? 0 : (km - kms[low]) / span);
    }
}
