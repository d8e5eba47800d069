package fr.pyramidesnoires.drills;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.drills.LiveStream.Connection;
import fr.pyramidesnoires.drills.LiveStream.Event;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One results-web replica killed (-9) mid-race while spectators hold live streams through nginx: nginx sends
 * pages and reconnecting streams to the two others, each stream that was on the dead replica is told at once of
 * what changed while it was away, and the day ends with the ground truth.
 */
class ResultsReplicaKilledDrillTest {

    /** Enough streams that nginx's round robin puts some on every replica. */
    private static final int STREAMS_PER_RACE = 4;
    /** Away longer than a browser's second, so that the race surely changed meanwhile (half an hour a second). */
    private static final Duration AWAY = Duration.ofSeconds(2);
    /** "At once": the missed change comes with the reconnection's first bytes, not with the race's next change. */
    private static final Duration AT_ONCE = Duration.ofSeconds(1);

    @Test
    void streamsReconnectToAnotherReplicaAndMissNoChange() throws Exception {
        Cluster cluster = Cluster.get();
        Race.breakMidRace(cluster, 50, 1515, day -> {
            List<LiveStream> streams = new ArrayList<>();
            try {
                for (String race : Cluster.RACES) {
                    for (int i = 0; i < STREAMS_PER_RACE; i++) {
                        streams.add(new LiveStream(cluster.resultsUrl(), race, AWAY));
                    }
                }
                assertTrue(Cluster.await(Duration.ofSeconds(15),
                        () -> streams.stream().allMatch(s -> s.lastId() != null)),
                        "some stream never had its opening id");

                cluster.kill("results-1");
                pagesAnswerThroughNginx(cluster, Duration.ofSeconds(6));

                List<LiveStream> moved = streams.stream().filter(s -> s.connections.size() > 1).toList();
                assertFalse(moved.isEmpty(), "no stream was on results-1: the drill proved nothing");
                for (LiveStream stream : moved) {
                    toldOfWhatItMissed(stream);
                }
                assertTrue(streams.stream().allMatch(s -> s.connections.get(s.connections.size() - 1).status() == 200),
                        "a stream is not open again");
            } finally {
                for (LiveStream stream : streams) {
                    stream.close();
                }
            }
            // back to three for the drills that follow; it catches up from the topics
            cluster.startInstance("results-1");
        });
    }

    /** Each race's page and ranking, again and again while nginx finds out the replica is gone: always 200. */
    private static void pagesAnswerThroughNginx(Cluster cluster, Duration during) throws Exception {
        long end = System.nanoTime() + during.toNanos();
        int asked = 0;
        while (System.nanoTime() < end) {
            for (String race : Cluster.RACES) {
                for (String path : List.of("/races/" + race, "/api/races/" + race + "/ranking")) {
                    HttpResponse<String> answer = cluster.get(cluster.resultsUrl() + path, null);
                    assertEquals(200, answer.statusCode(), path + " answered after the kill");
                    asked++;
                }
            }
        }
        assertTrue(asked > 8, "too few pages asked to tell: " + asked);
    }

    /**
     * The stream's second connection asked from the id of the last event it had, and its first event, a change,
     * came at once and goes past that id.
     */
    private static void toldOfWhatItMissed(LiveStream stream) throws InterruptedException {
        assertTrue(Cluster.await(Duration.ofSeconds(10),
                        () -> stream.events.stream().anyMatch(e -> e.connection() == 1)),
                "the stream of " + stream.race + " reconnected but was told nothing");
        Connection again = stream.connections.get(1);
        assertEquals(200, again.status(), "reconnecting through nginx");
        assertNotNull(again.lastEventId(), "the client had no id to send");
        Event first = stream.events.stream().filter(e -> e.connection() == 1).findFirst().orElseThrow();
        assertEquals("message", first.type(), "the first event after reconnecting is not a change");
        long after = TimeUnit.NANOSECONDS.toMillis(first.atNanos() - again.atNanos());
        assertTrue(after <= AT_ONCE.toMillis(), "the missed change of " + stream.race + " came " + after
                + " ms after reconnecting: told with the next change, not at once");
        assertTrue(beyond(first.id(), again.lastEventId()),
                first.id() + " does not go past " + again.lastEventId());
    }

    /**
     * Whether one live event id (topic:partition=offset, comma-separated: the race's Kafka watermark) went through
     * a message the other did not; read here rather than with results-web's class, which the drills do not load.
     */
    private static boolean beyond(String id, String other) {
        Map<String, Long> before = offsets(other);
        return offsets(id).entrySet().stream().anyMatch(e -> e.getValue() > before.getOrDefault(e.getKey(), 0L));
    }

    private static Map<String, Long> offsets(String id) {
        return Arrays.stream(id.split(",")).filter(entry -> !entry.isBlank()).map(entry -> entry.split("="))
                .collect(Collectors.toMap(pair -> pair[0], pair -> Long.parseLong(pair[1])));
    }
}
