package fr.pyramidesnoires.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A race's course and clock as timing knows them, published by timing-service at start-up and whenever an official
 * sets or corrects the start signal.
 *
 * @param gunStart the start signal, null until an official gives it
 * @param track    the course's line on the ground, from the organiser's GPX track, start to finish; empty when the
 *                 course has none (pages then draw the profile from the points' km and climb)
 */
public record CourseEvent(String raceCode, List<Point> points, Instant gunStart, List<TrackPoint> track) {

    public CourseEvent {
        // events published before courses had tracks carry none
        track = track == null ? List.of() : List.copyOf(track);
    }

    /** A course without a track. */
    public CourseEvent(String raceCode, List<Point> points, Instant gunStart) {
        this(raceCode, points, gunStart, List.of());
    }

    /**
     * A point of the track.
     *
     * @param km         along the track from the start, in the course's official distance: the track's own length
     *                   is scaled to the finish's km, so that a timing point's km places it on the track
     * @param elevationM height above sea level
     */
    public record TrackPoint(double lat, double lon, double km, double elevationM) {
    }

    /**
     * @param order          0 for the start; the last point is the finish
     * @param elevationGainM climb from the start to here
     * @param cutoff         latest passage allowed, counted from the gun; null where there is none
     * @param departureTimed whether the point is an aid station timed on the way out as well as in
     */
    public record Point(int order, String id, String name, double km, int elevationGainM, Duration cutoff,
                        boolean departureTimed) {

        /** A point timed on arrival only. */
        public Point(int order, String id, String name, double km, int elevationGainM, Duration cutoff) {
            this(order, id, name, km, elevationGainM, cutoff, false);
        }
    }
}
