package fr.pyramidesnoires.timing.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.ChipRead;
import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.EventJson;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.Eventually;
import fr.pyramidesnoires.timing.ingest.ChipReadIngestTest.Runner;
import fr.pyramidesnoires.timing.read.RawRead;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Messages anyone who reaches the topics could write, each among good ones: every good read must be timed, every
 * bad message kept with why, and the consumer must go on. Where validation lets a message through that the
 * database then refuses, a trigger of the test's own plays that database, on the real one.
 */
@QuarkusTest
class UnusableMessagesTest {

    static final OffsetDateTime TEN_AM = ChipReadIngestTest.TEN_AM;

    @Inject
    AgroalDataSource database;

    static String read(String chip, String readTime) {
        return "{\"readerId\":\"R-PROBE\",\"matId\":\"M-ESTEVELLES\",\"chipId\":\"" + chip + "\",\"readTime\":"
                + readTime + "}";
    }

    static List<RawRead> keptAside(String marker) {
        return QuarkusTransaction.requiringNew().call(() -> RawRead.<RawRead>list("problem is not null")).stream()
                .filter(r -> new String(r.payload, StandardCharsets.UTF_8).contains(marker)).toList();
    }

    static List<RawRead> awaitKeptAside(String marker, int count) {
        return Eventually.until(() -> keptAside(marker), kept -> kept.size() == count, Duration.ofSeconds(30),
                kept -> "kept aside: " + kept.stream().map(r -> r.problem).toList());
    }

    static RunnerTiming finished(Runner runner) {
        return ChipReadIngestTest.awaitTiming(runner, t -> t.status() == RunnerTiming.Status.FINISHED);
    }

    /** Start, Estevelles and finish crossings of the 22 km, as a mat sends them. */
    static List<ChipRead> race(Runner runner) {
        List<ChipRead> reads = new ArrayList<>();
        reads.addAll(ChipReadIngestTest.crossing("R-START", "M-9BIS-START", runner.chip(), TEN_AM.plusSeconds(4), 3));
        reads.addAll(ChipReadIngestTest.crossing("R-EST", "M-ESTEVELLES", runner.chip(), TEN_AM.plusMinutes(57), 3));
        reads.addAll(ChipReadIngestTest.crossing("R-FIN", "M-9BIS-FINISH", runner.chip(), TEN_AM.plusHours(2), 3));
        return reads;
    }

    static void sendInterleaved(List<ChipRead> good, List<String> bad, String key) {
        for (int i = 0; i < Math.max(good.size(), bad.size()); i++) {
            if (i < good.size()) {
                ChipReadIngestTest.send(List.of(good.get(i)));
            }
            if (i < bad.size()) {
                ChipReadIngestTest.kafka().sendRaw(Topics.CHIP_READS, key, bad.get(i));
            }
        }
    }

    @Test
    void readsNoDatabaseCouldHoldAreKeptWithWhyAndTheGoodOnesAroundThemTimed() {
        Runner runner = ChipReadIngestTest.register();
        String chip = runner.chip();
        List<String> bad = List.of(
                read(chip, "\"+999999999-03-20T09:00:00.000+01:00\""),
                read(chip, "\"0000-03-20T09:00:00.000+01:00\""),
                read(chip, "1000000000000000"),
                read(chip, "100000000000000000000000"),
                read(chip, "-1e300"),
                read(chip, "\"2037-03-20T09:00:00.000+01:00\""),
                "\u0000\u0001 not even json " + chip,
                read(chip, "tru\u0000e"));

        sendInterleaved(race(runner), bad, chip);

        RunnerTiming timing = finished(runner);
        assertEquals(3, timing.passages().size());
        assertEquals(TEN_AM.plusHours(2).toInstant(), timing.passages().get(2).time());
        List<RawRead> kept = awaitKeptAside(chip, bad.size());
        for (String message : bad) {
            assertTrue(kept.stream().anyMatch(r -> new String(r.payload, StandardCharsets.UTF_8).equals(message)),
                    "kept byte for byte: " + message);
        }
        assertTrue(kept.stream().filter(r -> r.problem.contains("not a date a reader can mean")).count() >= 2);
        assertTrue(kept.stream().anyMatch(r -> r.problem.contains("away from when it was sent")), "ten years off");
        assertTrue(kept.stream().noneMatch(r -> r.problem.indexOf('\0') >= 0));
        kept.forEach(r -> assertEquals(Topics.CHIP_READS, r.topic));
    }

