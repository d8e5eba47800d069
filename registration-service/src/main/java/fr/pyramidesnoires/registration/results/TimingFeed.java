package fr.pyramidesnoires.registration.results;

import fr.pyramidesnoires.events.EventCheck;
import fr.pyramidesnoires.events.EventJson;
import fr.pyramidesnoires.events.KafkaAccess;
import fr.pyramidesnoires.events.KafkaSettings;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.registration.outbox.RelayLoop;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Keeps timing's latest snapshot of each runner (the runner-timings topic) in registration's own table, for the
 * federations' results files: they need the runners' birth dates and licences, which never leave this service. The
 * offsets are committed once the batch is stored, so a restart or another replica of the group takes up where the
 * database is; storing a snapshot twice changes nothing.
 */
@ApplicationScoped
public class TimingFeed {

    /** The consumer group of every registration replica: deploy/stack.sh grants it runner-timings. */
    public static final String GROUP = "registration-service";
    private static final Logger LOG = Logger.getLogger(TimingFeed.class);
    private static final int MOST_PER_POLL = 500;

    final EntityManager em;
    private KafkaConsumer<String, String> consumer;
    private RelayLoop loop;
    /** Set when a batch was polled and not stored: it is read again from the last commit before the next poll. */
    private boolean rewind;

    TimingFeed(EntityManager em) {
        this.em = em;
    }

    void start(@Observes StartupEvent start) {
        consumer = new KafkaConsumer<>(KafkaSettings.consumer(KafkaAccess.fromConfig(), GROUP, MOST_PER_POLL));
        consumer.subscribe(List.of(Topics.RUNNER_TIMINGS));
        loop = RelayLoop.start("runner-timings feed", this::round);
    }

    void stop(@Observes ShutdownEvent stop) throws InterruptedException {
        loop.stop();
        consumer.close(Duration.ofSeconds(5));
    }

    /** Stores what one poll brought, then commits it; a failure is retried by the loop from the last commit. */
    private long round() {
        if (rewind) {
            Set<TopicPartition> assigned = consumer.assignment();
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assigned);
            for (TopicPartition partition : assigned) {
                OffsetAndMetadata offset = committed.get(partition);
                if (offset == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, offset.offset());
                }
            }
            rewind = false;
        }
        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
        if (!records.isEmpty()) {
            rewind = true;
            QuarkusTransaction.requiringNew().run(() -> store(records));
            consumer.commitSync();
            rewind = false;
        }
        return 0;
    }

    /**
     * Each snapshot in place of the runner's last, each tombstone taking the runner off, one after the other in the
     * topic's order: a runner taken off and given again within one poll must end up there.
     */
    private void store(ConsumerRecords<String, String> records) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO runnertiming (racecode, bib, status, guntimems, chiptimems) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (racecode, bib) DO UPDATE
                    SET status = excluded.status, guntimems = excluded.guntimems, chiptimems = excluded.chiptimems""");
                 PreparedStatement delete = connection.prepareStatement(
                         "DELETE FROM runnertiming WHERE racecode = ? AND bib = ?")) {
                for (ConsumerRecord<String, String> record : records) {
                    if (record.value() == null) {
                        forget(record, delete);
                    } else {
                        keep(record, upsert);
                    }
                }
            }
        });
    }

    private static void keep(ConsumerRecord<String, String> record, PreparedStatement upsert) throws SQLException {
        RunnerTiming timing;
        String problem;
        try {
            timing = EventJson.read(record.value(), RunnerTiming.class);
            problem = EventCheck.problem(timing);
        } catch (RuntimeException e) {
            timing = null;
            problem = e.getMessage();
        }
        if (problem == null && !storable(timing.raceCode())) {
            problem = "a race code registration cannot hold";
        }
        if (problem != null) {
            // anyone with the timing account could write it: one message must not stop the results files
            LOG.errorf("Runner timing at %s-%d@%d left out of the results files: %s", record.topic(),
                    record.partition(), record.offset(), EventCheck.printable(problem));
            return;
        }
        upsert.setString(1, timing.raceCode());
        upsert.setInt(2, timing.bib());
        upsert.setString(3, timing.status().name());
        upsert.setObject(4, timing.gunTimeMs(), Types.BIGINT);
        upsert.setObject(5, timing.chipTimeMs(), Types.BIGINT);
        upsert.executeUpdate();
    }

    /** A tombstone: the key {@code race/bib} no longer names a runner. */
    private static void forget(ConsumerRecord<String, String> record, PreparedStatement delete) throws SQLException {
        String key = record.key() == null ? "" : record.key();
        int slash = key.lastIndexOf('/');
        if (slash > 0 && storable(key.substring(0, slash)) && key.substring(slash + 1).matches("\\d{1,9}")) {
            delete.setString(1, key.substring(0, slash));
            delete.setInt(2, Integer.parseInt(key.substring(slash + 1)));
            delete.executeUpdate();
        }
    }

    /** What the race code column takes: PostgreSQL refuses a NUL, and the column its length. */
    private static boolean storable(String raceCode) {
        return raceCode.length() <= 255 && raceCode.chars().noneMatch(Character::isISOControl);
    }
}
