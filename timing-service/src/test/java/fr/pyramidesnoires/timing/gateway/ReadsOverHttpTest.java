package fr.pyramidesnoires.timing.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.ChipRead;
import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.EventJson;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.TopicProbe;
import fr.pyramidesnoires.timing.read.RawRead;
import fr.pyramidesnoires.timing.read.StoredReads;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Reads that come over HTTP: from reader devices, and from volunteers typing bibs at a checkpoint. */
@QuarkusTest
class ReadsOverHttpTest {

    static final Random RANDOM = new Random();
    static TopicProbe kafka() {
        return TopicProbe.shared();
    }

    record Runner(int bib, String chip) {
    }

    /** A 22 km runner with a bib no other test uses. */
    static Runner register() {
        return register("CHIP-" + UUID.randomUUID());
    }

    /** @param chip as printed on it */
    static Runner register(String chip) {
        Runner runner = new Runner(700_000 + RANDOM.nextInt(299_999), chip);
        String id = UUID.randomUUID().toString();
        kafka().send(Topics.ENTRIES, id, new EntryEvent(EntryEvent.Type.UPSERTED, id, "22K", runner.bib(),
                runner.chip(), "Noa", "Benevole", false, EntryEvent.Sex.H, "SE", null, "FRA", Instant.now()));
        awaitTiming(runner, t -> true);
        return runner;
    }

    static RunnerTiming awaitTiming(Runner runner, Predicate<RunnerTiming> wanted) {
        return kafka().awaitLast(Topics.RUNNER_TIMINGS, RunnerTiming.class,
                t -> t.raceCode().equals("22K") && t.bib() == runner.bib() && wanted.test(t), Duration.ofSeconds(30));
    }

    static long readsOf(String chip) {
        return StoredReads.distinct(chip);
    }

    @Test
    void aDeviceBatchIsAcceptedReadByReadAndItsBadReadsAreKeptAndNamed() {
        Runner runner = register();
        String marker = UUID.randomUUID().toString();
        given().auth().preemptive().basic("mat-r7", "device-secret").contentType(ContentType.JSON)
                .body(List.of(
                        Map.of("matId", "M-9BIS-START", "chipId", runner.chip(), "readTime", "2027-03-20T10:00:03.100+01:00"),
                        Map.of("matId", "M-ESTEVELLES", "chipId", runner.chip(), "readTime", "2027-03-20T11:02:44.900+01:00",
                                "antenna", 2, "rssi", -61, "sequence", 881),
                        Map.of("matId", "M-ESTEVELLES", "readTime", "2027-03-20T11:02:45.000+01:00", "note", marker)))
                .when().post("/api/devices/reads")
                .then().statusCode(200)
                .body("accepted", equalTo(2))
                .body("refused[0].index", equalTo(2))
                .body("refused[0].reason", containsString("chipId"));

        RunnerTiming timing = awaitTiming(runner, t -> t.passages().size() == 2);
        assertEquals("estevelles", timing.passages().get(1).pointId());
        List<RawRead> kept = QuarkusTransaction.requiringNew().call(() -> RawRead.<RawRead>list("problem is not null"))
                .stream().filter(r -> new String(r.payload, StandardCharsets.UTF_8).contains(marker)).toList();
        assertEquals(1, kept.size(), "the refused read is kept for officials");
        assertEquals(List.of("mat-r7"), StoredReads.archived(runner.chip()).stream()
                .map(r -> EventJson.read(r.payload(), ChipRead.class).readerId()).distinct().toList());
    }

    @Test
    void onlyDevicesPostReads() {
        given().contentType(ContentType.JSON).body(List.of()).when().post("/api/devices/reads").then().statusCode(401);
        given().auth().preemptive().basic("vol-est", "vol-est-secret").contentType(ContentType.JSON).body(List.of())
                .when().post("/api/devices/reads").then().statusCode(403);
    }

