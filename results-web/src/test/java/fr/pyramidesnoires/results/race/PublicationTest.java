package fr.pyramidesnoires.results.race;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.EventJson;
import fr.pyramidesnoires.events.RaceEvent;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.Eventually;
import fr.pyramidesnoires.events.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What results publish of a runner, and of a race, is what the runner and the organiser agreed to. */
@QuarkusTest
class PublicationTest {

    static final Instant GUN = Instant.parse("2027-03-20T08:00:00Z");
    static TopicProbe kafka() {
        return TopicProbe.shared();
    }

    @Test
    void aRunnerWhoRefusedPublicationShowsNeitherClubNorNationalityAnywhere() {
        String race = "P" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String club = "Club " + UUID.randomUUID().toString().substring(0, 8);
        entry(race, 21, "Visible", "Runner", false, "AC Lens", "FRA");
        // as a producer from before the rule wrote it: club and nationality in the message
        String id = UUID.randomUUID().toString();
        kafka().sendRaw(Topics.ENTRIES, id, EventJson.write(new EntryEvent(EntryEvent.Type.UPSERTED, id, race, 22,
                "C22" + race, null, null, false, EntryEvent.Sex.H, "M1", club, "ISL", Instant.now()))
                .replace("\"nameHidden\":false", "\"nameHidden\":true"));
        finished(race, 21, "PT2H");
        finished(race, 22, "PT2H10M");
        Eventually.until(() -> given().when().get("/api/races/" + race + "/ranking").asString(),
                body -> body.contains("\"bib\":22") && body.contains("2:10:00"), Duration.ofSeconds(20),
                body -> "the hidden runner never ranked: " + body);

        for (String path : List.of("/races/" + race, "/api/races/" + race + "/ranking", "/races/" + race
                + "/results.csv", "/races/" + race + "/runners/22", "/api/races/" + race + "/runners/22",
                "/recherche?q=22", "/api/search?q=22")) {
            String body = given().when().get(path).then().statusCode(200).extract().asString();
            assertFalse(body.contains(club), path + " shows the club: " + body);
            assertFalse(body.contains("ISL"), path + " shows the nationality: " + body);
        }
        assertTrue(given().when().get("/api/races/" + race + "/ranking").asString().contains("AC Lens"),
                "a runner who agreed keeps their club");
        assertEquals(List.of(), given().queryParam("q", club).when().get("/api/search").jsonPath().getList("bib"),
                "found by the club");
        given().queryParam("q", club).when().get("/recherche").then().statusCode(200)
                .body(not(containsString("data-key=\"" + race + "/22\"")));
    }

    @Test
    void aRaceThatPublishesNoRankingListsItsFinishersByBibWithoutRanksOrTimes() {
        String race = raceThatPublishes(RaceEvent.Publication.FINISHERS);
        entry(race, 33, "Zoé", "Wallet", false, "AC Lens", "FRA");
        entry(race, 31, "Anna", "Leroy", false, "US Liévin", "BEL");
        entry(race, 32, "Paul", "Morel", false, "AC Lens", "FRA");
        finished(race, 33, "PT1H50M");
        finished(race, 31, "PT2H05M");
        onCourse(race, 32);
        JsonPath ranking = Eventually.until(() -> given().when().get("/api/races/" + race + "/ranking").jsonPath(),
                json -> json.getList("bib").equals(List.of(31, 33)), Duration.ofSeconds(20),
                json -> "never the finishers in bib order: " + json.prettify());

        assertEquals(List.of("LEROY Anna", "WALLET Zoé"), ranking.getList("name"));
        assertEquals(Arrays.asList(null, null), ranking.getList("rank"));
        assertEquals(Arrays.asList(null, null), ranking.getList("raceTime"));
        assertEquals(Arrays.asList(null, null), ranking.getList("gap"));
        String page = given().when().get("/races/" + race).then().statusCode(200).extract().asString();
        assertTrue(page.contains("Arrivants") && page.contains("WALLET Zoé"), page);
        assertFalse(page.contains("1:50:00") || page.contains("2:05:00") || page.contains(">Rang<"), page);
        assertEquals("rank;bib;name;category;club;nationality;status;time\n"
                        + ";31;LEROY Anna;SE-F;US Liévin;BEL;FINISHED;\n;33;WALLET Zoé;SE-F;AC Lens;FRA;FINISHED;\n",
                given().when().get("/races/" + race + "/results.csv").asString());
        given().when().get("/api/races").then()
                .body("find { it.code == '" + race + "' }.leader", nullValue());
        // a runner's splits and ranks at each point would rank them after all
        given().when().get("/api/races/" + race + "/runners/33").then().statusCode(404);
        given().when().get("/races/" + race + "/runners/33").then().statusCode(404);
    }

    @Test
    void aRaceThatPublishesOnlyBibsNamesNobody() {
        String race = raceThatPublishes(RaceEvent.Publication.FINISHER_BIBS);
        entry(race, 41, "Zoé", "Wallet", false, "AC Lens", "FRA");
        finished(race, 41, "PT1H50M");
        Eventually.until(() -> given().when().get("/api/races/" + race + "/ranking").jsonPath(),
                json -> json.getList("bib").equals(List.of(41)), Duration.ofSeconds(20),
                json -> "the finisher never listed: " + json.prettify());

        for (String path : List.of("/races/" + race, "/api/races/" + race + "/ranking",
                "/races/" + race + "/results.csv")) {
            String body = given().when().get(path).then().statusCode(200).extract().asString();
            assertTrue(body.contains("41"), body);
            assertFalse(body.contains("WALLET") || body.contains("Lens") || body.contains("1:50:00"), body);
        }
        assertEquals(List.of(), given().queryParam("q", "Wallet Zoé").when().get("/api/search").jsonPath()
                .getList("raceCode").stream().filter(race::equals).toList(), "found by name");
    }

    private static String raceThatPublishes(RaceEvent.Publication publication) {
        String race = "P" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        kafka().send(Topics.RACES, race, new RaceEvent(race, "Marche " + race, 12, 150,
                OffsetDateTime.parse("2027-03-20T09:00:00+01:00"), 100, publication));
        return race;
    }

    static void onCourse(String race, int bib) {
        RunnerTiming timing = new RunnerTiming(race, bib, RunnerTiming.Status.ON_COURSE, GUN, List.of(
                new RunnerTiming.Passage(0, "start", "Départ", 0, GUN)), null, null);
        kafka().send(Topics.RUNNER_TIMINGS, timing.key(), timing);
    }

    static void entry(String race, int bib, String first, String last, boolean hidden, String club,
                      String nationality) {
        String id = UUID.randomUUID().toString();
        kafka().send(Topics.ENTRIES, id, new EntryEvent(EntryEvent.Type.UPSERTED, id, race, bib, "C" + bib + race,
                first, last, hidden, EntryEvent.Sex.F, "SE", club, nationality, Instant.now()));
    }

    static void finished(String race, int bib, String time) {
        long ms = Duration.parse(time).toMillis();
        RunnerTiming timing = new RunnerTiming(race, bib, RunnerTiming.Status.FINISHED, GUN, List.of(
                new RunnerTiming.Passage(0, "start", "Départ", 0, GUN),
                new RunnerTiming.Passage(1, "finish", "Arrivée", 12, GUN.plusMillis(ms))), ms, ms);
        kafka().send(Topics.RUNNER_TIMINGS, timing.key(), timing);
    }
}
