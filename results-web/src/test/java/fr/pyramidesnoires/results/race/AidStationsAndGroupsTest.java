package fr.pyramidesnoires.results.race;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.CourseEvent;
import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.RaceEvent;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.events.RunnerTiming.Passage;
import fr.pyramidesnoires.events.RunnerTiming.Status;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Any race, on the pages fed from the real broker: an aid station timed on the way out (ranked on arrivals, as the
 * event does not say otherwise), categories that are age groups or any text, the sex in the page's language, a
 * runner's status in words, and a runner only through the start without a made-up time or gap.
 */
@QuarkusTest
class AidStationsAndGroupsTest {

    /** 09:00 in Oignies. */
    static final Instant GUN = Instant.parse("2027-03-20T08:00:00Z");
    /** 24 km: the Sainte-Henriette aid station at 12 km times runners in and out. */
    static final List<CourseEvent.Point> POINTS = List.of(
            new CourseEvent.Point(0, "start", "Départ 9-9bis", 0, 0, null),
            new CourseEvent.Point(1, "ravito", "Ravitaillement Sainte-Henriette", 12, 210, null, true),
            new CourseEvent.Point(2, "finish", "Arrivée 9-9bis", 24, 480, null));

    /**
     * 31 (F, SE) is in first at the aid station and out last, after a 15 min stop; 32 (H, 40-49) in second, out
     * first; 33 (X, "V 50+") is in third and still there; 34 (F, SE) crossed the start mat 8 s before the gun only.
     */
    static String race() {
        String race = "A" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        TopicProbe kafka = TopicProbe.shared();
        kafka.send(Topics.RACES, race, new RaceEvent(race, "Trail des ravitos " + race, 24, 480,
                OffsetDateTime.parse("2027-03-20T09:00:00+01:00"), 300));
        kafka.send(Topics.COURSES, race, new CourseEvent(race, POINTS, GUN));
        runner(race, 31, "Alice", EntryEvent.Sex.F, "SE", "PT2S", "PT1H10M", "PT1H25M");
        runner(race, 32, "Bruno", EntryEvent.Sex.H, "40-49", "PT3S", "PT1H12M", "PT1H14M");
        runner(race, 33, "Sam", EntryEvent.Sex.X, "V 50+", "PT5S", "PT1H20M", null);
        runner(race, 34, "Dora", EntryEvent.Sex.F, "SE", "-PT8S");
        return race;
    }

    /** @param times start crossing, then the aid station's arrival and departure (null: not left yet) */
    private static void runner(String race, int bib, String first, EntryEvent.Sex sex, String category,
                               String... times) {
        String id = UUID.randomUUID().toString();
        TopicProbe.shared().send(Topics.ENTRIES, id, new EntryEvent(EntryEvent.Type.UPSERTED, id, race, bib,
                "A" + race + bib, first, "Ravito", false, sex, category, "AC Lens", "FRA", Instant.now()));
        List<Passage> passages = new ArrayList<>();
        passages.add(new Passage(0, "start", POINTS.get(0).name(), 0, GUN.plus(Duration.parse(times[0]))));
        if (times.length > 1) {
            Passage in = new Passage(1, "ravito", POINTS.get(1).name(), 12, GUN.plus(Duration.parse(times[1])));
            passages.add(times[2] == null ? in : in.departed(GUN.plus(Duration.parse(times[2]))));
        }
        RunnerTiming timing = new RunnerTiming(race, bib, Status.ON_COURSE, GUN, passages, null, null);
        TopicProbe.shared().send(Topics.RUNNER_TIMINGS, timing.key(), timing);
    }

    static String ready(String race) throws InterruptedException {
        SpectatorPagesTest.awaitJson("/api/races/" + race + "/ranking",
                j -> j.getList("bib").size() == 4 && j.getList("lastPointId").stream().filter("ravito"::equals).count() == 3);
        return race;
    }

    /** The page's markup without the line breaks and indentation between its tags. */
    static String flat(String html) {
        return html.replaceAll(">\\s+<", "><");
    }

    @Test
    void theRunnersPageShowsArrivalDepartureAndStopAndTheSegmentOutRunsFromTheDeparture() throws Exception {
        String race = ready(race());

        String french = flat(given().when().get("/races/" + race + "/runners/31").then().statusCode(200)
                .extract().asString());
        assertTrue(french.contains("Arrivée 10:10<br>Départ 10:25<br>Arrêt 0:15:00"), french);
        assertTrue(french.contains("le tronçon suivant part du départ du ravitaillement"), french);
        assertTrue(french.contains("<strong>En course</strong>"), french);
        assertFalse(french.contains("ON_COURSE"), french);
        String english = flat(given().queryParam("lang", "en").when().get("/races/" + race + "/runners/31").then()
                .statusCode(200).extract().asString());
        assertTrue(english.contains("In 10:10<br>Out 10:25<br>Stop 0:15:00"), english);
        assertTrue(english.contains("<strong>On course</strong>"), english);
        given().when().get("/races/" + race + "/runners/33").then().statusCode(200)
                .body(containsString("Départ <span class=\"quiet\">pas encore reparti</span>"));
        given().when().get("/api/races/" + race + "/runners/31").then().statusCode(200)
                .body("status", equalTo("ON_COURSE"))
                .body("splits[1].departure", equalTo("2027-03-20T09:25:00Z"))
                .body("splits[1].stop", equalTo(900.0f));
    }

