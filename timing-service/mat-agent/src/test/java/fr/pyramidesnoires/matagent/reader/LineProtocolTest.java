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
class LineProtocolTest {

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
            ReaderLink reader = new ReaderLink(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), emulated.getLocalPort()),
                    new LineProtocol(layout), new ReaderTap("R-MAIN", "M-ESTEVELLES", "line", journal, Clock.systemUTC()));
            AtomicBoolean stop = new AtomicBoolean();
            Thread reading = running(reader, stop);
            try (Socket first = emulated.accept()) {
                send(first, "A1,2027-03-20T10:42:13.250+01:00,1\nA2,2027-03-20T10:42:13.500+01:00,2\n");
                send(first, "\nREADER BOOTED\nA3,2027-03-20T10:42:14.000+01:00,1\n");
                awaitJournal(journal, 4);
            }
            // the reader restarted: the agent connects again by itself
            try (Socket second = emulated.accept()) {
                send(second, "A4,2027-03-20T10:43:00.000+01:00,1\n");
                awaitJournal(journal, 5);
                assertTrue(reader.tap().state().connected());
            }
            stop.set(true);
            reading.join(Duration.ofSeconds(10).toMillis());

            List<String> taken = journal.after(0, 10).stream().map(Journal.Entry::payload).toList();
            assertTrue(taken.get(0).contains("\"chipId\":\"A1\"") && taken.get(0).contains("\"antenna\":1"));
            assertTrue(taken.get(0).contains("\"matId\":\"M-ESTEVELLES\"") && taken.get(0).contains("R-MAIN"));
            assertTrue(taken.get(2).contains("\"line\":\"READER BOOTED\"") && taken.get(2).contains("\"problem\""),
                    "a line that is no read is kept with why: " + taken.get(2));
            assertTrue(taken.get(4).contains("\"chipId\":\"A4\""));
            assertEquals(java.util.Map.of(1, 3, 2, 1), reader.tap().state().lastMinute(), "reads a minute by antenna");
        }
    }

    static Thread running(MatReader reader, AtomicBoolean stop) {
        Thread reading = new Thread(() -> {
            try {
                reader.runUntil(stop::get);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        reading.start();
        return reading;
    }

    @Test
    void aLineCutByAQuietSecondIsWholeOnceItEndsAndAnEndlessLineIsKeptCutWithoutStoppingTheReader()
            throws Exception {
        LineLayout layout = new LineLayout("chip,time", ";", LineLayout.TimeForm.ISO, null, ZoneId.of("Europe/Paris"),
                ChipIdRule.of("as-printed"));
        try (ServerSocket emulated = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             Journal journal = Journal.open(directory)) {
            ReaderLink reader = new ReaderLink(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), emulated.getLocalPort()),
                    new LineProtocol(layout), new ReaderTap("R-1", "M-1", "line", journal, Clock.systemUTC()));
            AtomicBoolean stop = new AtomicBoolean();
            Thread reading = running(reader, stop);
            try (Socket line = emulated.accept()) {
                send(line, "B1;2027-03-20T10:42:13.250+01:00\nB2;2027-03-20T10:4");
                awaitJournal(journal, 1);
                // longer than the reader's one-second quiet wait
                Thread.sleep(2500);
                send(line, "2:14.000+01:00\n" + "X".repeat(100_000) + "\nB3;2027-03-20T10:42:15.000+01:00\n");
                awaitJournal(journal, 4);
            }
            stop.set(true);
            reading.join(10_000);
            List<String> taken = journal.after(0, 10).stream().map(Journal.Entry::payload).toList();
            assertTrue(taken.get(1).contains("\"chipId\":\"B2\"") && taken.get(1).contains("10:42:14"),
                    "the burst's second read, whole: " + taken.get(1));
            assertTrue(taken.get(2).contains("longer than 4096 bytes") && taken.get(2).length() < 5000,
                    "the endless line is kept cut, with why");
            assertTrue(taken.get(3).contains("\"chipId\":\"B3\""), "the reader goes on after it");
        }
    }
}
