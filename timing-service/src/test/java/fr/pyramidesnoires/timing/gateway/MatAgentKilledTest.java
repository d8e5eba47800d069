package fr.pyramidesnoires.timing.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.testing.Eventually;
import fr.pyramidesnoires.matagent.MatAgent;
import fr.pyramidesnoires.timing.gateway.ReadsOverHttpTest.Runner;
import fr.pyramidesnoires.timing.read.StoredReads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The agent as its own process, killed with SIGKILL while it sends a backlog to the real gateway, then started
 * again on the same journal: every read arrives, and none counts twice.
 */
@QuarkusTest
class MatAgentKilledTest {

    private static final int RUNNERS = 4;
    private static final int READS_EACH = 4000;

    @Test
    void anAgentKilledMidSendResumesAndTimingCountsEachReadOnce() throws Exception {
        List<Runner> runners = new ArrayList<>();
        StringBuilder file = new StringBuilder();
        OffsetDateTime first = OffsetDateTime.parse("2027-03-20T10:00:00+01:00");
        for (int r = 0; r < RUNNERS; r++) {
            Runner runner = ReadsOverHttpTest.register("CHIP-" + UUID.randomUUID().toString().toUpperCase());
            runners.add(runner);
            for (int i = 0; i < READS_EACH; i++) {
                file.append(runner.chip()).append(',').append(first.plusNanos(i * 1_000_000L)).append('\n');
            }
        }
        Path folder = Files.createTempDirectory("killed-agent");
        Path reads = folder.resolve("reads.txt");
        Files.writeString(reads, file);
        Path journal = folder.resolve("journal");

        Process agent = start(reads, journal);
        try {
            Eventually.until(() -> acknowledged(journal) > 0, Duration.ofSeconds(60), "the agent starts sending");
        } finally {
            agent.destroyForcibly().waitFor();
        }
        long before = acknowledged(journal);
        assertTrue(before < RUNNERS * READS_EACH, "killed mid-send: " + before + " acknowledged");

        Process again = start(reads, journal);
        try {
            Eventually.until(() -> acknowledged(journal) == RUNNERS * READS_EACH, Duration.ofSeconds(120),
                    "the restarted agent sends the rest");
        } finally {
            again.destroyForcibly().waitFor();
        }
        for (Runner runner : runners) {
            Eventually.until(() -> StoredReads.archived(runner.chip()).size() >= READS_EACH, Duration.ofSeconds(60),
                    "every read of " + runner.chip() + " reaches timing");
            assertEquals(READS_EACH, StoredReads.distinct(runner.chip()), "each read counted once");
        }
    }

    private static Process start(Path reads, Path journal) throws IOException {
        ProcessBuilder agent = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), MatAgent.class.getName());
        agent.environment().put("MAT_ID", "M-9BIS-START");
        agent.environment().put("READERS", "R-FILE=file:" + reads);
        agent.environment().put("LINE_LAYOUT", "chip,time");
        agent.environment().put("PLATFORM_URL", "http://127.0.0.1:" + RestAssured.port);
        agent.environment().put("DEVICE_ACCOUNT", "gw-start:gw-start-secret");
        agent.environment().put("JOURNAL_DIR", journal.toString());
        agent.environment().put("STATUS_PORT", "0");
        return agent.redirectErrorStream(true).redirectOutput(journal.resolveSibling("agent.log").toFile()).start();
    }

    private static long acknowledged(Path journal) {
        try {
            Path file = journal.resolve("acknowledged");
            return Files.exists(file) ? Long.parseLong(Files.readString(file).strip()) : 0;
        } catch (IOException | NumberFormatException e) {
            // being replaced by its rename: the next look sees it
            return 0;
        }
    }
}