    @Test
    void theAidStationsPageShowsBothTimesAndRanksOnArrivals() throws Exception {
        String race = ready(race());

        JsonPath point = given().when().get("/api/races/" + race + "/points/ravito").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(31, 32, 33), point.getList("passed.bib"));
        assertEquals(List.of(1, 2, 3), point.getList("passed.rank"));
        assertEquals("ARRIVAL", point.getString("rankedOn"));
        assertTrue(point.getList("atStation").isEmpty());
        String page = flat(given().when().get("/races/" + race + "/points/ravito").then().statusCode(200)
                .extract().asString());
        assertTrue(page.contains("<th scope=\"col\" class=\"num\">Arrivée</th><th scope=\"col\" class=\"num\">Départ</th>"),
                page);
        assertTrue(page.contains("<td class=\"num\">10:10</td><td class=\"num\">10:25</td><td class=\"num\">1:10:00</td>"),
                page);
        assertTrue(page.contains("<td class=\"num\">10:20</td><td class=\"num\">—</td>"), page);
        assertTrue(page.contains("arrivée au ravitaillement."), page);
    }

    @Test
    void theSexIsWrittenInThePagesLanguageAndTheApiKeepsTheWiresLetters() throws Exception {
        String race = ready(race());

        given().when().get("/races/" + race + "/runners/32").then().body(containsString("40-49-H"));
        given().queryParam("lang", "en").when().get("/races/" + race + "/runners/32").then()
                .body(containsString("40-49-M")).body(not(containsString("40-49-H")));
        given().queryParam("lang", "en").when().get("/races/" + race + "/points/ravito").then()
                .body(containsString("<td>40-49-M</td>")).body(containsString("<td>V 50+-X</td>"));
        given().queryParam("lang", "en").when().get("/races/" + race).then()
                .body(containsString("<td>40-49-M</td>"));
        given().queryParam("lang", "en").queryParam("q", "Ravito").when().get("/recherche").then()
                .body(containsString("<td>40-49-M</td><td>On course</td>"));
        given().when().get("/api/races/" + race + "/ranking").then()
                .body("find { it.bib == 32 }.category", equalTo("40-49-H"));
        String csv = given().when().get("/races/" + race + "/results.csv").then().extract().asString();
        assertTrue(csv.contains(";32;RAVITO Bruno;40-49-H;"), csv);
    }

    @Test
    void anyCategoryIsAGroupToRankAndItsLinksAreEncoded() throws Exception {
        String race = ready(race());

        given().queryParam("category", "V 50+").when().get("/api/races/" + race + "/ranking").then()
                .body("bib", equalTo(List.of(33))).body("rank", equalTo(List.of(1)));
        given().queryParam("sex", "M").queryParam("category", "40-49").when().get("/api/races/" + race + "/ranking")
                .then().body("bib", equalTo(List.of(32)));
        given().when().get("/races/" + race).then().statusCode(200)
                .body(containsString("href=\"/races/" + race + "?sex=X&amp;category=V+50%2B\">V 50+-X</a>"));
        String group = given().urlEncodingEnabled(false).when().get("/races/" + race + "?sex=X&category=V+50%2B")
                .then().statusCode(200).extract().asString();
        assertTrue(group.contains("id=\"bib-33\"") && !group.contains("id=\"bib-31\""), group);
        // rendered once for the race as it stands, then served again as it was
        given().urlEncodingEnabled(false).when().get("/races/" + race + "?sex=X&category=V+50%2B").then()
                .body(equalTo(group));
    }

    @Test
    void aRunnerOnlyThroughTheStartHasNoTimeNorGap() throws Exception {
        String race = ready(race());

        given().when().get("/api/races/" + race + "/ranking").then()
                .body("find { it.bib == 34 }.lastPointId", equalTo("start"))
                .body("find { it.bib == 34 }.raceTime", nullValue())
                .body("find { it.bib == 34 }.gap", nullValue())
                .body("find { it.bib == 32 }.gap", equalTo("+0:02:00"));
        String page = flat(given().when().get("/races/" + race).then().statusCode(200).extract().asString());
        assertFalse(page.contains(":-"), page);
        assertFalse(page.contains(">0:00:00<"), page);
    }
}
