package fr.pyramidesnoires.timing.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.ChipRead;
import fr.pyramidesnoires.events.EventJson;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.matagent.forward.Forwarder;
import fr.pyramidesnoires.matagent.forward.GatewayCarrier;
import fr.pyramidesnoires.matagent.forward.Platform;
import fr.pyramidesnoires.matagent.journal.Journal;
import fr.pyramidesnoires.events.testing.Eventually;
import fr.pyramidesnoires.field.CuttableLink;
import fr.pyramidesnoires.timing.gateway.ReadsOverHttpTest.Runner;
import fr.pyramidesnoires.timing.read.StoredReads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A terril's mat agent forwarding through a link that drops, to the real device gateway and timing behind it. */
@QuarkusTest
class MatAgentForwardingTest {

    static final OffsetDateTime TEN_AM = OffsetDateTime.parse("2027-03-20T10:00:00+01:00");

    static List<String> crossing(String mat, Runner runner, OffsetDateTime first, int reads) {
        List<String> burst = new ArrayList<>();
        for (int i = 0; i < reads; i++) {
            burst.add(EventJson.write(new ChipRead("R-MAIN", mat, runner.chip(), first.plusNanos(i * 200_000_000L), 1,
                    -58, null, ChipRead.Source.MAT)));
        }
        return burst;
    }

    static Forwarder forwarder(Journal journal, CuttableLink link) {
        return new Forwarder(journal, new GatewayCarrier(new Platform(URI.create("http://127.0.0.1:" + link.port()),
                "mat-r7:device-secret", Duration.ofSeconds(2))), 4, Clock.systemUTC());
    }

    @Test
    void readsTakenWhileTheLinkIsCutAllArriveOnceItIsBackAndAResendCountsOnce() throws Exception {
        Runner runner = ReadsOverHttpTest.register();
        Path folder = Files.createTempDirectory("mat-agent");
        try (CuttableLink link = new CuttableLink(RestAssured.port); Journal journal = Journal.open(folder)) {
            Forwarder forwarder = forwarder(journal, link);
            journal.append(crossing("M-9BIS-START", runner, TEN_AM.plusSeconds(3), 3));
            assertEquals(3, forwarder.sendNext());
            assertEquals(0, journal.waiting());

            link.cut();
            journal.append(crossing("M-ESTEVELLES", runner, TEN_AM.plusMinutes(58), 5));
            assertThrows(IOException.class, forwarder::sendNext);
            journal.append(crossing("M-9BIS-FINISH", runner, TEN_AM.plusHours(2), 4));
            assertEquals(9, journal.waiting(), "nothing is lost while the platform is out of reach");
            assertTrue(forwarder.delivery().lastFailure().contains("unreachable"), forwarder.delivery().lastFailure());

            link.restore();
            AtomicBoolean drained = new AtomicBoolean();
            Thread forwarding = new Thread(() -> {
                try {
                    forwarder.forwardUntil(() -> journal.waiting() == 0);
                    drained.set(true);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            forwarding.start();
            forwarding.join(Duration.ofSeconds(30).toMillis());
            assertTrue(drained.get(), "the backlog drained once the link came back");
            assertTrue(forwarder.delivery().lastDelivery().isAfter(Instant.now().minusSeconds(30)));
            assertTrue(forwarder.delivery().platformClock().abs().compareTo(Duration.ofSeconds(2)) < 0,
                    "one machine, one clock: " + forwarder.delivery().platformClock());

            RunnerTiming finished = ReadsOverHttpTest.awaitTiming(runner,
                    t -> t.status() == RunnerTiming.Status.FINISHED);
            assertEquals(3, finished.passages().size());
            assertEquals(TEN_AM.plusHours(2).toInstant(), finished.passages().get(2).time());
            awaitDistinctReads(runner, 12);
        }
        // the agent killed after sending, before the acknowledgement reached its disk: it sends everything again
        Files.writeString(folder.resolve("acknowledged"), "0");
        try (CuttableLink link = new CuttableLink(RestAssured.port); Journal journal = Journal.open(folder)) {
            Forwarder forwarder = forwarder(journal, link);
            forwarder.forwardUntil(() -> journal.waiting() == 0);
        }
        // the archive keeps the resent messages as they came: once all twelve are there again, timing has had them
        Eventually.until(() -> StoredReads.archived(runner.chip()).size() == 24, Duration.ofSeconds(30),
                "the twelve reads sent again reach timing");
        awaitDistinctReads(runner, 12);
        RunnerTiming again = ReadsOverHttpTest.awaitTiming(runner, t -> t.status() == RunnerTiming.Status.FINISHED);
        assertEquals(3, again.passages().size());
    }

    private static void awaitDistinctReads(Runner runner, long reads) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (ReadsOverHttpTest.readsOf(runner.chip()) != reads && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertEquals(reads, ReadsOverHttpTest.readsOf(runner.chip()), "each read counted once");
    }
}
