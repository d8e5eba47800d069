package fr.pyramidesnoires.events.testing;

import fr.pyramidesnoires.events.EventJson;
import fr.pyramidesnoires.events.KafkaAccess;
import fr.pyramidesnoires.events.KafkaSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Watches and feeds topics of the real broker in tests. It reads a topic from its beginning, so tests find their
 * own events by a value they made unique (an entry id, a chip) rather than by timing. It plays every producer of
 * the platform, so it signs in as the stack's admin.
 */
public final class TopicProbe implements AutoCloseable {

    private final KafkaAccess access;
    private final KafkaProducer<String, String> producer;

    /** On this broker, as the test stack's admin. */
    public TopicProbe(KafkaAccess broker) {
        this.access = StackAccounts.as(broker, "admin");
        this.producer = new KafkaProducer<>(KafkaSettings.producer(access, "topic-probe"));
    }

    private static TopicProbe shared;

    /** On the broker the service under test is configured with, in a test that runs inside it. */
    public static TopicProbe onTheServicesBroker() {
        return new TopicProbe(KafkaAccess.fromConfig());
    }

    /**
     * One probe on the service's broker for all the test classes of a run that share helpers, opened by the first
     * that needs it and closed with the JVM: a class that closed its own would leave the others without one.
     */
    public static synchronized TopicProbe shared() {
        if (shared == null) {
            shared = onTheServicesBroker();
        }
        return shared;
    }

    /** Sends raw text, so that tests can also send what is not a valid event. */
    public void sendRaw(String topic, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("Kafka refused the test message", e);
        }
    }

    public void send(String topic, String key, Object event) {
        sendRaw(topic, key, EventJson.write(event));
    }

    /** The last event on the topic that matches, once one has appeared within the timeout. */
    public <T> T awaitLast(String topic, Class<T> type, Predicate<T> wanted, Duration timeout) {
        return Eventually.until(() -> all(topic, type, wanted).stream().reduce((first, second) -> second),
                Optional::isPresent, timeout, none -> "No matching event on " + topic + " within " + timeout).get();
    }

    /** Every event now on the topic that matches, in partition order; tombstones are not events. */
    public <T> List<T> all(String topic, Class<T> type, Predicate<T> wanted) {
        List<T> matching = new ArrayList<>();
        for (ConsumerRecord<String, String> record : readAll(topic)) {
            if (record.value() == null) {
                continue;
            }
            T event;
            try {
                event = EventJson.read(record.value(), type);
            } catch (EventJson.MalformedEventException unreadable) {
                // not the event any test awaits: the topics are shared by every test of the run, and some put
                // unreadable messages on them on purpose, to see a consumer keep going
                continue;
            }
            if (wanted.test(event)) {
                matching.add(event);
            }
        }
        return matching;
    }

    public List<ConsumerRecord<String, String>> readAll(String topic) {
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(KafkaSettings.consumer(access, null, 5000))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
