package fr.pyramidesnoires.registration.race;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.pyramidesnoires.events.RaceEvent;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RacesTopicTest {

    @Test
    void theOrganisersRacesArePublishedForTheOtherServices() {
        try (TopicProbe kafka = TopicProbe.onTheServicesBroker()) {
            RaceEvent ultra = kafka.awaitLast(Topics.RACES, RaceEvent.class, r -> r.code().equals("110K"),
                    Duration.ofSeconds(20));

            assertEquals(110, ultra.distanceKm());
            assertEquals(2000, ultra.elevationGainM());
            assertEquals(OffsetDateTime.parse("2027-03-20T05:00:00+01:00").toInstant(), ultra.startTime().toInstant());
        }
    }
}
