package fr.pyramidesnoires.drills;

import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.simulator.Simulation;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;

/**
 * One Kafka node stopped mid-race, then started again: the mats' reads, timing's consumer and producer, the
 * results replicas all go on with the two others, and the day ends with the ground truth, no read lost.
 */
class KafkaBrokerStoppedDrillTest {

    @Test
    void theRaceGoesOnOnTwoNodesAndTheThirdCatchesUp() throws Exception {
        Cluster cluster = Cluster.get();
        try {
            Race.breakMidRace(cluster, 60, 2626, day -> {
                cluster.stopBroker(1);
                int before = finishers(cluster, day);
                // reads taken, worked out and shown while the node is away: more runners home
                assertTrue(Cluster.await(Duration.ofSeconds(60), () -> finishers(cluster, day) > before),
                        "no runner more came home while node 1 was stopped (" + before + " before)");
                cluster.startBroker(1);
            });
        } finally {
            // whole again for the next drill, whatever this one found (a node running already is left as it is)
            cluster.startBroker(1);
        }
        try (Admin kafka = cluster.kafkaAdmin()) {
            assertTrue(Cluster.await(Duration.ofSeconds(60), () -> allReplicasInSync(kafka)),
                    "node 1 never caught up on every partition");
        }
    }

    /** This simulation's runners ranked on any race, as results shows them through nginx. */
    private static int finishers(Cluster cluster, Simulation day) {
        int ranked = 0;
        for (String race : Cluster.RACES) {
            try {
                ranked += cluster.ranking(race, new HashSet<>(day.expectedRanking(race))).size();
            } catch (Exception e) {
                return -1;
            }
        }
        return ranked;
    }

    private static boolean allReplicasInSync(Admin kafka) {
        try {
            List<String> topics = List.of(Topics.CHIP_READS, Topics.ENTRIES, Topics.RUNNER_TIMINGS);
            for (TopicDescription topic : kafka.describeTopics(topics).allTopicNames().get().values()) {
                if (topic.partitions().stream().anyMatch(p -> p.isr().size() < 3)) {
                    return false;
                }
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