    @Test
    void entryEventsTimingCannotUseAreKeptAsideAndTheNextEntriesStillCount() {
        String marker = "BAD-ENTRY-" + UUID.randomUUID();
        ChipReadIngestTest.kafka().sendRaw(Topics.ENTRIES, marker,
                "{\"type\":\"UPSERTED\",\"note\":\"" + marker + "\"}");
        ChipReadIngestTest.kafka().sendRaw(Topics.ENTRIES, marker, "\u0000 " + marker);
        ChipReadIngestTest.kafka().sendRaw(Topics.ENTRIES, marker, EventJson.write(new EntryEvent(
                EntryEvent.Type.UPSERTED, marker, "22K", 7, "CHIP-\u0000" + marker, "Jean", "Test", false,
                EntryEvent.Sex.H, "SE", null, "FRA", Instant.now())));
        Runner runner = ChipReadIngestTest.register();
        ChipReadIngestTest.send(race(runner));

        finished(runner);
        awaitKeptAside(marker, 3).forEach(r -> assertEquals(Topics.ENTRIES, r.topic));
        given().auth().preemptive().basic("judge", "judge-secret")
                .when().get("/api/quarantine?kind=MALFORMED")
                .then().statusCode(200).body("topic", hasItem(Topics.ENTRIES));
    }

    @Test
    void aMessageTheDatabaseRefusesIsKeptAsideAndTheRestOfItsBatchIsTimed() throws SQLException {
        String poison = "POISON-" + UUID.randomUUID();
        Runner before = ChipReadIngestTest.register();
        Runner after = ChipReadIngestTest.register();
        ChipReadIngestTest.awaitTiming(before, t -> true);
        ChipReadIngestTest.awaitTiming(after, t -> true);
        try {
            sql("CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "RAISE EXCEPTION 'refused by the test: %', NEW.chip USING ERRCODE = '22000'; END $$",
                    "CREATE TRIGGER poison_chip BEFORE INSERT ON chipreads FOR EACH ROW WHEN (NEW.chip LIKE 'POISON-%')"
                            + " EXECUTE FUNCTION refuse_poison()");
            List<ChipRead> batch = new ArrayList<>(race(before));
            batch.addAll(ChipReadIngestTest.crossing("R-EST", "M-ESTEVELLES", poison, TEN_AM.plusMinutes(50), 2));
            batch.addAll(race(after));
            // one key, one partition: the poison read lands in the same polled batch as both runners' reads
            batch.forEach(read -> ChipReadIngestTest.kafka().send(Topics.CHIP_READS, "one-batch", read));

            finished(before);
            finished(after);
            assertTrue(awaitKeptAside(poison, 2).stream().allMatch(r -> r.problem.contains("refused by the test")));
            String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
            assertTrue(metrics.lines().anyMatch(l -> l.startsWith("timing_messages_parked_total")
                    && Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) >= 2), metrics);
        } finally {
            sql("DROP TRIGGER IF EXISTS poison_chip ON chipreads", "DROP FUNCTION IF EXISTS refuse_poison()");
        }
    }

    @Test
    void aConsumerThatCannotStoreIsNotReadyAndCatchesUpOnceTheDatabaseCan() throws SQLException {
        String stall = "STALL-" + UUID.randomUUID();
        Runner runner = ChipReadIngestTest.register();
        ChipReadIngestTest.awaitTiming(runner, t -> true);
        try {
            // out of resources: the database's fault, not the message's, so the batch waits and is tried again
            sql("CREATE FUNCTION refuse_for_now() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "RAISE EXCEPTION 'disk full, says the test' USING ERRCODE = '53100'; END $$",
                    "CREATE TRIGGER stall_chip BEFORE INSERT ON chipreads FOR EACH ROW WHEN (NEW.chip LIKE 'STALL-%')"
                            + " EXECUTE FUNCTION refuse_for_now()");
            ChipReadIngestTest.kafka().send(Topics.CHIP_READS, "one-batch",
                    ChipReadIngestTest.crossing("R-EST", "M-ESTEVELLES", stall, TEN_AM.plusMinutes(50), 1).get(0));
            race(runner).forEach(read -> ChipReadIngestTest.kafka().send(Topics.CHIP_READS, "one-batch", read));

            Eventually.until(() -> given().when().get("/q/health/ready"), r -> r.statusCode() == 503,
                    Duration.ofSeconds(30), r -> "still ready: " + r.asString())
                    .then().body("checks.find { it.name == 'timing consumer advancing' }.status", equalTo("DOWN"));
            assertTrue(keptAside(stall).isEmpty(), "a database that is away is waited for, nothing is kept aside");
        } finally {
            sql("DROP TRIGGER IF EXISTS stall_chip ON chipreads", "DROP FUNCTION IF EXISTS refuse_for_now()");
        }
        finished(runner);
        Eventually.until(() -> given().when().get("/q/health/ready"), r -> r.statusCode() == 200,
                Duration.ofSeconds(30), r -> "not ready again: " + r.asString());
    }

    private void sql(String... statements) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
