package fr.pyramidesnoires.timing.course;

import fr.pyramidesnoires.events.Units;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The organiser's courses file as written: per point a distance in {@code km} or in {@code miles}, a climb in
 * {@code elevationGainM} or {@code elevationGainFt}, each exactly once, kept in km and metres whatever the file
 * says. A point given both units, or neither, stops the start naming the race and the point: a course read with a
 * distance of zero, or in the wrong unit, would time every runner's pace wrongly all day.
 */
public final class CoursesFile {

    /** A race's course as the file writes it. */
    public record Race(String raceCode, List<Point> points, Duration fastestKmEffortPace) {

        public Course course() {
            if (raceCode == null || raceCode.isBlank()) {
                throw new IllegalArgumentException("courses file: a course without its raceCode");
            }
            if (points == null) {
                throw new IllegalArgumentException("courses file: race " + raceCode + " has no points");
            }
            List<TimingPoint> timingPoints = new ArrayList<>();
            for (Point point : points) {
                timingPoints.add(point.timingPoint(raceCode));
            }
            try {
                return new Course(raceCode, timingPoints, fastestKmEffortPace);
            } catch (IllegalArgumentException refused) {
                throw new IllegalArgumentException("courses file: " + refused.getMessage(), refused);
            }
        }
    }

    /**
     * A timing point as the file writes it.
     *
     * @param inAndOut true for an aid station's one mat read on the way in and on the way out
     */
    public record Point(String id, String name, String matId, Double km, Double miles, Integer elevationGainM,
                        Double elevationGainFt, Duration cutoff, String outMatId, Boolean inAndOut) {

        TimingPoint timingPoint(String raceCode) {
            String where = "courses file: race " + raceCode + ", point " + id + ": ";
            if (id == null || id.isBlank() || matId == null || matId.isBlank()) {
                throw new IllegalArgumentException(where + "give its id and matId");
            }
            if ((km == null) == (miles == null)) {
                throw new IllegalArgumentException(where + "give its distance once, in km or in miles");
            }
            if ((elevationGainM == null) == (elevationGainFt == null)) {
                throw new IllegalArgumentException(where + "give its climb once, in elevationGainM or in"
                        + " elevationGainFt");
            }
            try {
                return new TimingPoint(id, name, matId, km != null ? km : Units.km(miles),
                        elevationGainM != null ? elevationGainM : Units.metres(elevationGainFt), cutoff,
                        outMatId, Boolean.TRUE.equals(inAndOut));
            } catch (IllegalArgumentException refused) {
                throw new IllegalArgumentException("courses file: race " + raceCode + ", " + refused.getMessage(),
                        refused);
            }
        }
    }

    private CoursesFile() {
    }
}
