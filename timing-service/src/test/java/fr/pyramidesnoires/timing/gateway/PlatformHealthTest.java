package fr.pyramidesnoires.timing.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.ChipRead;
import fr.pyramidesnoires.events.EventJson;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.MetricsText;
import fr.pyramidesnoires.events.testing.RaceDayDashboard;
import fr.pyramidesnoires.timing.gateway.ReadsOverHttpTest.Runner;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/** What the organiser's dashboard and race control see of timing's health, and a read followed by its trace. */
@QuarkusTest
class PlatformHealthTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aReadPostedWithATraceReachesTheRunnersPublishedTimingInTheSameTrace() {
        Runner runner = ReadsOverHttpTest.register();
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        double before = metric("timing_chip_reads_total", "mat=\"M-ESTEVELLES\"");

        given().auth().preemptive().basic("mat-r7", "device-secret").contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01")
                .body(List.of(
                        Map.of("matId", "M-9BIS-START", "chipId", runner.chip(), "readTime", "2027-03-20T10:00:03.100+01:00"),
                        Map.of("matId", "M-ESTEVELLES", "chipId", runner.chip(), "readTime", "2027-03-20T11:02:44.900+01:00")))
                .when().post("/api/devices/reads")
                .then().statusCode(200);
        ReadsOverHttpTest.awaitTiming(runner, t -> t.passages().size() == 2);

        List<ConsumerRecord<String, String>> timings = ReadsOverHttpTest.kafka().readAll(Topics.RUNNER_TIMINGS).stream()
                .filter(r -> isOf(r, runner))
                .filter(r -> r.value().contains("estevelles")).toList();
        assertFalse(timings.isEmpty(), "the runner's timing with the new passage is published");
        assertTrue(timings.stream().allMatch(r -> traceparent(r).contains("-" + traceId + "-")),
                "the timing carries the read's trace: " + timings.stream().map(PlatformHealthTest::traceparent).toList());
        assertTrue(metric("timing_chip_reads_total", "mat=\"M-ESTEVELLES\"") >= before + 1,
                "the mat's reads counter rose");
    }

    @Test
    void aReadOfAChipNobodyWearsCountsInQuarantineUnderItsReason() {
        double before = metric("timing_messages_quarantined_total", "reason=\"unknown-chip\"");
        String chip = "NOBODY-" + UUID.randomUUID();
        ReadsOverHttpTest.kafka().send(Topics.CHIP_READS, chip, new ChipRead("R-EST", "M-ESTEVELLES", chip,
                OffsetDateTime.parse("2027-03-20T11:00:00+01:00"), 1, -60, 1L, ChipRead.Source.MAT));
        awaitMetric("timing_messages_quarantined_total", "reason=\"unknown-chip\"", before + 1);
    }

    @Test
    void raceControlAndTheMatBoardShowTheReadsWaitingOnTheBroker() {
        ReadsOverHttpTest.register();
        // every chip-reads partition is this instance's, each with its gauge; nothing waits once caught up
        for (int partition = 0; partition < 6; partition++) {
            assertTrue(metricLines("timing_consumer_lag").contains("partition=\"" + partition + "\""),
                    "lag of chip-reads partition " + partition);
        }
        for (String page : List.of("/race-control", "/mats")) {
            String html = given().auth().preemptive().basic("judge", "judge-secret").when().get(page)
                    .then().statusCode(200).extract().asString();
            Matcher waiting = Pattern.compile("Lectures en attente sur le broker : <strong>(\\d+)</strong>")
                    .matcher(html);
            assertTrue(waiting.find(), page + " shows the reads waiting on the broker, in French first");
            assertTrue(html.indexOf("Lectures en attente") < html.indexOf("reads waiting on the broker"), page);
            assertEquals("0", waiting.group(1), page + ": nothing waits once timing has caught up");
            assertTrue(html.contains("<td>chip-reads</td><td>5</td>"), page + " lists each partition");
        }
    }

    @Test
    void everyTimingMetricOfTheRaceDayDashboardIsExposed() {
        aReadOfAChipNobodyWearsCountsInQuarantineUnderItsReason();
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        var asked = RaceDayDashboard.metricsOf("timing");
        assertTrue(asked.size() >= 4, "the dashboard shows timing: " + asked);
        assertEquals(Set.of(), RaceDayDashboard.notExposed("timing", metrics),
                "asked by the dashboard, not at /q/metrics");
    }

    private static String metricLines(String prefix) {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(l -> l.startsWith(prefix)).reduce("", (a, b) -> a + b + "\n");
    }

    static double metric(String name, String label) {
        return MetricsText.sum(given().when().get("/q/metrics").then().statusCode(200).extract().asString(), name,
                label);
    }

    static void awaitMetric(String name, String label, double atLeast) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (metric(name, label) < atLeast) {
            assertTrue(System.nanoTime() < deadline, name + "{" + label + "} did not reach " + atLeast);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static boolean isOf(ConsumerRecord<String, String> record, Runner runner) {
        if (record.value() == null) {
            return false;
        }
        try {
            RunnerTiming timing = EventJson.read(record.value(), RunnerTiming.class);
            return timing != null && timing.bib() == runner.bib() && "22K".equals(timing.raceCode());
        } catch (EventJson.MalformedEventException anotherTestsOnPurpose) {
            // the topic is shared with the tests that send malformed messages on purpose
            return false;
        }
    }

    private static String traceparent(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("traceparent");
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new Random().nextBytes(bytes);
        return bytes;
    }
}
