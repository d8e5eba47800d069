package fr.pyramidesnoires.timing.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.CourseEvent;
import fr.pyramidesnoires.events.EventJson;
import fr.pyramidesnoires.timing.track.CourseTrack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CourseEventSizeTest {

    @Test
    void aCourseWithTheLongestTrackStaysFarUnderKafkasMegabyte() {
        Course ultra = new Course("110K", List.of(new TimingPoint("start", "Départ", "M-START", 0, 0, null),
                new TimingPoint("finish", "Arrivée", "M-FINISH", 110, 2000, Duration.ofHours(19))));
        // the widest figures a point may have: far west and south, two hundred km along, two thousand metres up
        List<CourseEvent.TrackPoint> track = new ArrayList<>();
        for (int i = 0; i < CourseTrack.MAX_POINTS; i++) {
            track.add(new CourseEvent.TrackPoint(-33.123456, -151.123456, 100 + i * 0.109, 1234.5));
        }

        String message = EventJson.write(ultra.withTrack(track).publicEvent(Instant.now()));

        assertEquals(CourseTrack.MAX_POINTS, EventJson.read(message, CourseEvent.class).track().size());
        int bytes = message.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes < 100_000, bytes + " bytes");
    }
}
