package fr.pyramidesnoires.timing.kafka;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.ChipRead;
import fr.pyramidesnoires.events.EventJson;
import fr.pyramidesnoires.events.KafkaAccess;
import fr.pyramidesnoires.events.KafkaSettings;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.StackAccounts;
import fr.pyramidesnoires.events.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The test stack's broker, as deploy/stack.sh sets it up for every stack: a forged result or read needs an account
 * that may write its topic. A runner who never started was once made the winner by one message on runner-timings.
 */
@QuarkusTest
class BrokerAccountsTest {

    private static final String FORGED = """
            {"raceCode":"22K","bib":4242,"status":"FINISHED","forged":true}""";

    private static KafkaAccess broker;
    private static TopicProbe kafka;

    @BeforeAll
    static void connect() {
        broker = KafkaAccess.fromConfig();
        kafka = TopicProbe.onTheServicesBroker();
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void aClientThatDoesNotSignInIsRefusedAndWritesNothing() {
        String key = "anonymous-" + UUID.randomUUID();
        Exception refused = send(broker.withoutCredentials(), Topics.RUNNER_TIMINGS, key);
        assertTrue(refused != null, "a client without credentials wrote to runner-timings");
        assertFalse(onTopic(Topics.RUNNER_TIMINGS, key), "a client without credentials wrote to runner-timings");
    }

    @Test
    void aWrongPasswordIsRefusedAtSignIn() {
        String key = "wrong-password-" + UUID.randomUUID();
        Exception refused = send(broker.as("timing", "not-the-password"), Topics.RUNNER_TIMINGS, key);
        assertInstanceOf(SaslAuthenticationException.class, refused);
        assertFalse(onTopic(Topics.RUNNER_TIMINGS, key));
    }

    @Test
    void aReaderWritesChipReadsAndNothingElse() {
        KafkaAccess reader = StackAccounts.as(broker, "reader");
        String key = "reader-" + UUID.randomUUID();
        // a read of a chip no runner wears, as a mat makes them
        ChipRead read = new ChipRead("R-ACL", "M-ESTEVELLES", key, OffsetDateTime.parse("2027-03-20T10:00:00+01:00"),
                1, -60, 1L, ChipRead.Source.MAT);
        assertNull(send(reader, Topics.CHIP_READS, key, EventJson.write(read)), "a mat's reads are taken");
        for (String topic : List.of(Topics.RUNNER_TIMINGS, Topics.ENTRIES, Topics.COURSES, Topics.RACES,
                Topics.PAST_RESULTS)) {
            assertInstanceOf(TopicAuthorizationException.class, send(reader, topic, key), topic);
            assertFalse(onTopic(topic, key), "a reader wrote to " + topic);
        }
    }

    @Test
    void resultsWebReadsWhatItShowsAndWritesNothing() {
        KafkaAccess results = StackAccounts.as(broker, "results");
        String key = "results-" + UUID.randomUUID();
        for (String topic : List.of(Topics.RUNNER_TIMINGS, Topics.ENTRIES, Topics.COURSES, Topics.RACES,
                Topics.CHIP_READS, Topics.PAST_RESULTS)) {
            // refused the topic, or already the producer's right to write anything at all
            assertInstanceOf(AuthorizationException.class, send(results, topic, key), topic);
            assertFalse(onTopic(topic, key), "results-web's account wrote to " + topic);
        }
        // the account is not merely broken: it reads the rankings' topic, without a consumer group
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(KafkaSettings.consumer(results, null, 10))) {
            TopicPartition first = new TopicPartition(Topics.RUNNER_TIMINGS, 0);
            consumer.assign(List.of(first));
            consumer.seekToBeginning(List.of(first));
            consumer.poll(Duration.ofSeconds(2));
            assertTrue(consumer.position(first, Duration.ofSeconds(10)) >= 0);
        }
    }

    @Test
    void theRegistrationAccountCannotPassForTiming() {
        KafkaAccess registration = StackAccounts.as(broker, "registration");
        String key = "registration-" + UUID.randomUUID();
        assertInstanceOf(TopicAuthorizationException.class, send(registration, Topics.RUNNER_TIMINGS, key));
        assertInstanceOf(TopicAuthorizationException.class, send(registration, Topics.CHIP_READS, key));
    }

    @Test
    void readinessSignsInToTheBroker() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'Kafka connection health check' }.status", equalTo("UP"));
    }

    /** What refused the message, or null once the broker has taken it. */
    private static Exception send(KafkaAccess access, String topic, String key) {
        return send(access, topic, key, FORGED);
    }

    private static Exception send(KafkaAccess access, String topic, String key, String value) {
        Properties settings = KafkaSettings.producer(access, "broker-accounts-test");
        // a client the broker will not talk to waits this long for the topic, then gives up
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "5000");
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "4000");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
            return null;
        } catch (ExecutionException e) {
            return refusal((Exception) e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            return refusal(e);
        }
    }

    /**
     * The broker's refusal where the client put it: a producer refused its idempotent writes may throw it wrapped in
     * a fatal-state KafkaException, as its cause or a suppressed one, depending on how far it got.
     */
    private static Exception refusal(Exception thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof AuthorizationException refused) {
                return refused;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (suppressed instanceof AuthorizationException refused) {
                    return refused;
                }
            }
        }
        return thrown;
    }

    private static boolean onTopic(String topic, String key) {
        return kafka.readAll(topic).stream().anyMatch(record -> key.equals(record.key()));
    }
}
