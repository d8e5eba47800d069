package fr.pyramidesnoires.timing.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.CourseEvent;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
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
}
