package fr.pyramidesnoires.timing.official;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.ChipRead;
import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.Eventually;
import fr.pyramidesnoires.events.testing.TopicProbe;
import fr.pyramidesnoires.timing.read.RawRead;
import fr.pyramidesnoires.timing.read.StoredReads;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What officials and the timing crew look at: quarantined reads, cut-off flags, the mats. */
@QuarkusTest
class OfficialViewsTest {

    static final Instant GUN = OfficialDecisionsTest.GUN;
    static final Random BIBS = new Random();
    private static TopicProbe kafka;

    @BeforeAll
    static void connect() {
        kafka = TopicProbe.onTheServicesBroker();
    }

    @BeforeEach
    void startThe55k() {
        official().body(Map.of("time", GUN.toString(), "reason", "starter's signal"))
                .when().put("/api/races/55K/gun-start").then().statusCode(200);
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    static RequestSpecification official() {
        return given().auth().preemptive().basic("judge", "judge-secret").contentType(ContentType.JSON);
    }

    static void register(int bib, String chip) {
        register("55K", bib, chip);
    }

    /** @return the entry's id */
    static String register(String race, int bib, String chip) {
        String id = UUID.randomUUID().toString();
        kafka.send(Topics.ENTRIES, id, entry(EntryEvent.Type.UPSERTED, id, race, bib, chip));
        return id;
    }

    static EntryEvent entry(EntryEvent.Type type, String id, String race, int bib, String chip) {
        return new EntryEvent(type, id, race, bib, chip, "Eli", "Vue", false, EntryEvent.Sex.H, "M1", null, "FRA",
                Instant.now());
    }

    /**
     * A 55 km runner read once at a checkpoint after the gun: a plain passage, kept in the archive only.
     *
     * @return the entry's id
     */
    static String runnerWithAPassage(int bib, String chip, String mat, Instant time) {
        String entry = register("55K", bib, chip);
        awaitTiming(bib, t -> true);
        read(chip, mat, time);
        awaitTiming(bib, t -> t.passages().size() == 1);
        return entry;
    }

    static void read(String chip, String mat, Instant time) {
        kafka.send(Topics.CHIP_READS, chip, new ChipRead("R-" + mat, mat, chip, time.atOffset(ZoneOffset.ofHours(1)),
                1, -55, null, ChipRead.Source.MAT));
    }

    static RunnerTiming awaitTiming(int bib, Predicate<RunnerTiming> wanted) {
        return kafka.awaitLast(Topics.RUNNER_TIMINGS, RunnerTiming.class,
                t -> t.raceCode().equals("55K") && t.bib() == bib && wanted.test(t), Duration.ofSeconds(30));
    }

    static JsonPath awaitQuarantine(String kind, Predicate<JsonPath> wanted) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        JsonPath last = null;
        while (Instant.now().isBefore(deadline)) {
            last = official().when().get("/api/quarantine?kind=" + kind).then().statusCode(200).extract().jsonPath();
            if (wanted.test(last)) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("quarantine " + kind + " never as expected: " + last.prettify());
    }

    @Test
    void readsThatGaveNoPassageWaitInQuarantineUntilResolved() throws Exception {
        String stranger = "CHIP-" + UUID.randomUUID();
        String nowhere = "M-NOWHERE-" + UUID.randomUUID().toString().substring(0, 8);
        String marker = UUID.randomUUID().toString();
        int bib = 500_000 + BIBS.nextInt(99_999);
        String chip = "CHIP-" + UUID.randomUUID();
        register(bib, chip);
        read(stranger, "M-LOOS-74", GUN.plus(Duration.ofHours(3)));
        read(chip, nowhere, GUN.plus(Duration.ofHours(1)));
        // a volunteer's test read at a terril half an hour before the gun
        read(chip, "M-PINCHONVALLES", GUN.minus(Duration.ofMinutes(30)));
        kafka.sendRaw(Topics.CHIP_READS, "junk", "{\"matId\": \"M-LOOS-74\", \"note\": \"" + marker + "\"}");

        awaitQuarantine("UNKNOWN_CHIP", q -> q.getList("chipId").contains(stranger));
        awaitQuarantine("UNKNOWN_MAT", q -> q.getList("matId").contains(nowhere));
        awaitQuarantine("BEFORE_START", q -> q.getList("chipId").contains(chip));
        JsonPath malformed = awaitQuarantine("MALFORMED",
                q -> q.getList("payload", String.class).stream().anyMatch(p -> p.contains(marker)));
        long junkId = malformed.getList("findAll { it.payload.contains('" + marker + "') }.id", Long.class).get(0);

        official().body(Map.of("note", "test message from the Loos reader's installer"))
                .when().post("/api/quarantine/" + junkId + "/review")
                .then().statusCode(200).body("reviewedBy", equalTo("judge"));
        official().when().get("/api/quarantine?kind=MALFORMED").then().body("id", not(hasItem((int) junkId)));
        official().when().get("/api/quarantine?kind=MALFORMED&reviewed=true").then().body("id", hasItem((int) junkId));

        // registration hands the stranger's chip to a runner: the read leaves quarantine and counts
        register(bib + 1, stranger);
        awaitQuarantine("UNKNOWN_CHIP", q -> !q.getList("chipId").contains(stranger));
        awaitTiming(bib + 1, t -> t.passages().stream().anyMatch(p -> p.pointId().equals("jumeaux-74")));
    }

    @Test
    void aCheckpointReadTakenBeforeAnyGunIsListedBeforeTheStartOnceTheGunIsGiven() throws Exception {
        // the 110 km has no start signal yet, as on the morning before its start
        for (int id : official().when().get("/api/decisions?race=110K").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.kind == 'GUN_START' && it.undoneAt == null }.id", Integer.class)) {
            official().body(Map.of("reason", "the 110 km has not started yet")).when()
                    .post("/api/decisions/" + id + "/undo").then().statusCode(200);
        }
        int bib = 400_000 + BIBS.nextInt(99_999);
        String chip = "CHIP-" + UUID.randomUUID();
        register("110K", bib, chip);
        // the runner is known before the read comes: otherwise it would wait in quarantine as an unknown chip
        kafka.awaitLast(Topics.RUNNER_TIMINGS, RunnerTiming.class,
                t -> t.raceCode().equals("110K") && t.bib() == bib, Duration.ofSeconds(30));
        Instant warmUp = Instant.now().minus(Duration.ofMinutes(20));
        read(chip, "M-STE-HENRIETTE", warmUp);
        Eventually.until(() -> StoredReads.distinct(chip) == 1, Duration.ofSeconds(30), "the read is never stored");

        official().body(Map.of("time", warmUp.plus(Duration.ofMinutes(5)).toString(), "reason", "starter's signal"))
                .when().put("/api/races/110K/gun-start").then().statusCode(200);

        awaitQuarantine("BEFORE_START", q -> q.getList("chipId").contains(chip));
    }

