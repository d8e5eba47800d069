package fr.pyramidesnoires.timing.course;

import static fr.pyramidesnoires.timing.official.OfficialPages.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.CourseEvent;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.TopicProbe;
import fr.pyramidesnoires.timing.track.CourseTrack;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CoursesTopicTest {

    @Test
    void everyCourseIsPublishedWithItsPointsInOrder() {
        try (TopicProbe kafka = TopicProbe.onTheServicesBroker()) {
            CourseEvent ultra = kafka.awaitLast(Topics.COURSES, CourseEvent.class, c -> c.raceCode().equals("110K"),
                    Duration.ofSeconds(20));

            assertEquals(8, ultra.points().size());
            assertEquals("start", ultra.points().get(0).id());
            assertEquals(110, ultra.points().get(7).km());
            assertEquals(Duration.ofHours(19), ultra.points().get(7).cutoff());
            // a test run with its own courses file (AidStationTimingTest) publishes on the same broker too
            assertTrue(kafka.all(Topics.COURSES, CourseEvent.class, c -> true).stream().map(CourseEvent::raceCode)
                    .collect(Collectors.toSet()).containsAll(Set.of("110K", "55K", "35K", "22K")));
        }
    }

    @Test
    void eachSampleCourseIsPublishedWithItsIllustrativeTrackFromTheStartToTheFinish() {
        try (TopicProbe kafka = TopicProbe.onTheServicesBroker()) {
            for (String race : List.of("110K", "55K", "35K", "22K")) {
                CourseEvent course = kafka.awaitLast(Topics.COURSES, CourseEvent.class,
                        c -> c.raceCode().equals(race), Duration.ofSeconds(20));
                List<CourseEvent.TrackPoint> track = course.track();
                CourseEvent.Point finish = course.points().get(course.points().size() - 1);

                assertTrue(track.size() > 100 && track.size() <= CourseTrack.MAX_POINTS, race + ": " + track.size());
                // from the start, at the 9-9bis of Oignies, to the finish's km, back there
                assertEquals(0, track.get(0).km());
                assertEquals(finish.km(), track.get(track.size() - 1).km());
                for (CourseEvent.TrackPoint end : List.of(track.get(0), track.get(track.size() - 1))) {
                    // within some 100 m
                    assertTrue(Math.abs(end.lat() - 50.468) < 0.001 && Math.abs(end.lon() - 2.993) < 0.0015,
                            race + " ends at " + end);
                }
                // terrils over the plain of the mining basin
                double top = track.stream().mapToDouble(CourseEvent.TrackPoint::elevationM).max().orElseThrow();
                assertTrue(top > 70 && top < 200, race + " tops at " + top);
            }
        }
        assertFalse(page("/race-control").contains("GPX"));
    }
}
