package fr.pyramidesnoires.results.course;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.CourseEvent;
import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.RaceEvent;
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
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The course profile on the race page, the positions API and the map page of a course without a track. */
@QuarkusTest
class CoursePagesTest {

    static final List<CourseEvent.Point> POINTS = List.of(
            new CourseEvent.Point(0, "start", "Départ 9-9bis", 0, 0, null),
            new CourseEvent.Point(1, "ste-henriette", "Terril Sainte-Henriette", 12, 210, null),
            new CourseEvent.Point(2, "estevelles", "Terril d'Estevelles", 24, 480, Duration.ofMinutes(270)),
            new CourseEvent.Point(3, "finish", "Arrivée 9-9bis", 35, 700, Duration.ofHours(7)));
    static final Pattern RUNNER_MARK = Pattern.compile("<circle class=\"runner[^\"]*\"[^>]*data-key=\"([^\"]+)\"");
    private static final TopicProbe kafka = TopicProbe.shared();

    /**
     * A 35 km race with no track, started three hours ago: one finisher, two on course (one nameless), one withdrawn
     * and one not started.
     */
    static String race(RaceEvent.Publication publication) {
        String race = "P" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Instant gun = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        kafka.send(Topics.RACES, race, new RaceEvent(race, "Trail profil " + race, 35, 700,
                OffsetDateTime.parse("2027-03-20T09:00:00+01:00"), 300, publication));
        kafka.send(Topics.COURSES, race, new CourseEvent(race, POINTS, gun));
        runner(race, gun, 11, false, Status.FINISHED, 0, 65, 140, 171);
        runner(race, gun, 12, false, Status.ON_COURSE, 0, 72, 160);
        runner(race, gun, 13, true, Status.ON_COURSE, 0, 90);
        runner(race, gun, 14, false, Status.DNF, 0, 100);
        runner(race, gun, 15, false, Status.NOT_STARTED);
        return race;
    }

    static void runner(String race, Instant gun, int bib, boolean hidden, Status status, int... minutes) {
        String id = UUID.randomUUID().toString();
        kafka.send(Topics.ENTRIES, id, new EntryEvent(EntryEvent.Type.UPSERTED, id, race, bib, "C" + bib,
                hidden ? null : "Camille", hidden ? null : "Runner" + bib, hidden, EntryEvent.Sex.F, "SE", null,
                "FRA", Instant.now()));
        timed(race, gun, POINTS, bib, status, minutes);
    }

    /** The runner's timing, passing the first points of the course so many minutes after the gun; none for none. */
    static void timed(String race, Instant gun, List<CourseEvent.Point> points, int bib, Status status,
                      int... minutes) {
        if (minutes.length == 0) {
            return;
        }
        List<Passage> passages = new ArrayList<>();
        for (int i = 0; i < minutes.length; i++) {
            CourseEvent.Point p = points.get(i);
            passages.add(new Passage(i, p.id(), p.name(), p.km(), gun.plus(Duration.ofMinutes(minutes[i]))));
        }
        Long time = status == Status.FINISHED ? Duration.ofMinutes(minutes[minutes.length - 1]).toMillis() : null;
        RunnerTiming timing = new RunnerTiming(race, bib, status, gun, passages, time, time);
        kafka.send(Topics.RUNNER_TIMINGS, timing.key(), timing);
    }

    static JsonPath awaitJson(String path, Predicate<JsonPath> ready) {
        return Eventually.until(() -> given().when().get(path),
                response -> response.statusCode() == 200 && ready.test(response.jsonPath()), Duration.ofSeconds(30),
                response -> path + " never ready: " + response.asString()).jsonPath();
    }

    /** Waits for every runner of the race, the last one sent, to be in the results. */
    static void awaitRace(String race) {
        awaitJson("/api/races/" + race + "/ranking", j -> j.getList("bib").size() == 5);
    }