    @Test
    void theReadsOfACancelledEntryWaitInQuarantineAsAChipNobodyWears() throws Exception {
        int bib = 300_000 + BIBS.nextInt(99_999);
        String chip = "CHIP-" + UUID.randomUUID();
        String entry = runnerWithAPassage(bib, chip, "M-PINCHONVALLES", GUN.plus(Duration.ofHours(2)));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> RawRead.count("chipId", chip)),
                "a plain passage is in the archive only");

        // the runner withdrew before the race, and ran anyway with the chip on their shoe
        kafka.send(Topics.ENTRIES, entry, entry(EntryEvent.Type.CANCELLED, entry, "55K", bib, chip));

        awaitQuarantine("UNKNOWN_CHIP", q -> q.getList("chipId").contains(chip));
    }

    @Test
    void aReadOfARunnerMovedToARaceNotYetStartedThenIsListedBeforeTheStart() throws Exception {
        official().body(Map.of("time", GUN.plus(Duration.ofHours(1)).toString(), "reason", "the 35 km starts later"))
                .when().put("/api/races/35K/gun-start").then().statusCode(200);
        int bib = 200_000 + BIBS.nextInt(99_999);
        String chip = "CHIP-" + UUID.randomUUID();
        String entry = runnerWithAPassage(bib, chip, "M-STE-HENRIETTE", GUN.plus(Duration.ofMinutes(30)));

        // the runner changed to the 35 km, which passes the same terril but starts an hour later
        kafka.send(Topics.ENTRIES, entry, entry(EntryEvent.Type.UPSERTED, entry, "35K", bib, chip));

        awaitQuarantine("BEFORE_START", q -> q.getList("chipId").contains(chip));
    }

    @Test
    void aRunnerPastACutOffIsFlaggedForAnOfficial() throws Exception {
        int bib = 600_000 + BIBS.nextInt(99_999);
        String chip = "CHIP-" + UUID.randomUUID();
        register(bib, chip);
        read(chip, "M-9BIS-START", GUN.plusSeconds(5));
        // Pinchonvalles closes 5 h after the gun in the sample 55 km
        read(chip, "M-PINCHONVALLES", GUN.plus(Duration.parse("PT5H12M")));
        awaitTiming(bib, t -> t.passages().size() == 2 && GUN.equals(t.gunStart()));

        official().when().get("/api/races/55K/cutoff-flags")
                .then().statusCode(200)
                .body("find { it.bib == " + bib + " }.pointId", equalTo("pinchonvalles"))
                .body("find { it.bib == " + bib + " }.late", equalTo(true));
    }

    @Test
    void theMatBoardShowsActivityUnknownChipsAndSilentMats() throws Exception {
        String mat = "M-TEST-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            read("CHIP-" + UUID.randomUUID(), mat, Instant.now());
        }
        Instant deadline = Instant.now().plusSeconds(30);
        JsonPath board;
        do {
            board = official().when().get("/api/mats").then().statusCode(200).extract().jsonPath();
            Thread.sleep(200);
        } while (!board.getList("matId").contains(mat) && Instant.now().isBefore(deadline));

        Map<String, Object> ours = board.getMap("find { it.matId == '" + mat + "' }");
        assertEquals(3, ours.get("readsLastMinute"));
        assertEquals(3, ours.get("unknownChipReads"));
        assertEquals(false, ours.get("silent"));
        List<String> silent = board.getList("findAll { it.silent }.matId");
        assertTrue(silent.contains("M-COURCELLES"), "no test reads at Courcelles: " + silent);

        given().auth().preemptive().basic("judge", "judge-secret").when().get("/mats")
                .then().statusCode(200).body(containsString(mat)).body(containsString("MUET / silent"));
        given().auth().preemptive().basic("vol-est", "vol-est-secret").when().get("/api/mats").then().statusCode(403);
    }
}
