package fr.pyramidesnoires.timing.course;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import fr.pyramidesnoires.events.Units;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The organiser's courses file as written: per point a distance in {@code km} or in {@code miles}, a climb in
 * {@code elevationGainM} or {@code elevationGainFt}, each exactly once, kept in km and metres whatever the file
 * says. A point given both units, or neither, stops the start naming the race and the point: a course read with a
 * distance of zero, or in the wrong unit, would time every runner's pace wrongly all day.
 */
public final class CoursesFile {

    /**
     * A race's course as the file writes it.
     *
     * @param note the organiser's words about the course (the sample says it is illustrative); not read
     * @param gpx  the course's GPX track, a path from the courses file's folder; null where there is none
     */
    public record Race(String raceCode, String note, List<Point> points, Duration fastestKmEffortPace, String gpx) {

        public Course course(CourseTracks tracks) {
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
            Course course;
            try {
                course = new Course(raceCode, timingPoints, fastestKmEffortPace);
            } catch (IllegalArgumentException refused) {
                throw new IllegalArgumentException("courses file: " + refused.getMessage(), refused);
            }
            return gpx == null || gpx.isBlank() ? course : course.withTrack(tracks.of(course, gpx));
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

    /**
     * The courses a file defines. A field the file gives that no course or point has stops the start, naming it:
     * a misspelt {@code inandout} or {@code outMat} would otherwise time an aid station on arrival only, unseen.
     * A course's GPX track, which is no rule of timing, never stops it: see {@link CourseTracks}.
     */
    public static List<Course> read(ObjectMapper json, InputStream in, CourseTracks tracks) throws IOException {
        try {
            return Stream.of(json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in, Race[].class)).map(race -> race.course(tracks)).toList();
        } catch (UnrecognizedPropertyException unknown) {
            String where = unknown.getPath().stream().map(ref -> ref.getFieldName() != null ? ref.getFieldName()
                    : "#" + (ref.getIndex() + 1)).filter(Objects::nonNull).collect(Collectors.joining(" "));
            throw new IllegalArgumentException("courses file: unknown field " + unknown.getPropertyName() + " at "
                    + where + " (known there: " + unknown.getKnownPropertyIds().stream().map(String::valueOf)
                    .sorted().collect(Collectors.joining(", ")) + ")", unknown);
        } catch (JsonMappingException unreadable) {
            throw new IllegalArgumentException("courses file: " + unreadable.getOriginalMessage() + " at "
                    + unreadable.getPathReference(), unreadable);
        }
    }
}
