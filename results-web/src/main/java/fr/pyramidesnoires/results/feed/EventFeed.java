package fr.pyramidesnoires.results.feed;

import fr.pyramidesnoires.events.CourseEvent;
import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.EventCheck;
import fr.pyramidesnoires.events.EventJson;
import fr.pyramidesnoires.events.KafkaAccess;
import fr.pyramidesnoires.events.KafkaSettings;
import fr.pyramidesnoires.events.PastResults;
import fr.pyramidesnoires.events.RaceEvent;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.TraceHeaders;
import fr.pyramidesnoires.results.alerts.AlertFeed;
import fr.pyramidesnoires.results.edition.Editions;
import fr.pyramidesnoires.results.live.LiveUpdates;
import fr.pyramidesnoires.results.live.Watermarks;
import fr.pyramidesnoires.results.race.ReadModel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
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
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Feeds the read model from the start of its topics, and the past editions from past-results. No consumer group:
 * every replica reads everything for itself, so replicas need nothing from each other and a new one started mid-race
 * catches up by replaying the (compacted) topics.
 */
@ApplicationScoped
public class EventFeed {

    private static final Logger LOG = Logger.getLogger(EventFeed.class);


    final ReadModel model;
    final Editions editions;
    final LiveUpdates live;
    final Watermarks marks;
    final AlertFeed alerts;
    final Counter unusable;
    final Tracer tracer;
    private volatile boolean running;
    private volatile boolean caughtUp;
    /** Messages on the broker this replica has not applied yet: how far its pages are behind timing. */
    private volatile long behind;
    private Thread thread;
    private KafkaConsumer<String, String> consumer;

    EventFeed(ReadModel model, Editions editions, LiveUpdates live, Watermarks marks, AlertFeed alerts,
            MeterRegistry metrics, Tracer tracer) {
        this.tracer = tracer;
        this.model = model;
        this.marks = marks;
        this.alerts = alerts;
        this.editions = editions;
        this.live = live;
        this.unusable = Counter.builder("results.events.unusable")
                .description("Messages left out of the results because they could not be read or used")
                .register(metrics);
        Gauge.builder("results.feed.waiting", this, feed -> feed.behind)
                .description("Messages on the broker this replica's read model has not applied yet").register(metrics);
    }

    /** True once everything that was on the topics when this replica started has been applied. */
    public boolean caughtUp() {
        return caughtUp;
    }

    void start(@Observes StartupEvent start) {
        consumer = new KafkaConsumer<>(KafkaSettings.consumer(KafkaAccess.fromConfig(), null, 5000));
        running = true;
        thread = new Thread(this::run, "results-feed");
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
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.RACES, Topics.COURSES, Topics.ENTRIES, Topics.RUNNER_TIMINGS,
                    Topics.PAST_RESULTS)) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> startEnd = consumer.endOffsets(partitions);
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    applyInItsTrace(record);
                }
                behind = partitions.stream().mapToLong(p -> consumer.currentLag(p).orElse(0)).sum();
                if (!caughtUp && startEnd.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    caughtUp = true;
                    LOG.info("Read model caught up with the topics");
                }
            }
        } catch (WakeupException e) {
            // stopping
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** A message sent in a trace (a chip read's, through timing) is applied in it, up to the live event. */
    private void applyInItsTrace(ConsumerRecord<String, String> record) {
        Context sent = TraceHeaders.extract(record.headers());
        if (!Span.fromContext(sent).getSpanContext().isValid()) {
            applyAndTell(record);
            return;
        }
        Span span = tracer.spanBuilder("results live event").setSpanKind(SpanKind.CONSUMER).setParent(sent)
                .setAttribute("messaging.destination.name", record.topic()).startSpan();
        try (Scope traced = span.makeCurrent()) {
            applyAndTell(record);
        } finally {
            span.end();
        }
    }

    private void applyAndTell(ConsumerRecord<String, String> record) {
        String changed = apply(record);
        // before telling: a stream told of the change gets the watermark that includes it
        marks.applied(record.topic(), record.partition(), record.offset(), changed);
        live.changed(changed);
    }

    /** The race the message changed, if any. */
    private String apply(ConsumerRecord<String, String> record) {
        String changed = null;
        try {
            Class<?> type = switch (record.topic()) {
                case Topics.RACES -> RaceEvent.class;
                case Topics.COURSES -> CourseEvent.class;
                case Topics.ENTRIES -> EntryEvent.class;
                case Topics.PAST_RESULTS -> PastResults.class;
                default -> RunnerTiming.class;
            };
            Object event = record.value() == null ? null : EventJson.read(record.value(), type);
            // a tombstone on runner-timings takes a runner off; anywhere else nothing was meant
            String problem = event == null && Topics.RUNNER_TIMINGS.equals(record.topic()) ? null
                    : EventCheck.problem(event);
            if (problem != null) {
                unusable(record, problem);
                return null;
            }
            if (event instanceof PastResults past) {
                // no live page shows a past edition
                editions.put(past);
                return null;
            }
            // pages of the race the message is about may show something new
            changed = switch (record.topic()) {
                case Topics.RACES -> model.race((RaceEvent) event);
                case Topics.COURSES -> model.course((CourseEvent) event);
                case Topics.ENTRIES -> model.entry((EntryEvent) event);
                default -> model.timing(record.key(), (RunnerTiming) event);
            };
            // the followers of a runner who just passed may be owed a mail
            alerts.noticed(event);
            return changed;
        } catch (RuntimeException e) {
            // anyone who reaches a topic can write to it: a message this replica cannot use must not stop the
            // results of every race
            unusable(record, e.getMessage());
            return changed;
        }
    }

    private void unusable(ConsumerRecord<String, String> record, String problem) {
        unusable.increment();
        LOG.errorf("Unusable event at %s-%d@%d left out of the results: %s", record.topic(), record.partition(),
                record.offset(), EventCheck.printable(problem));
    }
}
