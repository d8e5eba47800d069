package fr.pyramidesnoires.drills;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.KafkaSettings;
import fr.pyramidesnoires.events.Topics;
import io.restassured.path.json.JsonPath;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * What the mats and the volunteers sent during a drill, as the chip-reads topic holds it (every message there was
 * acknowledged by two nodes at least), against what timing archived: a read the drill made timing lose shows as a
 * message of the topic missing from its chip's archive.
 */
final class ReadLedger {

    private final Cluster cluster;
    private final Map<TopicPartition, Long> from;

    private ReadLedger(Cluster cluster, Map<TopicPartition, Long> from) {
        this.cluster = cluster;
        this.from = from;
    }

    /** The topic's ends now: the drill's reads are those written from here on. */
    static ReadLedger opened(Cluster cluster) {
        try (KafkaConsumer<String, String> consumer = consumer(cluster)) {
            return new ReadLedger(cluster, new HashMap<>(consumer.endOffsets(partitions(consumer))));
        }
    }

    /**
     * Every message written since the ledger opened is in its chip's archive at timing (through nginx), at its
     * own partition and offset.
     *
     * @return how many reads were checked
     */
    int assertEveryReadArchived() throws Exception {
        Map<String, Set<String>> sent = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = consumer(cluster)) {
            Map<TopicPartition, Long> to = consumer.endOffsets(from.keySet());
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            Set<TopicPartition> done = new HashSet<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (done.size() < from.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> m : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(m.topic(), m.partition());
                    if (m.offset() < to.get(partition) && m.key() != null) {
                        sent.computeIfAbsent(m.key(), chip -> new TreeSet<>()).add(m.partition() + "@" + m.offset());
                    }
                }
                for (TopicPartition partition : from.keySet()) {
                    if (consumer.position(partition) >= to.get(partition)) {
                        done.add(partition);
                    }
                }
            }
            assertEquals(from.size(), done.size(), "the chip-reads topic was not read to its end");
        }
        int reads = 0;
        for (Map.Entry<String, Set<String>> chip : sent.entrySet()) {
            HttpResponse<String> archive = cluster.get(cluster.timingUrl() + "/api/chips/"
                    + URLEncoder.encode(chip.getKey(), StandardCharsets.UTF_8) + "/reads", Cluster.OFFICIAL);
            assertEquals(200, archive.statusCode(), archive.body());
            List<Map<String, Object>> archived = JsonPath.from(archive.body()).getList("$");
            Set<String> kept = new HashSet<>();
            archived.forEach(r -> kept.add(r.get("partition") + "@" + r.get("offset")));
            Set<String> lost = new TreeSet<>(chip.getValue());
            lost.removeAll(kept);
            assertEquals(Set.of(), lost, "reads of chip " + chip.getKey() + " on the topic but not in timing's archive");
            reads += chip.getValue().size();
        }
        assertTrue(reads > 0, "the drill sent no read");
        return reads;
    }

    private static KafkaConsumer<String, String> consumer(Cluster cluster) {
        return new KafkaConsumer<>(KafkaSettings.consumer(cluster.admin(), null, 2000));
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer) {
        return consumer.partitionsFor(Topics.CHIP_READS).stream().map(PartitionInfo::partition).sorted()
                .map(p -> new TopicPartition(Topics.CHIP_READS, p)).toList();
    }
}
