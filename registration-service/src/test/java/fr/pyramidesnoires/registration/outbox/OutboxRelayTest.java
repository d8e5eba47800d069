package fr.pyramidesnoires.registration.outbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.pyramidesnoires.events.EventJson;
import fr.pyramidesnoires.events.RaceEvent;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxRelayTest {

    @Inject
    EntityManager em;

    @Test
    void messagesGoOutInTheOrderTheyWereWrittenWhateverTheirIds() throws InterruptedException {
        String first = "ORDER-" + UUID.randomUUID().toString().substring(0, 8);
        String second = "ORDER-" + UUID.randomUUID().toString().substring(0, 8);
        // another instance of the service holds a lower block of ids: its later message has the lower id
        QuarkusTransaction.requiringNew().run(() -> {
            write(9_000_000_000L + System.nanoTime() % 1_000_000, first);
            write(8_000_000_000L + System.nanoTime() % 1_000_000, second);
        });

        try (TopicProbe kafka = TopicProbe.onTheServicesBroker()) {
            List<String> sent = List.of();
            Instant deadline = Instant.now().plusSeconds(20);
            while (sent.size() < 2 && Instant.now().isBefore(deadline)) {
                sent = kafka.readAll(Topics.RACES).stream().map(ConsumerRecord::key)
                        .filter(key -> key.equals(first) || key.equals(second)).toList();
                Thread.sleep(200);
            }
            assertEquals(List.of(first, second), sent);
        }
    }

    @Test
    void readinessSignsInToTheBrokerTheMessagesGoTo() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'Kafka connection health check' }.status", equalTo("UP"));
    }

    private void write(long id, String code) {
        em.createNativeQuery("INSERT INTO outboxmessage (id, topic, messagekey, payload, createdat)"
                        + " VALUES (?1, ?2, ?3, ?4, now())")
                .setParameter(1, id).setParameter(2, Topics.RACES).setParameter(3, code)
                .setParameter(4, EventJson.write(new RaceEvent(code, "Test race of the outbox order", 10, 100,
                        OffsetDateTime.parse("2027-03-20T11:00:00+01:00"), 10)))
                .executeUpdate();
    }
}
