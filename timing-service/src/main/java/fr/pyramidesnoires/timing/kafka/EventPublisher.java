package fr.pyramidesnoires.timing.kafka;

import fr.pyramidesnoires.events.EventJson;
import fr.pyramidesnoires.events.KafkaAccess;
import fr.pyramidesnoires.events.KafkaSettings;
import fr.pyramidesnoires.events.TraceHeaders;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** timing-service's one producer. Sends return only once the broker has every message. */
@ApplicationScoped
public class EventPublisher {

    /** A message to send; a null event is a tombstone. */
    public record Message(String topic, String key, Object event) {
    }

    /** Text sent as it is: a message that is not a valid event, forwarded so that timing keeps it. */
    public record Raw(String text) {
    }

    private KafkaProducer<String, String> producer;

    @PostConstruct
    void connect() {
        producer = new KafkaProducer<>(KafkaSettings.producer(KafkaAccess.fromConfig(), "timing-service"));
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }

    public void sendAll(List<Message> messages) {
        List<Future<?>> acks = new ArrayList<>(messages.size());
        for (Message m : messages) {
            String value = m.event() == null ? null
                    : m.event() instanceof Raw raw ? raw.text() : EventJson.write(m.event());
            ProducerRecord<String, String> record = new ProducerRecord<>(m.topic(), m.key(), value);
            TraceHeaders.inject(record.headers());
            acks.add(producer.send(record));
        }
        for (Future<?> ack : acks) {
            try {
                ack.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("Kafka refused a message", e.getCause());
            }
        }
    }
}
