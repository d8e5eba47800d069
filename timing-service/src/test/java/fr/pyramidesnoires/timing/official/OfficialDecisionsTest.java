package fr.pyramidesnoires.timing.official;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fr.pyramidesnoires.events.ChipRead;
import fr.pyramidesnoires.events.CourseEvent;
import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.events.RunnerTiming.Status;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OfficialDecisionsTest {

    /** The 55 km's start in the sample event, so other tests on the same stack see the same race clock. */
    static final Instant GUN = Instant.parse("2027-03-20T06:30:00Z");
    static final String RACE = "55K";
    static final AtomicInteger NEXT_BIB = new AtomicInteger(10_000 + new Random().nextInt(10_000));
    private static TopicProbe kafka;

    @BeforeAll
    static void connect() {
        kafka = TopicProbe.onTheServicesBroker();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    static RequestSpecification official() {
        return given().auth().preemptive().basic("judge", "judge-secret").contentType(ContentType.JSON);
    }

    /** A runner of the 55 km who crossed the start and the finish, 6 h 12 min after the gun. */
    static int finisher() {
        // one bib per runner: an official's decision is on the race and bib, so a bib drawn twice inherits it
        int bib = NEXT_BIB.getAndIncrement();
        String entryId = UUID.randomUUID().toString();
        String chip = "CHIP-" + UUID.randomUUID();
        kafka.send(Topics.ENTRIES, entryId, new EntryEvent(EntryEvent.Type.UPSERTED, entryId, RACE, bib, chip,
                "Lou", "Arbitre", false, EntryEvent.Sex.F, "SE", null, "FRA", Instant.now()));
        read(chip, "M-9BIS-START", GUN.plusSeconds(2));
        read(chip, "M-9BIS-FINISH", GUN.plus(Duration.parse("PT6H12M")));
        awaitTiming(bib, t -> t.status() == Status.FINISHED);
        return bib;
    }

    static void read(String chip, String mat, Instant time) {
        kafka.send(Topics.CHIP_READS, chip, new ChipRead("R-" + mat, mat, chip, time.atOffset(ZoneOffset.ofHours(1)),
                1, -50, null, ChipRead.Source.MAT));
    }

    static RunnerTiming awaitTiming(int bib, Predicate<RunnerTiming> wanted) {
        return kafka.awaitLast(Topics.RUNNER_TIMINGS, RunnerTiming.class,
                t -> t.raceCode().equals(RACE) && t.bib() == bib && wanted.test(t), Duration.ofSeconds(30));
    }

    static void startRace() {
        official().body(Map.of("time", GUN.toString(), "reason", "starter's signal"))
                .when().put("/api/races/" + RACE + "/gun-start")
                .then().statusCode(200).body("decidedBy", equalTo("judge"));
    }

    @Test
    void theStartSignalGivesEveryFinisherTheirOfficialTime() {
        int bib = finisher();
        startRace();

        RunnerTiming timing = awaitTiming(bib, t -> GUN.equals(t.gunStart()) && t.gunTimeMs() != null);
        assertEquals(Duration.parse("PT6H12M").toMillis(), timing.gunTimeMs());
        CourseEvent course = kafka.awaitLast(Topics.COURSES, CourseEvent.class,
                c -> c.raceCode().equals(RACE) && GUN.equals(c.gunStart()), Duration.ofSeconds(30));
        assertEquals(5, course.points().size());
    }

    @Test
    void aDisqualificationIsRecordedWithItsAuthorAndCanBeUndone() {
        int bib = finisher();
        long id = official().body(Map.of("status", "DSQ", "reason", "cut the course below the terril 11/19"))
                .when().put("/api/races/" + RACE + "/runners/" + bib + "/status")
                .then().statusCode(200).extract().jsonPath().getLong("id");

        RunnerTiming dsq = awaitTiming(bib, t -> t.status() == Status.DSQ);
        assertNull(dsq.gunTimeMs());
        official().when().get("/api/decisions?race=" + RACE + "&bib=" + bib)
                .then().statusCode(200)
                .body("[0].kind", equalTo("STATUS"))
                .body("[0].status", equalTo("DSQ"))
                .body("[0].decidedBy", equalTo("judge"))
                .body("[0].reason", containsString("terril 11/19"))
                .body("[0].decidedAt", notNullValue());

        official().body(Map.of("reason", "video shows the runner on the course"))
                .when().post("/api/decisions/" + id + "/undo")
                .then().statusCode(200).body("undoneBy", equalTo("judge"));
        awaitTiming(bib, t -> t.status() == Status.FINISHED);
        official().body(Map.of("reason", "again")).when().post("/api/decisions/" + id + "/undo")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aPassageMissedByTheMatsIsAddedByHandAndAWrongOneStruckOut() {
        int bib = finisher();
        Instant seen = GUN.plus(Duration.parse("PT2H10M30S"));
        official().body(Map.of("time", seen.toString(), "reason", "mat at Pinchonvalles was down, volunteer sheet"))
                .when().put("/api/races/" + RACE + "/runners/" + bib + "/passages/pinchonvalles")
                .then().statusCode(200).body("pointId", equalTo("pinchonvalles"));
        RunnerTiming added = awaitTiming(bib, t -> t.passages().size() == 3);
        assertEquals(seen, added.passages().get(1).time());

        official().body(Map.of("reason", "finish read was a spectator holding the bib"))
                .when().post("/api/races/" + RACE + "/runners/" + bib + "/passages/finish/removal")
                .then().statusCode(200);
        // before its finish read came in, the runner was on course with the start alone: wait for start + Pinchonvalles
        RunnerTiming struck = awaitTiming(bib, t -> t.status() == Status.ON_COURSE && t.passages().size() == 2);
        assertEquals(java.util.List.of("start", "pinchonvalles"),
                struck.passages().stream().map(RunnerTiming.Passage::pointId).toList());
    }

    @Test
    void onlyOfficialsDecide() {
        given().contentType(ContentType.JSON).body(Map.of("time", GUN.toString(), "reason", "x"))
                .when().put("/api/races/" + RACE + "/gun-start").then().statusCode(401);
        given().auth().preemptive().basic("vol-est", "vol-est-secret").contentType(ContentType.JSON)
                .body(Map.of("time", GUN.toString(), "reason", "x"))
                .when().put("/api/races/" + RACE + "/gun-start").then().statusCode(403);
        given().auth().preemptive().basic("judge", "wrong").contentType(ContentType.JSON)
                .body(Map.of("time", GUN.toString(), "reason", "x"))
                .when().put("/api/races/" + RACE + "/gun-start").then().statusCode(401);
    }

    @Test
    void badDecisionsAreRefusedWithAProblem() {
        official().body(Map.of("time", GUN.toString()))
                .when().put("/api/races/" + RACE + "/gun-start")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("reason"));
        official().body(Map.of("time", "half past six", "reason", "x"))
                .when().put("/api/races/" + RACE + "/gun-start")
                .then().statusCode(400).contentType("application/problem+json");
        official().body(Map.of("time", GUN.toString(), "reason", "x"))
                .when().put("/api/races/999K/gun-start")
                .then().statusCode(404).body("type", containsString("unknown-race"));
        official().body(Map.of("status", "FINISHED", "reason", "x"))
                .when().put("/api/races/" + RACE + "/runners/1001/status")
                .then().statusCode(422).contentType("application/problem+json");
        official().body(Map.of("time", GUN.toString(), "reason", "x"))
                .when().put("/api/races/" + RACE + "/runners/99999/passages/finish")
                .then().statusCode(404).body("type", containsString("unknown-runner"));
    }
}