    @Test
    void theRacePageDrawsTheProfileWithOneMarkPerPlacedRunner() {
        String race = race(RaceEvent.Publication.RANKING);
        awaitRace(race);

        String page = given().when().get("/races/" + race).then().statusCode(200)
                .body(containsString("role=\"img\""))
                .body(containsString("<title id=\"profile-title\">Profil de la course</title>"))
                .body(containsString("Terril d&#39;Estevelles"))
                .body(containsString("⏱ 4:30:00"))
                .body(containsString("montées seulement"))
                .body(containsString("href=\"/races/" + race + "/carte\""))
                .extract().asString();
        List<String> marks = new ArrayList<>();
        Matcher mark = RUNNER_MARK.matcher(page);
        while (mark.find()) {
            marks.add(mark.group(1));
        }
        assertEquals(List.of(race + "/11", race + "/12", race + "/13"), marks,
                "the finisher and the two on course, in ranking order; not the DNF nor the runner not started");
        assertEquals(3, page.split("class=\"runner leader").length - 1, "three placed: all three lead");
        assertTrue(page.contains("<title>13 Nom non publié</title>"), "a withheld name stays withheld");
        assertTrue(page.contains("<title>11 RUNNER11 Camille</title>"), "each mark says who it is");
    }

    @Test
    void theProfileSpeaksEnglishOnTheEnglishPage() {
        String race = race(RaceEvent.Publication.RANKING);
        awaitRace(race);

        given().when().get("/races/" + race + "?lang=en").then().statusCode(200)
                .body(containsString("<title id=\"profile-title\">Course profile</title>"))
                .body(containsString("climbs only"))
                .body(not(containsString("Profil de la course")));
    }

    @Test
    void thePositionsSayWhereEachPlacedRunnerIsWithoutANameTheyWithheld() {
        String race = race(RaceEvent.Publication.RANKING);
        awaitRace(race);

        JsonPath positions = awaitJson("/api/races/" + race + "/positions", j -> j.getList("runners").size() == 3);
        assertEquals(List.of(11, 12, 13), positions.getList("runners.bib"));
        assertEquals(List.of(true, true, true), positions.getList("runners.leader"));
        assertEquals(List.of("FINISHED", "ON_COURSE", "ON_COURSE"), positions.getList("runners.status"));
        assertEquals(35.0, positions.getDouble("runners[0].km"), 1e-9);
        assertNull(positions.get("runners[2].name"));
        assertNull(positions.get("runners[0].lat"), "a course without a track has no place on the ground");
        double km = positions.getDouble("runners[1].km");
        assertTrue(km > 24 && km < 35, "between Estevelles, passed, and the finish: " + km);
    }

    @Test
    void aCourseWithoutATrackHasNoMapAndSaysSo() {
        String race = race(RaceEvent.Publication.RANKING);
        awaitRace(race);

        given().when().get("/races/" + race + "/carte").then().statusCode(200)
                .body(containsString("Ce parcours n&#39;a pas de carte"))
                .body(containsString("href=\"/races/" + race + "\""))
                .body(not(containsString("leaflet.js")));
        given().when().get("/races/" + race + "/carte?lang=en").then().statusCode(200)
                .body(containsString("This course has no map"));
    }

    @Test
    void aRaceThatPublishesNoRankingShowsNoOneOnItsCourse() {
        String race = race(RaceEvent.Publication.FINISHERS);
        // such a race lists its finishers only
        awaitJson("/api/races/" + race + "/ranking", j -> j.getList("bib").size() == 1);

        given().when().get("/api/races/" + race + "/positions").then().statusCode(404);
        given().when().get("/races/" + race + "/carte").then().statusCode(404);
        given().when().get("/races/" + race).then().statusCode(200).body(not(containsString("class=\"profile\"")));
    }

    @Test
    void theMapLibraryIsServedAndThePositionsAreDocumented() {
        given().when().get("/webjars/leaflet/dist/leaflet.js").then().statusCode(200)
                .body(containsString("Leaflet"));
        given().when().get("/webjars/leaflet/dist/leaflet.css").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/races/{race}/positions"));
        given().when().get("/api/races/NO-SUCH-RACE/positions").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("Course inconnue / Unknown race"));
    }
}
