package fr.pyramidesnoires.timing.ingest;

import fr.pyramidesnoires.events.KafkaAccess;
import fr.pyramidesnoires.events.KafkaSettings;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.TraceHeaders;
import fr.pyramidesnoires.timing.kafka.EventPublisher;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Consumes entries and chip reads in batches. The order of work is what makes a crash harmless: store the batch
 * in PostgreSQL, publish the runners it changed, and only then commit the offsets. A crash anywhere replays the
 * batch, which adds no read a second time (the archive logs its messages again, as they arrived again) and
 * republishes the same snapshots. A message that cannot be stored is kept aside in quarantine, never retried
 * forever: anyone who reaches the topic can write one.
 */
@ApplicationScoped
public class TimingConsumer {

    private static final Logger LOG = Logger.getLogger(TimingConsumer.class);

    @ConfigProperty(name = "timing.consumer-group")
    String groupId;
    @ConfigProperty(name = "timing.max-batch")
    int maxBatch;

    final TimingBatch batch;
    final EventPublisher publisher;
    final RecomputeRequests requests;
    final PublishedTimings published;
    final ConsumerProgress progress;
    final PublishingTurn turn;
    final ConsumerLag lag;
    final IngestMetrics metrics;
    final Tracer tracer;
    private volatile boolean running;
    private Thread thread;
    private KafkaConsumer<String, byte[]> consumer;

    TimingConsumer(TimingBatch batch, EventPublisher publisher, RecomputeRequests requests,
                   PublishedTimings published, ConsumerProgress progress, PublishingTurn turn, ConsumerLag lag,
                   IngestMetrics metrics, Tracer tracer) {
        this.batch = batch;
        this.publisher = publisher;
        this.requests = requests;
        this.published = published;
        this.progress = progress;
        this.turn = turn;
        this.lag = lag;
        this.metrics = metrics;
        this.tracer = tracer;
    }

    void start(@Observes StartupEvent start) {
        Properties settings = KafkaSettings.consumer(KafkaAccess.fromConfig(), groupId, maxBatch);
        // bytes, not text: a chip-read message is kept exactly as it came, even when it is not UTF-8
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        // a backlog (a mat replaying its buffer) comes in full batches: one partition's fetch may hold a whole batch
        // of reads, about 250 bytes each
        settings.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(maxBatch * 300));
        consumer = new KafkaConsumer<>(settings);
        // an official's decision should not wait for the next chip read to show
        requests.onRequest(consumer::wakeup);
        running = true;
        thread = new Thread(this::run, "timing-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent stop) throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
    }

