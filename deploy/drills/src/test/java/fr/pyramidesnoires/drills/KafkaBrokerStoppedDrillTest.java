package fr.pyramidesnoires.drills;

import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.simulator.Simulation;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
                String before = whereTheyAre(cluster, day);
                // reads taken, worked out and shown while the node is away: runners seen further on
                assertTrue(Cluster.await(Duration.ofSeconds(60), () -> {
                    String now = whereTheyAre(cluster, day);
                    return before != null && now != null && !now.equals(before);
                }),
                        "no runner seen further on while node 1 was stopped");
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

    /**
     * The last time of each of this simulation's finishers, as results shows them through nginx; null if results
     * did not answer.
     */
    private static String whereTheyAre(Cluster cluster, Simulation day) {
        StringBuilder seen = new StringBuilder();
        for (String race : Cluster.RACES) {
            Set<Integer> ours = new HashSet<>(day.expectedRanking(race));
            try {
                List<Map<String, Object>> rows = JsonPath.from(cluster.get(cluster.resultsUrl() + "/api/races/"
                        + race + "/ranking", null).body()).getList("$");
                rows.stream().filter(row -> ours.contains((Integer) row.get("bib")))
                        .forEach(row -> seen.append(row.get("bib")).append('@').append(row.get("lastTime")).append(' '));
            } catch (Exception e) {
                // nginx or a replica busy: not known this time
                return null;
            }
        }
        return seen.toString();
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
