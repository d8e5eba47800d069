package fr.pyramidesnoires.results.race;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.events.RunnerTiming.Passage;
import fr.pyramidesnoires.events.RunnerTiming.Status;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.Eventually;
import fr.pyramidesnoires.events.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LiveRankingTest {

    static final Instant GUN = Instant.parse("2027-03-20T09:00:00Z");
    private static TopicProbe kafka;

    @BeforeAll
    static void connect() {
        kafka = TopicProbe.onTheServicesBroker();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    static String newRace() {
        return "T" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    static void enter(String race, int bib, String first, String last, EntryEvent.Sex sex, String category,
                      boolean hidden) {
        String id = UUID.randomUUID().toString();
        kafka.send(Topics.ENTRIES, id, new EntryEvent(EntryEvent.Type.UPSERTED, id, race, bib, "C" + bib,
                hidden ? null : first, hidden ? null : last, hidden, sex, category, "Running Club Oignies", "FRA",
                Instant.now()));
    }

    static void timed(String race, int bib, Status status, Duration... splits) {
        String[] names = {"Départ", "Terril Sainte-Henriette", "Arrivée"};
        List<Passage> passages = new java.util.ArrayList<>();
        for (int i = 0; i < splits.length; i++) {
            passages.add(new Passage(i, "p" + i, names[i], i * 11, GUN.plus(splits[i])));
        }
        Long gunTime = status == Status.FINISHED ? splits[splits.length - 1].toMillis() : null;
        RunnerTiming timing = new RunnerTiming(race, bib, status, GUN, passages, gunTime, gunTime);
        kafka.send(Topics.RUNNER_TIMINGS, timing.key(), timing);
    }

    /** The runners finish an hour apart, the first in two hours, and are all ranked. */
    private static void finishInOrder(String race, int... bibs) {
        for (int i = 0; i < bibs.length; i++) {
            timed(race, bibs[i], Status.FINISHED, Duration.ZERO, Duration.ofHours(1), Duration.ofHours(2 + i));
        }
        awaitRanking(race, "", json -> json.getList("rank").size() == bibs.length
                && !json.getList("rank").contains(null));
    }

    /** The group's ranking once it holds these bibs: ranked 1, 2... in this order. */
    private static void assertRanked(String race, String query, Integer... bibs) {
        JsonPath group = awaitRanking(race, query, json -> json.getList("bib").size() == bibs.length);
        assertEquals(List.of(bibs), group.getList("bib"));
        assertEquals(IntStream.rangeClosed(1, bibs.length).boxed().toList(), group.getList("rank"));
    }

    static JsonPath awaitRanking(String race, String query, Predicate<JsonPath> ready) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            var response = given().when().get("/api/races/" + race + "/ranking" + query);
            if (response.statusCode() == 200 && ready.test(response.jsonPath())) {
                return response.jsonPath();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("ranking of " + race + " never ready: " + response.asString());
            }
            sleep();
        }
    }

    @Test
    void finishersThenRunnersOnCourseThenThoseListedApart() {
        String race = newRace();
        enter(race, 7, "Camille", "Lefebvre", EntryEvent.Sex.F, "SE", false);
        enter(race, 12, "Hugo", "Martin", EntryEvent.Sex.H, "M1", false);
        enter(race, 31, "Inès", "Dubois", EntryEvent.Sex.F, "ES", false);
        enter(race, 44, "Paul", "Leroy", EntryEvent.Sex.H, "SE", false);
        timed(race, 12, Status.FINISHED, Duration.ZERO, Duration.parse("PT55M"), Duration.parse("PT2H01M30S"));
        timed(race, 7, Status.FINISHED, Duration.ZERO, Duration.parse("PT52M"), Duration.parse("PT1H58M04S"));
        timed(race, 31, Status.ON_COURSE, Duration.ZERO, Duration.parse("PT1H04M"));
        timed(race, 44, Status.DNF, Duration.ZERO, Duration.parse("PT1H20M"));

        JsonPath ranking = awaitRanking(race, "", json -> json.getList("bib").size() == 4
                && json.getList("status").stream().filter("DNF"::equals).count() == 1);

        assertEquals(List.of(7, 12, 31, 44), ranking.getList("bib"));
        assertEquals(List.of(1, 2, 3), ranking.getList("rank").subList(0, 3));
        assertEquals("1:58:04", ranking.getString("[0].raceTime"));
        assertEquals("+0:03:26", ranking.getString("[1].gap"));
        assertEquals("Terril Sainte-Henriette", ranking.getString("[2].lastPoint"));
        assertEquals("+0:12:00", ranking.getString("[2].gap"));
        assertNull(ranking.get("[3].rank"));
    }

    @Test
    void unusableMessagesOnEveryTopicAreLeftOutAndEverythingAroundThemStillShows() {
        String race = newRace();
        // what the topics held before this replica started, other tests' bad messages included, is counted by then
        Eventually.until(() -> given().when().get("/q/health/ready").statusCode() == 200, Duration.ofSeconds(30),
                "results never caught up");
        double before = unusableSoFar();
        kafka.sendRaw(Topics.RACES, race, "{\"name\":\"no code\"}");
        kafka.sendRaw(Topics.COURSES, race, "\u0000 not json");
        enter(race, 5, "Rose", "Lemaire", EntryEvent.Sex.F, "SE", false);
        kafka.sendRaw(Topics.ENTRIES, "forged", "{\"type\":\"UPSERTED\",\"entryId\":\"x\",\"raceCode\":\"" + race
                + "\",\"bib\":6}");
        kafka.sendRaw(Topics.RUNNER_TIMINGS, race + "/5", "{\"raceCode\":\"" + race + "\",\"bib\":5,"
                + "\"status\":\"FINISHED\",\"passages\":[null]}");
        kafka.sendRaw(Topics.RUNNER_TIMINGS, race + "/6", "[1, 2, 3]");
        timed(race, 5, Status.ON_COURSE, Duration.ZERO, Duration.parse("PT50M"));
        enter(race, 8, "Léa", "Fontaine", EntryEvent.Sex.F, "SE", false);
        timed(race, 8, Status.ON_COURSE, Duration.ZERO, Duration.parse("PT52M"));

        JsonPath ranking = awaitRanking(race, "", json -> json.getList("bib").equals(List.of(5, 8)));
        assertEquals("Terril Sainte-Henriette", ranking.getString("[0].lastPoint"));
        given().when().get("/races/" + race).then().statusCode(200).body(containsString("LEMAIRE Rose"));
        Eventually.until(LiveRankingTest::unusableSoFar, seen -> seen == before + 5, Duration.ofSeconds(30),
                seen -> "unusable messages counted: " + (seen - before) + " of 5");
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    static double unusableSoFar() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(l -> l.startsWith("results_events_unusable_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void theRankingPageShowsTheRunnerWithTheirTimes() {
        String race = newRace();
        enter(race, 101, "Zoé", "Caron", EntryEvent.Sex.F, "M0", false);
        timed(race, 101, Status.ON_COURSE, Duration.ofSeconds(4), Duration.parse("PT48M12S"));
        awaitRanking(race, "", json -> "ON_COURSE".equals(json.getString("[0].status")));

        given().when().get("/races/" + race)
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("CARON Zoé"))
                .body(containsString("Terril Sainte-Henriette"))
                // 09:48:12 UTC is 10:48:12 in Oignies in March
                .body(containsString("10:48:12"))
                .body(containsString("0:48:12"))
                .body(containsString("M0-F"));
    }

    @Test
    void aRunnerWhoRefusedPublicationAppearsWithoutName() {
        String race = newRace();
        enter(race, 202, "Secret", "Runner", EntryEvent.Sex.H, "SE", true);

        JsonPath ranking = awaitRanking(race, "", json -> json.getList("bib").contains(202));
        assertNull(ranking.get("[0].name"));
        given().when().get("/races/" + race).then().statusCode(200)
                .body(containsString("Nom non publié"))
                .body(not(containsString("Secret")));
    }

    @Test
    void eachSexAndCategoryIsRankedOnItsOwn() {
        String race = newRace();
        enter(race, 1, "Anne", "Roux", EntryEvent.Sex.F, "M2", false);
        enter(race, 2, "Marc", "Petit", EntryEvent.Sex.H, "M2", false);
        enter(race, 3, "Lucie", "Blanc", EntryEvent.Sex.F, "SE", false);
        finishInOrder(race, 2, 1, 3);

        assertRanked(race, "?sex=F", 1, 3);
        assertRanked(race, "?sex=F&category=M2", 1);
    }

    @Test
    void menAreHInFrenchAndMInEnglishAndANonBinaryDivisionIsRankedOnItsOwn() {
        String race = newRace();
        enter(race, 1, "Sam", "Rivière", EntryEvent.Sex.X, "SE", false);
        enter(race, 2, "Marc", "Petit", EntryEvent.Sex.H, "SE", false);
        enter(race, 3, "Alex", "Morel", EntryEvent.Sex.X, "SE", false);
        finishInOrder(race, 3, 1, 2);

        assertRanked(race, "?sex=X", 3, 1);
        // M asks for the men, whom entries carry as H
        assertRanked(race, "?sex=M", 2);
        given().queryParam("lang", "fr").when().get("/races/" + race).then().statusCode(200)
                .body(containsString(">SE-H</a>"))
                .body(containsString("href=\"/races/" + race + "?sex=X\">Non binaires</a>"));
        given().queryParam("lang", "en").when().get("/races/" + race).then().statusCode(200)
                .body(containsString(">SE-M</a>"))
                .body(containsString("href=\"/races/" + race + "?sex=X&amp;category=SE\">SE-X</a>"));
        given().queryParam("lang", "en").queryParam("sex", "H").when().get("/races/" + race).then()
                .statusCode(200).body(containsString("— M</h1>"));
    }

    @Test
    void aCancelledEntryLeavesTheRanking() {
        String race = newRace();
        String id = UUID.randomUUID().toString();
        kafka.send(Topics.ENTRIES, id, new EntryEvent(EntryEvent.Type.UPSERTED, id, race, 9, "C9", "Eva", "Morel",
                false, EntryEvent.Sex.F, "SE", null, "FRA", Instant.now()));
        enter(race, 10, "Noé", "Garnier", EntryEvent.Sex.H, "SE", false);
        awaitRanking(race, "", json -> json.getList("bib").size() == 2);

        kafka.send(Topics.ENTRIES, id, new EntryEvent(EntryEvent.Type.CANCELLED, id, race, 9, "C9", null, null,
                true, EntryEvent.Sex.F, "SE", null, null, Instant.now()));

        assertEquals(List.of(10), awaitRanking(race, "", json -> json.getList("bib").size() == 1).getList("bib"));
    }

    @Test
    void anUnknownRaceIsNotFound() {
        given().when().get("/api/races/NOPE-" + UUID.randomUUID() + "/ranking").then().statusCode(404);
        given().when().get("/races/NOPE").then().statusCode(404);
    }

    @Test
    void theReplicaIsReadyOnceCaughtUpWithTheTopics() {
        String race = newRace();
        enter(race, 5, "Léon", "Faure", EntryEvent.Sex.H, "CA", false);
        awaitRanking(race, "", json -> json.getList("bib").size() == 1);

        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/").then().statusCode(200).body(containsString("/races/" + race));
    }

    static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