    @Test
    void aDeviceReadsOnlyForItsOwnMats() {
        Runner runner = register();
        String marker = UUID.randomUUID().toString();
        given().auth().preemptive().basic("gw-start", "gw-start-secret").contentType(ContentType.JSON)
                .body(List.of(
                        Map.of("matId", "M-9BIS-START", "chipId", runner.chip(), "readTime", "2027-03-20T10:00:03.100+01:00"),
                        Map.of("matId", "M-ESTEVELLES", "chipId", runner.chip(), "readTime", "2027-03-20T11:02:44.900+01:00",
                                "note", marker)))
                .when().post("/api/devices/reads")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", containsString("other-mat"))
                .body("errors[0].field", equalTo("[1].matId"));
        given().auth().preemptive().basic("gw-start", "gw-start-secret").contentType(ContentType.JSON)
                .body(List.of(Map.of("matId", "M-9BIS-START", "chipId", runner.chip(),
                        "readTime", "2027-03-20T10:00:04.100+01:00")))
                .when().post("/api/devices/reads")
                .then().statusCode(200).body("accepted", equalTo(1));

        RunnerTiming timing = awaitTiming(runner, t -> !t.passages().isEmpty());
        assertEquals("start", timing.passages().get(0).pointId());
        assertEquals(1, readsOf(runner.chip()), "nothing of the refused batch reached timing");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> RawRead.<RawRead>list("problem is not null")).stream()
                .noneMatch(r -> new String(r.payload, StandardCharsets.UTF_8).contains(marker)), "not even quarantined");
    }

    /** A time as the checkpoint page sends it: the phone's local time with its offset. */
    static String typed(Instant time) {
        return time.atOffset(ZoneOffset.ofHours(1)).toString();
    }

    @Test
    void aVolunteersTypedBibBecomesAPassageAndARetryRecordsNothingTwice() {
        Runner runner = register();
        Instant seen = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(10));
        List<Map<String, Object>> sightings = List.of(
                Map.of("id", UUID.randomUUID().toString(), "bib", runner.bib(), "time", typed(seen)),
                Map.of("id", UUID.randomUUID().toString(), "bib", 999, "time", typed(seen.plusSeconds(8))));

        for (int attempt = 0; attempt < 2; attempt++) {
            given().auth().preemptive().basic("vol-est", "vol-est-secret").contentType(ContentType.JSON).body(sightings)
                    .when().post("/api/checkpoints/estevelles/passages")
                    .then().statusCode(200)
                    .body("[0].recorded", equalTo(true))
                    .body("[1].recorded", equalTo(false))
                    .body("[1].reason", containsString("999"));
        }

        RunnerTiming timing = awaitTiming(runner, t -> t.passages().size() == 1);
        assertEquals("estevelles", timing.passages().get(0).pointId());
        assertEquals(seen, timing.passages().get(0).time());
        assertEquals(1, readsOf(runner.chip()));
    }

    @Test
    void aTimeFarFromNowIsRefusedEntryByEntryAndTheRestRecorded() {
        Runner runner = register();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Map<String, Object>> sightings = List.of(
                Map.of("id", "ahead", "bib", runner.bib(), "time", typed(now.plus(Duration.ofHours(1)))),
                Map.of("id", "behind", "bib", runner.bib(), "time", typed(now.minus(Duration.ofDays(2)))),
                Map.of("id", "offline-all-morning", "bib", runner.bib(), "time", typed(now.minus(Duration.ofHours(5)))));
        given().auth().preemptive().basic("vol-est", "vol-est-secret").contentType(ContentType.JSON).body(sightings)
                .when().post("/api/checkpoints/estevelles/passages")
                .then().statusCode(200)
                .body("[0].recorded", equalTo(false))
                .body("[0].reason", containsString("15 min"))
                .body("[1].recorded", equalTo(false))
                .body("[1].reason", containsString("24 h"))
                .body("[2].recorded", equalTo(true));

        RunnerTiming timing = awaitTiming(runner, t -> t.passages().size() == 1);
        assertEquals(now.minus(Duration.ofHours(5)), timing.passages().get(0).time());
        assertEquals(1, readsOf(runner.chip()));
    }

    @Test
    void aVolunteerRecordsOnlyAtTheirOwnCheckpoint() {
        given().auth().preemptive().basic("vol-est", "vol-est-secret").contentType(ContentType.JSON)
                .body(List.of(Map.of("id", "x", "bib", 1, "time", typed(Instant.now()))))
                .when().post("/api/checkpoints/ste-henriette/passages")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().preemptive().basic("vol-est", "vol-est-secret").contentType(ContentType.JSON)
                .body(List.of(Map.of("id", "x", "bib", 1, "time", typed(Instant.now()))))
                .when().post("/api/checkpoints/finish/passages")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().preemptive().basic("vol-est", "vol-est-secret")
                .when().get("/checkpoint?point=finish")
                .then().statusCode(403);
    }

    @Test
    void theCheckpointPageOpensOnTheVolunteersPoint() {
        String page = given().auth().preemptive().basic("vol-est", "vol-est-secret")
                .when().get("/checkpoint")
                .then().statusCode(200).contentType(containsString("text/html")).extract().asString();
        assertTrue(page.contains("Terril d&#39;Estevelles") || page.contains("Terril d'Estevelles"), page);
        assertTrue(page.contains("Numéro de dossard"));
        assertTrue(page.contains("data-point=\"estevelles\""));
    }
}
