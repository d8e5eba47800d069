package fr.pyramidesnoires.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.simulator.Simulation;
import fr.pyramidesnoires.simulator.SimulatorMain;
import fr.pyramidesnoires.simulator.TimingClient;
import java.time.Duration;
import java.util.Map;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A small seeded race day through the real platform, officials and volunteers included: the live results must
 * end up with exactly the rankings and official times the simulator works out from its own true crossing times,
 * late replayed reads and bibs typed where a mat missed a runner included.
 */
class SimulatedRaceCheckTest {

    static final List<String> RACES = List.of("110K", "55K", "35K", "22K");

    @Test
    void theLiveRankingsMatchTheGroundTruth() throws Exception {
        Platform platform = Platform.get();
        Simulation day = SimulatorMain.prepare(platform.registration.url(),
                Platform.ROOT.resolve("timing-service/src/main/resources/courses-sample.json"), 50, 424242,
                Instant.parse("2027-03-20T04:00:00Z"));
        assertTrue(day.registeredRunners() >= 45, "registered: " + day.registeredRunners());

        SimulatorMain.play(day, Platform.KAFKA,
                new TimingClient(platform.timing.url(), Platform.OFFICIAL, Platform.VOLUNTEER), 0);

        for (String race : RACES) {
            List<Integer> expected = day.expectedRanking(race);
            assertEquals(expected, awaitRanking(platform, race, expected), "ranking of " + race);
            Map<Integer, Duration> times = day.expectedTimes(race);
            List<Map<String, Object>> rows = given().baseUri(platform.results.url())
                    .when().get("/api/races/" + race + "/ranking").jsonPath().getList("$");
            for (Map<String, Object> row : rows) {
                Duration truth = times.get((Integer) row.get("bib"));
                if (truth != null) {
                    // the finish mat's clock is off by a few tens of milliseconds, and results show whole seconds
                    long shown = RaceTimesParser.seconds((String) row.get("raceTime"));
                    assertTrue(Math.abs(shown - truth.toSeconds()) <= 1,
                            "bib " + row.get("bib") + " shows " + row.get("raceTime") + ", truly " + truth);
                }
            }
        }
    }

    @Test
    void aReplicaStartedLateShowsWhatTheOthersShowOnceReady() throws Exception {
        Platform platform = Platform.get();
        Simulation day = SimulatorMain.prepare(platform.registration.url(),
                Platform.ROOT.resolve("timing-service/src/main/resources/courses-sample.json"), 20, 77,
                Instant.parse("2027-03-20T04:00:00Z"));
        SimulatorMain.play(day, Platform.KAFKA,
                new TimingClient(platform.timing.url(), Platform.OFFICIAL, Platform.VOLUNTEER), 0);
        for (String race : RACES) {
            awaitRanking(platform, race, day.expectedRanking(race));
        }

        try (Service late = Service.start(Platform.ROOT, "results-web",
                List.of("kafka.bootstrap.servers=" + Platform.KAFKA))) {
            late.awaitReady(java.time.Duration.ofSeconds(90));
            for (String race : RACES) {
                String first = given().baseUri(platform.results.url()).when().get("/api/races/" + race + "/ranking")
                        .then().statusCode(200).extract().asString();
                // ready means caught up with everything on the topics when it started: no waiting here
                String second = given().baseUri(late.url()).when().get("/api/races/" + race + "/ranking")
                        .then().statusCode(200).extract().asString();
                assertEquals(first, second, "ranking of " + race + " on the late replica");
            }
        }
    }

    /** "12:03:17" as seconds. */
    static final class RaceTimesParser {
        static long seconds(String hms) {
            String[] parts = hms.split(":");
            return Long.parseLong(parts[0]) * 3600 + Long.parseLong(parts[1]) * 60 + Long.parseLong(parts[2]);
        }
    }

    /** The results' ranked bibs of this simulation, once they match or the wait is over. */
    static List<Integer> awaitRanking(Platform platform, String race, List<Integer> expected) throws InterruptedException {
        Set<Integer> ours = new HashSet<>(expected);
        Instant deadline = Instant.now().plusSeconds(120);
        List<Integer> shown = List.of();
        while (Instant.now().isBefore(deadline)) {
            var response = given().baseUri(platform.results.url()).when().get("/api/races/" + race + "/ranking");
            if (response.statusCode() == 200) {
                List<Integer> bibs = response.jsonPath().getList("findAll { it.rank != null }.bib", Integer.class);
                shown = bibs.stream().filter(ours::contains).toList();
                if (shown.equals(expected)) {
                    return shown;
                }
            }
            Thread.sleep(500);
        }
        return shown;
    }
}
