package fr.pyramidesnoires.matagent.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pyramidesnoires.matagent.journal.Journal;
import fr.pyramidesnoires.events.ChipRead;
import fr.pyramidesnoires.events.EventJson;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/** A reader link on its own thread, as the agent runs one, for a test that plays the reader on loopback. */
public final class ReaderRun implements AutoCloseable {

    public static final String READER = "R-FINISH";
    public static final String MAT = "M-ARRIVEE";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReaderTap tap;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Thread running;

    private ReaderRun(ReaderLink link) {
        this.tap = link.tap();
        this.running = new Thread(() -> {
            try {
                link.runUntil(stop::get);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "reader " + READER);
        running.start();
    }

    /** @param port the reader's, or for a reader that connects, the one the agent listens on */
    public static ReaderRun start(int port, String protocol, ReaderProtocol talk, Journal journal) {
        ReaderTap tap = new ReaderTap(READER, MAT, protocol, journal, Clock.systemUTC());
        return new ReaderRun(new ReaderLink(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), talk, tap));
    }

    /** A loopback port free now, for an agent to listen on. */
    public static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    public ReaderTap tap() {
        return tap;
    }

    /** Waits until the journal holds this many entries in all, no more. */
    public static void awaitJournal(Journal journal, long entries) throws InterruptedException {
        await(() -> journal.last() >= entries, "journal of " + entries);
        assertEquals(entries, journal.last());
    }

    /** Waits until the file says this: a reader's state is written just after its reads are journaled. */
    public static void awaitFile(Path file, String text) throws InterruptedException {
        await(() -> {
            try {
                return text.equals(Files.readString(file));
            } catch (IOException notYet) {
                return false;
            }
        }, file + " saying " + text);
    }

    /** Waits a few seconds at the most for what the agent should come to. */
    public static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (!condition.getAsBoolean() && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertTrue(condition.getAsBoolean(), "waited for: " + what);
    }

    /** What the journal holds, each entry as the platform gets it. */
    public static List<String> payloads(Journal journal) throws IOException {
        return journal.after(0, Integer.MAX_VALUE).stream().map(Journal.Entry::payload).toList();
    }

    /** A read as this run's reader takes it. */
    public static String read(String chipId, String readTime, Integer antenna, Integer rssi) {
        return EventJson.write(new ChipRead(READER, MAT, chipId, OffsetDateTime.parse(readTime), antenna, rssi, null,
                ChipRead.Source.MAT));
    }

    /** Asserts the entry is the line kept as it came, with why it is no read. */
    public static void assertUnreadable(String payload, String line, String why) throws IOException {
        JsonNode unreadable = JSON.readTree(payload);
        assertEquals(line, unreadable.path("line").asText(), payload);
        assertTrue(unreadable.path("problem").asText().contains(why), payload);
        assertEquals(READER, unreadable.path("readerId").asText());
    }

    /** Stops the agent's link as the agent does on its way out, and waits for it. */
    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        running.join(Duration.ofSeconds(15).toMillis());
        assertFalse(running.isAlive(), "the link ends once told to stop");
    }
}
