package fr.pyramidesnoires.drills;

import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of a timing-service instance mid-race: the other instance of the consumer group takes its partitions,
 * and the day ends as the simulator says it truly went, no read lost.
 */
class TimingInstanceKilledDrillTest {

    @Test
    void theOtherInstanceTakesOverAndTheRankingsEndTrue() throws Exception {
        Cluster cluster = Cluster.get();
        try {
            Race.breakMidRace(cluster, 60, 1515, day -> {
                cluster.kill("timing-1");
                try (Admin kafka = cluster.kafkaAdmin()) {
                    assertTrue(Cluster.await(Duration.ofSeconds(60), () -> survivorHoldsEverything(kafka)),
                            () -> "timing-2 never took every partition of entries and chip-reads: " + members(kafka));
                }
            });
        } finally {
            // whole again for the next drill, whatever this one found
            cluster.startInstance("timing-1");
        }
    }

    /** One member left in timing's group, holding entries and the six partitions of chip-reads. */
    private static boolean survivorHoldsEverything(Admin kafka) {
        List<MemberDescription> members = members(kafka);
        if (members.size() != 1) {
            return false;
        }
        Set<TopicPartition> held = members.get(0).assignment().topicPartitions();
        Set<Integer> reads = held.stream().filter(p -> p.topic().equals(Topics.CHIP_READS))
                .map(TopicPartition::partition).collect(Collectors.toSet());
        return reads.equals(Set.of(0, 1, 2, 3, 4, 5)) && held.contains(new TopicPartition(Topics.ENTRIES, 0));
    }

    private static List<MemberDescription> members(Admin kafka) {
        try {
            ConsumerGroupDescription group = kafka.describeConsumerGroups(List.of("timing-service")).all().get()
                    .get("timing-service");
            return List.copyOf(group.members());
        } catch (Exception e) {
            return List.of();
        }
    }
}
