package fr.pyramidesnoires.registration.outbox;

import fr.pyramidesnoires.events.KafkaAccess;
import fr.pyramidesnoires.events.KafkaSettings;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.hibernate.Session;

/**
 * Moves outbox messages to Kafka in the order they were written, then deletes them. A message is deleted only
 * once the broker has acknowledged it, so a crash between the two re-sends it: consumers get at least once,
 * and every event is a snapshot they can apply twice.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final int BATCH = 500;
    /** Only one relay at a time across replicas, so events of one key never overtake each other. */
    private static final long RELAY_LOCK = 0x7470_6e5f_6f75_74L;
    private static final String LOCK = "SELECT pg_try_advisory_xact_lock(?)";
    /** In the order the database numbered them as they were written (V2 migration), not by id. */
    private static final String OLDEST = """
            SELECT id, topic, messagekey, payload FROM outboxmessage ORDER BY written LIMIT ?""";
    private static final String DELETE = "DELETE FROM outboxmessage WHERE id = ANY(?)";

    final EntityManager em;
    private KafkaProducer<String, String> producer;
    private RelayLoop loop;

    OutboxRelay(EntityManager em) {
        this.em = em;
    }

    void start(@Observes StartupEvent start) {
        producer = new KafkaProducer<>(KafkaSettings.producer(KafkaAccess.fromConfig(), "registration-outbox"));
        // a full batch means more are waiting: the next round at once
        loop = RelayLoop.start("outbox-relay", () -> relayBatch() < BATCH ? 50 : 0);
    }

    void stop(@Observes ShutdownEvent stop) throws InterruptedException {
        loop.stop();
        producer.close(Duration.ofSeconds(5));
    }

    int relayBatch() {
        return QuarkusTransaction.requiringNew().call(() -> em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
                lock.setLong(1, RELAY_LOCK);
                try (ResultSet locked = lock.executeQuery()) {
                    if (!locked.next() || !locked.getBoolean(1)) {
                        return 0;
                    }
                }
            }
            // plain JDBC: the relay only reads and deletes, and entities cost it most of its time in a rush
            List<Long> ids = new ArrayList<>(BATCH);
            List<Future<RecordMetadata>> sent = new ArrayList<>(BATCH);
            try (PreparedStatement select = connection.prepareStatement(OLDEST)) {
                select.setInt(1, BATCH);
                try (ResultSet messages = select.executeQuery()) {
                    while (messages.next()) {
                        ids.add(messages.getLong(1));
                        sent.add(producer.send(new ProducerRecord<>(messages.getString(2), messages.getString(3),
                                messages.getString(4))));
                    }
                }
            }
            for (Future<RecordMetadata> ack : sent) {
                try {
                    ack.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Stopped while Kafka took the outbox messages", e);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("Kafka refused an outbox message", e.getCause());
                }
            }
            // by id, not by range: a message with a lower id may commit after this batch was read
            try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
                delete.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
                delete.executeUpdate();
            }
            return ids.size();
        }));
    }
}
