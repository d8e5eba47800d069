package fr.pyramidesnoires.matagent.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.matagent.journal.Journal;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a reader played on loopback: it sends lines, drops the connection, and takes one again. */
class LineReaderTest {

    @TempDir
    Path directory;

    static void send(Socket reader, String lines) throws IOException {
        OutputStream out = reader.getOutputStream();
        out.write(lines.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    static void awaitJournal(Journal journal, long reads) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (journal.last() < reads && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertEquals(reads, journal.last());
    }

    @Test
    void everyLineIsJournaledGoodOrNotAndAReaderThatDropsIsConnectedAgain() throws Exception {
        LineLayout layout = new LineLayout("chip,time,antenna", ",", LineLayout.TimeForm.ISO, null,
                ZoneId.of("Europe/Paris"), ChipIdRule.of("as-printed"));
        try (ServerSocket emulated = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             Journal journal = Journal.open(directory)) {
            LineReader reader = new LineReader("R-MAIN", "M-ESTEVELLES",
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), emulated.getLocalPort()), layout, journal,
                    Clock.systemUTC());
            AtomicBoolean stop = new AtomicBoolean();
            Thread reading = new Thread(() -> {
                try {
                    reader.readUntil(stop::get);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            reading.start();
            try (Socket first = emulated.accept()) {
                send(first, "A1,2027-03-20T10:42:13.250+01:00,1\nA2,2027-03-20T10:42:13.500+01:00,2\n");
                send(first, "\nREADER BOOTED\nA3,2027-03-20T10:42:14.000+01:00,1\n");
                awaitJournal(journal, 4);
            }
            // the reader restarted: the agent connects again by itself
            try (Socket second = emulated.accept()) {
                send(second, "A4,2027-03-20T10:43:00.000+01:00,1\n");
                awaitJournal(journal, 5);
                assertTrue(reader.status().connected());
            }
            stop.set(true);
            reading.join(Duration.ofSeconds(10).toMillis());

            List<String> taken = journal.after(0, 10).stream().map(Journal.Entry::payload).toList();
            assertTrue(taken.get(0).contains("\"chipId\":\"A1\"") && taken.get(0).contains("\"antenna\":1"));
            assertTrue(taken.get(0).contains("\"matId\":\"M-ESTEVELLES\"") && taken.get(0).contains("R-MAIN"));
            assertTrue(taken.get(2).contains("\"line\":\"READER BOOTED\"") && taken.get(2).contains("\"problem\""),
                    "a line that is no read is kept with why: " + taken.get(2));
            assertTrue(taken.get(4).contains("\"chipId\":\"A4\""));
        }
    }
}
