package fr.pyramidesnoires.timing.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pyramidesnoires.events.ChipRead;
import fr.pyramidesnoires.events.KafkaAccess;
import fr.pyramidesnoires.events.KafkaSettings;
import fr.pyramidesnoires.events.testing.StackAccounts;
import fr.pyramidesnoires.events.testing.Eventually;
import fr.pyramidesnoires.field.LineReaderEmulator;
import fr.pyramidesnoires.matagent.AgentSettings;
import fr.pyramidesnoires.matagent.MatAgent;
import fr.pyramidesnoires.timing.gateway.ReadsOverHttpTest.Runner;
import fr.pyramidesnoires.timing.mat.MatBoard;
import fr.pyramidesnoires.timing.read.ReadArchiveResource;
import fr.pyramidesnoires.timing.read.StoredReads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A whole mat agent, as a volunteer starts it, against a reader played on loopback and the real platform: the reads
 * keep the agent's reader and journal sequence end to end, the volunteer's page names who passed, and the mat board
 * shows the reader as the agent reports it.
 */
@QuarkusTest
class MatAgentOnThePlatformTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theAgentsReadsPageAndReportsReachThePlatform() throws Exception {
        // as printed on the chip: the agent reads the reader's code the way the chip shows it
        Runner runner = ReadsOverHttpTest.register("CHIP-" + UUID.randomUUID().toString().toUpperCase());
        try (LineReaderEmulator reader = new LineReaderEmulator();
             MatAgent agent = MatAgent.start(AgentSettings.of(Map.of(
                     "MAT_ID", "M-9BIS-START",
                     "READERS", "R-MAIN=line:127.0.0.1:" + reader.port(),
                     "PLATFORM_URL", "http://127.0.0.1:" + RestAssured.port,
                     "DEVICE_ACCOUNT", "gw-start:gw-start-secret",
                     "JOURNAL_DIR", Files.createTempDirectory("agent").toString(),
                     "STATUS_PORT", "0")), Clock.systemUTC())) {
            // a live crossing, read by a reader whose clock is 3 s ahead of the platform's
            OffsetDateTime readerNow = OffsetDateTime.now(ZoneOffset.ofHours(1)).plusSeconds(3);
            reader.emit(new ChipRead("R-MAIN", "M-9BIS-START", runner.chip(), readerNow, 1, -50, null,
                    ChipRead.Source.MAT));
            reader.emit(new ChipRead("R-MAIN", "M-9BIS-START", runner.chip(), readerNow.plusNanos(200_000_000), 2,
                    -52, null, ChipRead.Source.MAT));

            Eventually.until(() -> StoredReads.archived(runner.chip()).size() == 2, Duration.ofSeconds(30),
                    "the agent's two reads reach timing");
            List<JsonNode> archived = StoredReads.archived(runner.chip()).stream()
                    .map(ReadArchiveResource.ArchivedRead::payload).map(MatAgentOnThePlatformTest::json).toList();
            assertEquals(List.of("gw-start/R-MAIN", "gw-start/R-MAIN"),
                    archived.stream().map(r -> r.get("readerId").asText()).toList(),
                    "the device account, then the agent's reader");
            assertEquals(List.of(1L, 2L), archived.stream().map(r -> r.get("sequence").asLong()).sorted().toList(),
                    "the agent's journal sequence");

            String page = Eventually.until(() -> page(agent), p -> p.contains(String.valueOf(runner.bib())),
                    Duration.ofSeconds(30), p -> "the start list reached the page: " + p);
            assertTrue(page.contains("Noa Benevole") && page.contains(runner.chip()), page);
            assertTrue(page.contains("A1 = 1") && page.contains("A2 = 1"), "reads by antenna: " + page);

            MatBoard.ReaderStatus status = Eventually.until(MatAgentOnThePlatformTest::reportedReader,
                    r -> r != null && r.reportedAt().isAfter(Instant.now().minusSeconds(20)) && r.clockOffset() != null
                            && r.backlog() == 0, Duration.ofSeconds(40), r -> "the agent's report: " + r);
            assertTrue(status.connected() && !status.stale());
            assertEquals("line", status.protocol());
            assertTrue(Math.abs(status.clockOffset() - 3000) < 1000, "the reader's clock, 3 s ahead: " + status);
            assertTrue(status.clockOff(), "beyond the limit of a second: flagged");
            assertTrue(status.lastDelivery() != null);
        }
        given().auth().preemptive().basic("judge", "judge-secret").when().get("/mats")
                .then().statusCode(200).body(org.hamcrest.Matchers.containsString("gw-start/R-MAIN"));
    }

    /** On the race LAN the agent writes straight to chip-reads, as the readers' Kafka account. */
    @Test
    void anAgentOnTheRaceLanWritesStraightToKafka() throws Exception {
        Runner runner = ReadsOverHttpTest.register("CHIP-" + UUID.randomUUID().toString().toUpperCase());
        Path folder = Files.createTempDirectory("lan-agent");
        // the reader account's sign-in, as deploy/stack.sh writes it for a reader's client
        Properties client = KafkaSettings.producer(StackAccounts.as(KafkaAccess.fromConfig(), "reader"), "lan-agent");
        Path clientFile = folder.resolve("kafka-reader.properties");
        try (Writer out = Files.newBufferedWriter(clientFile)) {
            client.store(out, null);
        }
        Map<String, String> settings = new java.util.HashMap<>(Map.of(
                "MAT_ID", "M-ESTEVELLES",
                "PLATFORM_URL", "http://127.0.0.1:" + RestAssured.port,
                "DEVICE_ACCOUNT", "mat-r7:device-secret",
                "JOURNAL_DIR", folder.resolve("journal").toString(),
                "STATUS_PORT", "0",
                "KAFKA_BOOTSTRAP", client.getProperty("bootstrap.servers"),
                "KAFKA_CONFIG", clientFile.toString()));
        try (LineReaderEmulator reader = new LineReaderEmulator()) {
            settings.put("READERS", "EST-1=line:127.0.0.1:" + reader.port());
            try (MatAgent agent = MatAgent.start(AgentSettings.of(settings), Clock.systemUTC())) {
                reader.emit(new ChipRead("EST-1", "M-ESTEVELLES", runner.chip(),
                        OffsetDateTime.parse("2027-03-20T11:02:44.900+01:00"), 3, -61, null, ChipRead.Source.MAT));
                Eventually.until(() -> agent.journal().last() == 1 && agent.journal().waiting() == 0,
                        Duration.ofSeconds(30), "the broker acknowledged the read");
            }
        }
        Eventually.until(() -> StoredReads.archived(runner.chip()).size() == 1, Duration.ofSeconds(30),
                "the read reaches timing");
        JsonNode read = json(StoredReads.archived(runner.chip()).get(0).payload());
        assertEquals("M-ESTEVELLES/EST-1", read.get("readerId").asText());
        assertEquals(1, read.get("sequence").asLong());
        assertEquals(1, StoredReads.distinct(runner.chip()));
    }

    @Test
    void aDeviceReportsOnlyForItsOwnMatsAndAMalformedReportIsAProblem() {
        given().auth().preemptive().basic("gw-start", "gw-start-secret").contentType(ContentType.JSON)
                .body(Map.of("matId", "M-ESTEVELLES", "backlog", 0, "readers", List.of()))
                .when().post("/api/devices/status")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().preemptive().basic("gw-start", "gw-start-secret").contentType(ContentType.JSON)
                .body(Map.of("matId", "M-9BIS-START", "backlog", -4, "readers", List.of(Map.of("readerId", ""))))
                .when().post("/api/devices/status")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().preemptive().basic("vol-est", "vol-est-secret").when().get("/api/devices/start-list")
                .then().statusCode(403);
    }

    private static MatBoard.ReaderStatus reportedReader() {
        MatBoard.MatStatus[] board = given().auth().preemptive().basic("judge", "judge-secret")
                .when().get("/api/mats").then().statusCode(200).extract().as(MatBoard.MatStatus[].class);
        return Arrays.stream(board).filter(m -> m.matId().equals("M-9BIS-START")).flatMap(m -> m.readers().stream())
                .filter(r -> r.readerId().equals("gw-start/R-MAIN")).findFirst().orElse(null);
    }

    private static String page(MatAgent agent) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + agent.statusPort() + "/")).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.toString();
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
