package fr.pyramidesnoires.registration.entry;

import static fr.pyramidesnoires.registration.entry.RegistrationTest.register;
import static fr.pyramidesnoires.registration.entry.RegistrationTest.runner;
import static fr.pyramidesnoires.registration.entry.RegistrationTest.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.Eventually;
import fr.pyramidesnoires.events.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A runner who refused publication leaves registration as a bib, a category and a sex: nothing that names them. */
@QuarkusTest
class RefusedPublicationTest {

    @Test
    void theEntriesTopicCarriesNeitherNameNorClubNorNationalityOfARunnerWhoRefused() throws Exception {
        Map<String, Object> body = new HashMap<>(runner(uniqueName(), "35K"));
        body.put("publishName", false);
        body.put("club", "Les Foulées de Loos");
        body.put("nationality", "ISL");
        String id = register(body).statusCode(201).extract().path("id");

        try (TopicProbe kafka = TopicProbe.onTheServicesBroker()) {
            // read as bytes on the topic: any consumer, old or new, sees only this
            String message = Eventually.until(() -> kafka.readAll(Topics.ENTRIES).stream()
                            .filter(r -> id.equals(r.key())).map(ConsumerRecord::value).reduce((a, b) -> b),
                    Optional::isPresent, Duration.ofSeconds(20), seen -> "no entry event for " + id).orElseThrow();
            JsonNode event = new ObjectMapper().readTree(message);

            assertTrue(event.get("nameHidden").asBoolean(), message);
            for (String field : new String[]{"firstName", "lastName", "club", "nationality"}) {
                assertTrue(event.path(field).isNull() || event.path(field).isMissingNode(), field + ": " + message);
            }
            assertFalse(message.contains("Loos") || message.contains("ISL"), message);
            assertEquals("F", event.get("sex").asText(), "the ranking by sex needs it");
            assertEquals("M0", event.get("category").asText(), "the ranking by category needs it");
        }
    }
}
