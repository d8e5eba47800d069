package fr.pyramidesnoires.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A race's course and clock as timing knows them, published by timing-service at start-up and whenever an official
 * sets or corrects the start signal.
 *
 * @param gunStart the start signal, null until an official gives it
 */
public record CourseEvent(String raceCode, List<Point> points, Instant gunStart) {

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
