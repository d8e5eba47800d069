package fr.pyramidesnoires.registration.outbox;

import fr.pyramidesnoires.events.KafkaSettings;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Moves outbox messages to Kafka in the order they were written, then deletes them. A message is deleted only
 * once the broker has acknowledged it, so a crash between the two re-sends it: consumers get at least once,
 * and every event is a snapshot they can apply twice.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 500;
    /** Only one relay at a time across replicas, so events of one key never overtake each other. */
    private static final long RELAY_LOCK = 0x7470_6e5f_6f75_74L;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    final EntityManager em;
    private volatile boolean running;
    private Thread thread;
    private KafkaProducer<String, String> producer;

    OutboxRelay(EntityManager em) {
        this.em = em;
    }

    void start(@Observes StartupEvent start) {
        producer = new KafkaProducer<>(KafkaSettings.producer(bootstrapServers, "registration-outbox"));
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent stop) throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(10_000);
        producer.close(Duration.ofSeconds(5));
    }

    private void run() {
        while (running) {
            try {
                if (relayBatch() < BATCH) {
                    Thread.sleep(50);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("Outbox relay failed, retrying: " + e.getMessage());
                sleepQuietly();
            }
        }
    }

    int relayBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Boolean locked = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, RELAY_LOCK).getSingleResult();
            if (!locked) {
                return 0;
            }
            List<OutboxMessage> batch = OutboxMessage.find("order by id").page(0, BATCH).list();
            List<Future<RecordMetadata>> sent = new ArrayList<>(batch.size());
            for (OutboxMessage message : batch) {
                sent.add(producer.send(new ProducerRecord<>(message.topic, message.messageKey, message.payload)));
            }
            for (Future<RecordMetadata> ack : sent) {
                try {
                    ack.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("Kafka refused an outbox message", e.getCause());
                }
            }
            // by id, not by range: a message with a lower id may commit after this batch was read
            OutboxMessage.delete("id in ?1", batch.stream().map(m -> m.id).toList());
            return batch.size();
        });
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
