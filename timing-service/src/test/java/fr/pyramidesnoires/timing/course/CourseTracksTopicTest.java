package fr.pyramidesnoires.timing.course;

import static fr.pyramidesnoires.timing.official.OfficialPages.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.CourseEvent;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An organiser's courses file naming GPX tracks beside it, one good and one cut short in its upload: timing starts
 * all the same, publishes the second course without a line, and race control says why. Over the real broker.
 */
@QuarkusTest
@TestProfile(CourseTracksTopicTest.TrackCourses.class)
class CourseTracksTopicTest {

    public static class TrackCourses implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("timing.courses-file", "src/test/resources/courses-tracks.json",
                    "timing.accounts", "judge:judge-secret:official");
        }
    }

    static CourseEvent published(String race) {
        try (TopicProbe kafka = TopicProbe.onTheServicesBroker()) {
            return kafka.awaitLast(Topics.COURSES, CourseEvent.class, c -> c.raceCode().equals(race),
                    Duration.ofSeconds(20));
        }
    }

    @Test
    void aTrackBesideTheCoursesFileIsPublishedFromTheStartToTheFinish() {
        CourseEvent loop = published("TRK-OK");

        List<CourseEvent.TrackPoint> track = loop.track();
        assertEquals(61, track.size());
        // the loop leaves from the 9-9bis and comes back to it, at the finish's km
        assertEquals(new CourseEvent.TrackPoint(50.468, 2.993, 0, 28), track.get(0));
        assertEquals(5, track.get(60).km());
        // within some 10 m
        assertEquals(50.468, track.get(60).lat(), 0.0001);
        assertEquals(2.993, track.get(60).lon(), 0.00015);
        // at the foot of the terril, where the file gives no elevation: between its neighbours' 28 and 48 m
        assertEquals(38, track.get(25).elevationM(), 0.5);
        assertEquals(128, track.stream().mapToDouble(CourseEvent.TrackPoint::elevationM).max().orElseThrow());
    }

    @Test
    void aTrackThatCannotBeReadLeavesItsCoursePublishedWithoutOneAndRaceControlSaysWhy() {
        CourseEvent cut = published("TRK-CUT");

        assertEquals(List.of("trk-start", "trk-finish"), cut.points().stream().map(CourseEvent.Point::id).toList());
        assertEquals(List.of(), cut.track());

        String raceControl = page("/race-control");
        int cutSection = raceControl.indexOf("id=\"race-TRK-CUT\"");
        int okSection = raceControl.indexOf("id=\"race-TRK-OK\"");
        String aboutCut = raceControl.substring(cutSection, cutSection > okSection ? raceControl.length() : okSection);
        assertTrue(aboutCut.contains("GPX track not published"), aboutCut);
        assertTrue(aboutCut.contains("GPX file tracks/cut-short.gpx: not readable as XML"), aboutCut);
        String aboutOk = raceControl.substring(okSection, okSection > cutSection ? raceControl.length() : cutSection);
        assertFalse(aboutOk.contains("GPX"), aboutOk);
    }
}
