package fr.pyramidesnoires.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.simulator.AgentOutlet;
import fr.pyramidesnoires.simulator.Simulation;
import fr.pyramidesnoires.simulator.SimulatorMain;
import fr.pyramidesnoires.simulator.TimingClient;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
        Simulation day = day(platform, 50, 424242);
        assertTrue(day.registeredRunners() >= 45, "registered: " + day.registeredRunners());

        SimulatorMain.play(day, Platform.READER, people(platform), 0);
        assertGroundTruth(platform, day);
    }

    /**
     * Every mat read by an emulated reader through its own mat agent to the device gateway, the outage mat's agent
     * losing its network for the outage (90 minutes of race time, at least 3 s of real time): its reads wait in
     * its journal and the day still ends with the ground truth.
     */
    @Test
    void throughMatAgentsOneOfThemCutOffTheRankingsStillMatchTheGroundTruth() throws Exception {
        Platform platform = Platform.get();
        Simulation day = day(platform, 50, 8848);
        try (AgentOutlet agents = new AgentOutlet(URI.create(platform.timing.url()), Platform.DEVICE, day, 0)) {
            SimulatorMain.play(day, agents, people(platform), 0);
            assertTrue(agents.journaledDuringCut() > 0, "the cut mat's reader read on while its agent was cut off");
        }
        assertGroundTruth(platform, day);
    }

    /** A seeded field registered on the sample event, its day planned from a 05:00 first gun. */
    private static Simulation day(Platform platform, int runners, long seed) throws Exception {
        return SimulatorMain.prepare(platform.registration.url(),
                Platform.ROOT.resolve("timing-service/src/main/resources/courses-sample.json"), runners, seed,
                Instant.parse("2027-03-20T04:00:00Z"));
    }

    private static TimingClient people(Platform platform) {
        return new TimingClient(platform.timing.url(), Platform.OFFICIAL, Platform.VOLUNTEER);
    }

    private static void assertGroundTruth(Platform platform, Simulation day) throws InterruptedException {
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
            // true crossings, however fast or close, are never doubted
            String[] official = Platform.OFFICIAL.split(":", 2);
            List<Integer> doubted = given().baseUri(platform.timing.url()).auth().preemptive()
                    .basic(official[0], official[1]).when().get("/api/races/" + race + "/doubtful-passages")
                    .then().statusCode(200).extract().jsonPath().getList("bib", Integer.class);
            assertEquals(List.of(), doubted.stream().filter(expected::contains).toList(),
                    "doubtful passages of " + race);
        }
    }

    @Test
    void aReplicaStartedLateShowsWhatTheOthersShowOnceReady() throws Exception {
        Platform platform = Platform.get();
        Simulation day = day(platform, 20, 77);
        SimulatorMain.play(day, Platform.READER, people(platform), 0);
        for (String race : RACES) {
            awaitRanking(platform, race, day.expectedRanking(race));
        }
        // bibs freed by a cancellation and taken by the next runner: a replica replaying the entries must apply
        // them in the order registration made them, or it loses the new holders
        Map<Integer, String> handedOver = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
            var leaving = register(platform, "Partant-" + suffix);
            given().baseUri(platform.registration.url())
                    .when().post("/api/entries/by-token/" + leaving.getString("token") + "/cancellation")
                    .then().statusCode(200);
            var taking = register(platform, "Relais-" + suffix);
            assertEquals(leaving.getInt("bib"), taking.getInt("bib"), "the freed bib goes to the next runner");
            handedOver.put(taking.getInt("bib"), "RELAIS-" + suffix + " Inès");
        }
        awaitNames(platform.results.url(), handedOver);

        // the broker and the followers' database of the shared stack
        try (Service late = Service.start(Platform.ROOT, "results-web", Platform.stack())) {
            late.awaitReady(Duration.ofSeconds(90));
            // ready means caught up with everything on the topics when it started: no waiting for these
            assertTrue(showsNames(late.url(), handedOver), "the late replica lost a handed-over bib of "
                    + handedOver + ": " + ranking(late.url(), "35K"));
            // timing may still publish the simulation's last decisions: both replicas must then show them alike
            for (String race : RACES) {
                assertSameRanking(race, platform.results.url(), late.url());
            }
        }
    }

    private static JsonPath register(Platform platform, String lastName) {
        return given().baseUri(platform.registration.url()).contentType(ContentType.JSON)
                .body(Map.of("firstName", "Inès", "lastName", lastName, "sex", "F", "birthDate", "1991-05-14",
                        "raceCode", "35K", "nationality", "FRA", "email", "ines@example.org",
                        "licenceNumber", Platform.licence()))
                .when().post("/api/entries")
                .then().statusCode(201).extract().jsonPath();
    }

    private static void awaitNames(String results, Map<Integer, String> names) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (showsNames(results, names)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the live replica never showed " + names);
    }

    /** Whether the 35K ranking shows each of these bibs under the name given. */
    private static boolean showsNames(String results, Map<Integer, String> names) {
        JsonPath ranking = JsonPath.from(ranking(results, "35K"));
        return names.entrySet().stream().allMatch(
                e -> e.getValue().equals(ranking.getString("find { it.bib == " + e.getKey() + " }.name")));
    }

    private static void assertSameRanking(String race, String first, String second) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        String one;
        String other;
        do {
            one = ranking(first, race);
            other = ranking(second, race);
            if (one.equals(other)) {
                return;
            }
            Thread.sleep(500);
        } while (Instant.now().isBefore(deadline));
        assertEquals(one, other, "ranking of " + race + " on the late replica");
    }

    private static String ranking(String results, String race) {
        return given().baseUri(results).when().get("/api/races/" + race + "/ranking")
                .then().statusCode(200).extract().asString();
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
