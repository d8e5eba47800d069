package fr.pyramidesnoires.timing.ingest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Messages still on the broker, partition by partition, for the partitions this instance holds: a growing figure
 * on chip-reads is timing falling behind the mats, the first thing race control wants to know during a rush.
 */
@ApplicationScoped
public class ConsumerLag {

    /** @param waiting messages on the broker beyond this instance's position */
    public record Partition(String topic, int partition, long waiting) {
    }

    /** What race control and the mat board show: the total first, then each partition. */
    public record Snapshot(long waiting, List<Partition> partitions) {
    }

    private final MeterRegistry metrics;
    private final Map<TopicPartition, Long> lag = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Gauge> gauges = new ConcurrentHashMap<>();

    ConsumerLag(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    /** After each poll: a partition not fetched from yet counts nothing; one handed to another instance goes. */
    void measure(Consumer<?, ?> consumer) {
        var assigned = consumer.assignment();
        for (TopicPartition partition : assigned) {
            lag.put(partition, consumer.currentLag(partition).orElse(0));
            gauges.computeIfAbsent(partition, p -> Gauge.builder("timing.consumer.lag", lag,
                            l -> l.getOrDefault(p, 0L))
                    .description("Messages waiting on the broker, by partition this instance consumes")
                    .tags("topic", p.topic(), "partition", String.valueOf(p.partition()))
                    .register(metrics));
        }
        gauges.keySet().removeIf(partition -> {
            if (assigned.contains(partition)) {
                return false;
            }
            metrics.remove(gauges.get(partition));
            lag.remove(partition);
            return true;
        });
    }

    long waiting() {
        return lag.values().stream().mapToLong(Long::longValue).sum();
    }

    public Snapshot snapshot() {
        List<Partition> partitions = lag.entrySet().stream()
                .map(e -> new Partition(e.getKey().topic(), e.getKey().partition(), e.getValue()))
                .sorted(Comparator.comparing(Partition::topic).thenComparingInt(Partition::partition))
                .toList();
        return new Snapshot(partitions.stream().mapToLong(Partition::waiting).sum(), partitions);
    }
}
