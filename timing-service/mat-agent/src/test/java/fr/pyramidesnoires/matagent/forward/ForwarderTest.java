package fr.pyramidesnoires.matagent.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import fr.pyramidesnoires.matagent.journal.Journal;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a gateway played on loopback that answers what the test says: what the agent acknowledges in its journal
 * is only what the platform's receipt accounts for.
 */
class ForwarderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    private HttpServer gateway;
    private final List<Integer> batchSizes = new ArrayList<>();

    /** @param answer by the size of the batch posted: status and body */
    private URI gateway(IntFunction<Object[]> answer) throws IOException {
        gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        gateway.createContext("/api/devices/reads", exchange -> {
            int size = JSON.readTree(exchange.getRequestBody()).size();
            batchSizes.add(size);
            Object[] statusAndBody = answer.apply(size);
            byte[] body = ((String) statusAndBody[1]).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders((Integer) statusAndBody[0], body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        gateway.start();
        return URI.create("http://127.0.0.1:" + gateway.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        gateway.stop(0);
    }

    private Journal journalOf(int reads) throws IOException {
        Journal journal = Journal.open(directory);
        journal.append(IntStream.range(0, reads).mapToObj(i -> "{\"chipId\":\"C" + i + "\",\"matId\":\"M\"}")
                .toList());
        return journal;
    }

    private static Forwarder forwarder(Journal journal, URI platform, int batch) {
        Platform gateway = new Platform(platform, "mat:secret", Duration.ofSeconds(5));
        return new Forwarder(journal, new GatewayCarrier(gateway), batch, Clock.systemUTC());
    }

    private static String receipt(int accepted, int refused) {
        String refusals = String.join(",", IntStream.range(0, refused)
                .mapToObj(i -> "{\"index\":" + i + ",\"reason\":\"no chip\"}").toList());
        return "{\"accepted\":" + accepted + ",\"refused\":[" + refusals + "],\"receivedAt\":\"2027-03-20T09:00:00Z\"}";
    }

    @Test
    void aBatchIsAcknowledgedWhenTheReceiptAccountsForEveryReadTakenOrRefused() throws Exception {
        URI platform = gateway(size -> new Object[] {200, receipt(size - 1, 1)});
        try (Journal journal = journalOf(5)) {
            Forwarder forwarder = forwarder(journal, platform, 3);
            assertEquals(3, forwarder.sendNext());
            assertEquals(2, forwarder.sendNext());
            assertEquals(5, journal.acknowledged());
            assertNull(forwarder.delivery().lastFailure());
            assertEquals(2, forwarder.delivery().refused(), "one refused read a batch, kept in quarantine");
            assertNotNull(forwarder.delivery().platformClock());
        }
    }

    @Test
    void aReceiptThatLeavesReadsOutOrAnAnswerThatIsNoReceiptAcknowledgesNothing() throws Exception {
        List<Object[]> answers = new ArrayList<>(List.of(new Object[] {200, receipt(2, 0)},
                new Object[] {200, "<html>captive portal</html>"}, new Object[] {401, "{\"title\":\"Unauthorized\"}"}));
        URI platform = gateway(size -> answers.remove(0));
        try (Journal journal = journalOf(3)) {
            Forwarder forwarder = forwarder(journal, platform, 10);
            for (int i = 0; i < 3; i++) {
                assertThrows(IOException.class, forwarder::sendNext);
                assertEquals(0, journal.acknowledged());
            }
            assertTrue(forwarder.delivery().lastFailure().contains("401"), forwarder.delivery().lastFailure());
        }
    }

    @Test
    void aBatchTooLargeForThePlatformIsHalvedUntilItPassesAndLaterBatchesKeepToThatSize() throws Exception {
        URI platform = gateway(size -> size > 2 ? new Object[] {413, "too large"} : new Object[] {200, receipt(size, 0)});
        try (Journal journal = journalOf(5)) {
            Forwarder forwarder = forwarder(journal, platform, 8);
            assertEquals(2, forwarder.sendNext());
            assertEquals(List.of(5, 2), batchSizes);
            assertEquals(2, journal.acknowledged());
            assertEquals(2, forwarder.sendNext());
            assertEquals(1, forwarder.sendNext());
            assertEquals(List.of(5, 2, 2, 1), batchSizes, "no batch probes the platform's limit again");
            assertEquals(5, journal.acknowledged());
        }
    }
}
