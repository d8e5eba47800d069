package fr.pyramidesnoires.timing.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pyramidesnoires.events.CourseEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CoursesFileTest {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    /** Tracks found beside the sample courses file, among the resources, as timing finds them without a file. */
    static CourseTracks besideTheSample() {
        return new CourseTracks(CoursesFileTest.class.getClassLoader()::getResourceAsStream);
    }

    static Course read(String points) throws Exception {
        return JSON.readValue("{\"raceCode\": \"50M\", \"points\": [" + points + "]}", CoursesFile.Race.class)
                .course(besideTheSample());
    }

    static final String START = "{\"id\": \"start\", \"matId\": \"M-START\", \"km\": 0, \"elevationGainM\": 0}";
    static final String FINISH = "{\"id\": \"finish\", \"matId\": \"M-FINISH\", \"km\": 80, \"elevationGainM\": 2000}";

    static String refusal(String points) {
        return assertThrows(IllegalArgumentException.class, () -> read(points)).getMessage();
    }

    @Test
    void aCourseInMilesAndFeetIsKeptInKmAndMetres() throws Exception {
        Course course = read("""
                {"id": "start", "matId": "M-START", "miles": 0, "elevationGainFt": 0},
                {"id": "ridge", "name": "Ridge", "matId": "M-RIDGE", "miles": 26.2, "elevationGainFt": 5280},
                {"id": "finish", "matId": "M-FINISH", "miles": 50, "elevationGainFt": 10000.4}""");

        assertEquals(42.1648, course.points().get(1).km(), 1e-4);
        assertEquals(1609, course.points().get(1).elevationGainM());
        assertEquals(80.4672, course.points().get(2).km(), 1e-9);
        assertEquals(3048, course.points().get(2).elevationGainM());
    }

    @Test
    void pointsMayMixUnitsButEachGivesItsDistanceAndClimbOnce() throws Exception {
        Course course = read(START + ", {\"id\": \"ridge\", \"matId\": \"M-RIDGE\", \"miles\": 10, \"elevationGainM\": 400}, "
                + FINISH);
        assertEquals(16.09344, course.points().get(1).km(), 1e-9);

        assertEquals("courses file: race 50M, point ridge: give its distance once, in km or in miles",
                refusal(START + ", {\"id\": \"ridge\", \"matId\": \"M-RIDGE\", \"km\": 16, \"miles\": 10,"
                        + " \"elevationGainM\": 400}, " + FINISH));
        assertEquals("courses file: race 50M, point ridge: give its distance once, in km or in miles",
                refusal(START + ", {\"id\": \"ridge\", \"matId\": \"M-RIDGE\", \"elevationGainM\": 400}, " + FINISH));
        assertEquals("courses file: race 50M, point ridge: give its climb once, in elevationGainM or in elevationGainFt",
                refusal(START + ", {\"id\": \"ridge\", \"matId\": \"M-RIDGE\", \"km\": 16, \"elevationGainM\": 400,"
                        + " \"elevationGainFt\": 1312}, " + FINISH));
        assertEquals("courses file: race 50M, point ridge: give its climb once, in elevationGainM or in elevationGainFt",
                refusal(START + ", {\"id\": \"ridge\", \"matId\": \"M-RIDGE\", \"km\": 16}, " + FINISH));
    }

    @Test
    void anAidStationIsTimedOnDepartureByAnOutMatOrByItsOneMatReadInAndOut() throws Exception {
        Course course = read(START + """
                , {"id": "base", "matId": "M-BASE-IN", "outMatId": "M-BASE-OUT", "km": 30, "elevationGainM": 900},
                {"id": "col", "matId": "M-COL", "inAndOut": true, "km": 50, "elevationGainM": 1500},
                {"id": "ridge", "matId": "M-RIDGE", "km": 60, "elevationGainM": 1700},
                """ + FINISH);

        assertEquals("M-BASE-OUT", course.points().get(1).outMatId());
        assertTrue(course.points().get(2).inAndOut());
        assertEquals(List.of(false, true, true, false, false),
                course.points().stream().map(TimingPoint::departureTimed).toList());
        // a read at the out mat is a read timing knows, not one from nowhere
        assertEquals(Set.of("M-START", "M-BASE-IN", "M-BASE-OUT", "M-COL", "M-RIDGE", "M-FINISH"), course.mats());
        assertEquals(List.of(false, true, true, false, false), course.publicEvent(null).points().stream()
                .map(CourseEvent.Point::departureTimed).toList());
    }

    @Test
    void theStartAndTheFinishAreNeverTimedOnDeparture() {
        assertEquals("courses file: course 50M, point start: the start and the finish are not timed on departure"
                        + " (outMatId, inAndOut)",
                refusal("{\"id\": \"start\", \"matId\": \"M-START\", \"inAndOut\": true, \"km\": 0,"
                        + " \"elevationGainM\": 0}, " + FINISH));
        assertEquals("courses file: course 50M, point finish: the start and the finish are not timed on departure"
                        + " (outMatId, inAndOut)",
                refusal(START + ", {\"id\": \"finish\", \"matId\": \"M-FINISH\", \"outMatId\": \"M-AFTER\","
                        + " \"km\": 80, \"elevationGainM\": 2000}"));
    }

    @Test
    void aReadMustSayWhichPointAndWhichWayItIs() {
        assertEquals("courses file: race 50M, point base: an out mat (outMatId) or one mat read in and out"
                        + " (inAndOut), not both",
                refusal(START + ", {\"id\": \"base\", \"matId\": \"M-BASE\", \"outMatId\": \"M-BASE-OUT\","
                        + " \"inAndOut\": true, \"km\": 30, \"elevationGainM\": 900}, " + FINISH));
        assertEquals("courses file: race 50M, point base: the out mat is its own mat; say \"inAndOut\": true for one"
                        + " mat read on the way in and out",
                refusal(START + ", {\"id\": \"base\", \"matId\": \"M-BASE\", \"outMatId\": \"M-BASE\", \"km\": 30,"
                        + " \"elevationGainM\": 900}, " + FINISH));
        assertEquals("courses file: course 50M, point base: out mat M-FINISH is also a point's mat in this course",
                refusal(START + ", {\"id\": \"base\", \"matId\": \"M-BASE\", \"outMatId\": \"M-FINISH\", \"km\": 30,"
                        + " \"elevationGainM\": 900}, " + FINISH));
        assertEquals("courses file: course 50M, point base-1: mat M-BASE is read in and out here, so it must be at"
                        + " every point of the course on it",
                refusal(START + ", {\"id\": \"base-1\", \"matId\": \"M-BASE\", \"inAndOut\": true, \"km\": 30,"
                        + " \"elevationGainM\": 900}, {\"id\": \"base-2\", \"matId\": \"M-BASE\", \"km\": 60,"
                        + " \"elevationGainM\": 1800}, " + FINISH));
    }

    @Test
    void aFieldNoCourseOrPointHasIsRefusedNamingItAndWhere() {
        String file = "[{\"raceCode\": \"50M\", \"note\": \"SAMPLE\", \"points\": [" + START + ", "
                + "{\"id\": \"aid\", \"matId\": \"M-AID\", \"km\": 20, \"elevationGainM\": 500, \"inandout\": true},"
                + FINISH + "]}]";
        String refused = assertThrows(IllegalArgumentException.class, () -> CoursesFile.read(JSON,
                new java.io.ByteArrayInputStream(file.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                besideTheSample()))
                .getMessage();
        assertTrue(refused.contains("unknown field inandout at #1 points #2"), refused);
        assertTrue(refused.contains("inAndOut"), refused);
    }

    @Test
    void theSampleCoursesAndTheExampleEventsAreReadAsTheyAre() throws Exception {
        CourseTracks tracks = besideTheSample();
        try (var sample = CoursesFileTest.class.getResourceAsStream("/courses-sample.json")) {
            List<Course> courses = CoursesFile.read(JSON, sample, tracks);
            assertEquals(4, courses.size());
            // each sample course has its illustrative track, from its start to its finish
            for (Course course : courses) {
                List<CourseEvent.TrackPoint> track = course.track();
                assertTrue(track.size() > 100, course.raceCode() + " has " + track.size() + " track points");
                assertEquals(0, track.get(0).km());
                assertEquals(course.points().get(course.finishOrder()).km(), track.get(track.size() - 1).km());
            }
        }
        assertEquals(Map.of(), tracks.problems());
        // the tests run in the module's folder
        try (var example = java.nio.file.Files.newInputStream(
                java.nio.file.Path.of("../deploy/events/cache-creek-100/courses.json"))) {
            List<Course> courses = CoursesFile.read(JSON, example, tracks);
            assertEquals(Set.of("CC100", "CC50"), courses.stream().map(Course::raceCode)
                    .collect(java.util.stream.Collectors.toSet()));
            // the example event has no track: its pages draw the profile from the points
            assertTrue(courses.stream().allMatch(c -> c.track().isEmpty() && c.publicEvent(null).track().isEmpty()));
        }
    }

    @Test
    void aTrackThatCannotBeFoundLeavesTheCourseWithoutOneAndSaysWhy() throws Exception {
        CourseTracks tracks = besideTheSample();
        Course course = JSON.readValue("{\"raceCode\": \"50M\", \"gpx\": \"tracks/nowhere.gpx\", \"points\": ["
                + START + ", " + FINISH + "]}", CoursesFile.Race.class).course(tracks);

        assertEquals(List.of(), course.publicEvent(null).track());
        assertEquals(2, course.points().size());
        assertEquals(Map.of("50M", "GPX file tracks/nowhere.gpx: no such file"), tracks.problems());
    }

    @Test
    void aPointWithoutItsMatIsRefusedByName() {
        assertEquals("courses file: race 50M, point ridge: give its id and matId",
                refusal(START + ", {\"id\": \"ridge\", \"km\": 16, \"elevationGainM\": 400}, " + FINISH));
    }

    @Test
    void anArrivalOnlyPointIsPublishedAsBefore() throws Exception {
        Course course = read(START + ", {\"id\": \"ridge\", \"matId\": \"M-RIDGE\", \"km\": 16, \"elevationGainM\": 400,"
                + " \"cutoff\": \"PT3H\"}, " + FINISH);

        assertFalse(course.points().get(1).departureTimed());
        assertEquals(new CourseEvent.Point(1, "ridge", null, 16, 400, Duration.ofHours(3), false),
                course.publicEvent(null).points().get(1));
    }
}
