package fr.pyramidesnoires.results.race;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.EventJson;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.Eventually;
import fr.pyramidesnoires.events.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What results publish of a runner is what the runner agreed to. */
@QuarkusTest
class PublicationTest {

    static final Instant GUN = Instant.parse("2027-03-20T08:00:00Z");
    private static TopicProbe kafka;

    @BeforeAll
    static void connect() {
        kafka = TopicProbe.onTheServicesBroker();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void aRunnerWhoRefusedPublicationShowsNeitherClubNorNationalityAnywhere() {
        String race = "P" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String club = "Club " + UUID.randomUUID().toString().substring(0, 8);
        entry(race, 21, "Visible", "Runner", false, "AC Lens", "FRA");
        // as a producer from before the rule wrote it: club and nationality in the message
        String id = UUID.randomUUID().toString();
        kafka.sendRaw(Topics.ENTRIES, id, EventJson.write(new EntryEvent(EntryEvent.Type.UPSERTED, id, race, 22,
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

    static void entry(String race, int bib, String first, String last, boolean hidden, String club,
                      String nationality) {
        String id = UUID.randomUUID().toString();
        kafka.send(Topics.ENTRIES, id, new EntryEvent(EntryEvent.Type.UPSERTED, id, race, bib, "C" + bib + race,
                first, last, hidden, EntryEvent.Sex.F, "SE", club, nationality, Instant.now()));
    }

    static void finished(String race, int bib, String time) {
        long ms = Duration.parse(time).toMillis();
        RunnerTiming timing = new RunnerTiming(race, bib, RunnerTiming.Status.FINISHED, GUN, List.of(
                new RunnerTiming.Passage(0, "start", "Départ", 0, GUN),
                new RunnerTiming.Passage(1, "finish", "Arrivée", 12, GUN.plusMillis(ms))), ms, ms);
        kafka.send(Topics.RUNNER_TIMINGS, timing.key(), timing);
    }
}