    private void run() {
        try {
            consumer.subscribe(List.of(Topics.ENTRIES, Topics.CHIP_READS), new EntriesFirst());
            while (running) {
                try {
                    ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                    lag.measure(consumer);
                    progress.polled(records.count() + lag.waiting());
                    resumeReadsOnceEntriesAreCaughtUp();
                    if (!records.isEmpty()) {
                        handle(records);
                    }
                } catch (WakeupException e) {
                    // stopping, or an official's decision to work out: the loop condition tells which
                } catch (RuntimeException e) {
                    // a commit refused by a rebalance, a broker away, an account refused: timing must outlive
                    // them all; the next poll starts again from the last committed offsets where needed
                    LOG.error("Timing consumer failed, going on", e);
                    pause();
                }
                recomputeRequested();
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /**
     * Chip reads wait while the entries catch up, at start-up or after a rebalance: a backlog of reads taken before
     * their runners are known would all be unknown chips, kept one by one, and worked out again once the entries
     * come.
     */
    private final class EntriesFirst implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            List<TopicPartition> reads = partitions.stream().filter(p -> p.topic().equals(Topics.CHIP_READS)).toList();
            if (!reads.isEmpty()) {
                LOG.infof("Chip reads wait until the entries are caught up (%d partitions)", reads.size());
                consumer.pause(reads);
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // what was taken is committed after each batch: nothing to hand over
        }
    }

    private void resumeReadsOnceEntriesAreCaughtUp() {
        Set<TopicPartition> paused = consumer.paused();
        // the lag is unknown until a fetch has come back from the partition: until then, not caught up
        if (!paused.isEmpty() && consumer.assignment().stream().filter(p -> p.topic().equals(Topics.ENTRIES))
                .allMatch(p -> consumer.currentLag(p).orElse(1) == 0)) {
            LOG.info("Entries caught up: chip reads resume");
            consumer.resume(paused);
        }
    }

    private void handle(ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> messages = new ArrayList<>(records.count());
        records.forEach(messages::add);
        Span span = batchSpan(messages);
        try (Scope traced = span.makeCurrent()) {
            long start = System.nanoTime();
            int sent = turn.take(() -> metrics.timeBatch(() -> storeAndPublish(messages)));
            LOG.debugf("%d messages stored and %d timings published in %d ms", messages.size(), sent,
                    (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.error("Batch of " + messages.size() + " messages not stored or not published, retrying it", e);
            rewind(messages);
            pause();
            return;
        } finally {
            span.end();
        }
        try {
            consumer.commitSync();
        } catch (WakeupException e) {
            // an official's decision woke the consumer up: it is worked out right after this commit
            consumer.commitSync();
        }
        progress.advanced();
    }

    /**
     * One span for the batch, in the trace of its first message that came with one, so that a read followed from
     * the mat reaches the timings it changed; the batch's other traced messages are linked to it.
     */
    private Span batchSpan(List<ConsumerRecord<String, byte[]>> messages) {
        SpanBuilder span = tracer.spanBuilder("timing batch").setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.batch.message_count", messages.size());
        Context parent = null;
        for (ConsumerRecord<String, byte[]> message : messages) {
            Context sent = TraceHeaders.extract(message.headers());
            SpanContext context = Span.fromContext(sent).getSpanContext();
            if (!context.isValid()) {
                continue;
            }
            if (parent == null) {
                parent = sent;
            } else {
                span.addLink(context);
            }
        }
        return (parent == null ? span.setNoParent() : span.setParent(parent)).startSpan();
    }

    /**
     * Stores the messages and publishes what they changed. A batch that fails for what it holds is split in two and
     * each half stored on its own, down to the message that fails alone, which is kept aside: one bad message
     * never holds up the others. Halves stored before a later failure are stored again on the retry, which adds
     * nothing.
     *
     * @return how many timings were sent
     * @throws RuntimeException when the database or the broker is away: the whole batch is then tried again later
     */
    private int storeAndPublish(List<ConsumerRecord<String, byte[]>> messages) {
        List<EventPublisher.Message> timings;
        try {
            timings = batch.store(messages);
        } catch (RuntimeException e) {
            if (StoreFailure.isTransient(e)) {
                throw e;
            }
            if (messages.size() > 1) {
                int half = messages.size() / 2;
                return storeAndPublish(messages.subList(0, half))
                        + storeAndPublish(messages.subList(half, messages.size()));
            }
            park(messages.get(0), e);
            return 0;
        }
        return publish(timings).size();
    }

    private void park(ConsumerRecord<String, byte[]> message, RuntimeException failure) {
        String reason = "not stored with its batch: " + StoreFailure.reason(failure);
        LOG.errorf(failure, "Message at %s-%d@%d kept aside in quarantine: %s", message.topic(), message.partition(),
                message.offset(), reason);
        // a row of bytes and printable text: if the database refuses even that, it is the database's fault, and the
        // batch is tried again as it is rather than moved past
        batch.park(message, reason);
        progress.parked();
        metrics.notStored();
    }

    private void recomputeRequested() {
        RecomputeRequests.Pending pending = requests.take();
        if (pending.isEmpty()) {
            return;
        }
        try {
            turn.take(() -> publish(batch.recompute(pending)));
        } catch (RuntimeException e) {
            LOG.error("Official decisions not applied yet, retrying", e);
            requests.putBack(pending);
            pause();
        }
    }

    /** @return what was sent: the snapshots that changed, tombstones and courses */
    private List<EventPublisher.Message> publish(List<EventPublisher.Message> messages) {
        List<EventPublisher.Message> news = published.news(messages);
        publisher.sendAll(news);
        published.sent(news);
        return news;
    }

    /** Back to the first message of the failed batch on every partition, so nothing is skipped. */
    private void rewind(List<ConsumerRecord<String, byte[]>> messages) {
        Map<TopicPartition, Long> first = new HashMap<>();
        for (ConsumerRecord<String, byte[]> m : messages) {
            first.merge(new TopicPartition(m.topic(), m.partition()), m.offset(), Math::min);
        }
        first.forEach(consumer::seek);
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
