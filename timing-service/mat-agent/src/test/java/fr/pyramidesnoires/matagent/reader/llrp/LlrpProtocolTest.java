package fr.pyramidesnoires.matagent.reader.llrp;

import static fr.pyramidesnoires.field.LlrpReaderEmulator.antennaEvent;
import static fr.pyramidesnoires.field.LlrpReaderEmulator.report;
import static fr.pyramidesnoires.field.LlrpReaderEmulator.tag;
import static fr.pyramidesnoires.matagent.reader.ReaderRun.await;
import static fr.pyramidesnoires.matagent.reader.ReaderRun.awaitJournal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.ChipRead;
import fr.pyramidesnoires.events.EventJson;
import fr.pyramidesnoires.field.LlrpReaderEmulator;
import fr.pyramidesnoires.matagent.journal.Journal;
import fr.pyramidesnoires.matagent.reader.ChipIdRule;
import fr.pyramidesnoires.matagent.reader.ReaderRun;
import fr.pyramidesnoires.matagent.reader.ReaderTap;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llrp.ltk.generated.enumerations.AntennaEventType;
import org.llrp.ltk.generated.messages.CLOSE_CONNECTION;
import org.llrp.ltk.generated.messages.KEEPALIVE;

/** The agent against an LLRP reader played on loopback by the LLRP Toolkit. */
class LlrpProtocolTest {

    /** 2027-03-20T09:42:13.250117Z: microseconds that a rounding to milliseconds would lose. */
    private static final long CROSSING = 1_805_535_733_250_117L;

    @TempDir
    Path directory;

    private static ChipRead read(String chipId, long firstSeenMicros, int antenna, int rssi) {
        return new ChipRead(ReaderRun.READER, ReaderRun.MAT, chipId, TagReports.utc(firstSeenMicros), antenna, rssi,
                null, ChipRead.Source.MAT);
    }

    @Test
    void everyTagIsJournaledToTheMicrosecondAndAReaderThatDropsOrGarblesIsConnectedAgain() throws Exception {
        try (LlrpReaderEmulator reader = new LlrpReaderEmulator(); Journal journal = Journal.open(directory);
             ReaderRun run = ReaderRun.start(reader.port(), "llrp", new LlrpProtocol(ChipIdRule.of("last:8")),
                     journal)) {
            ReaderTap tap = run.tap();
            List<ChipRead> expected = new ArrayList<>();
            String untimedTag;

            try (LlrpReaderEmulator.Connection first = reader.accept()) {
                first.setUp();
                first.send(report(
                        tag("E28011606000020D8B1C0001", false, 1, -52, CROSSING),
                        tag("300833B2DDD9014000000002", true, 2, -61, CROSSING + 1),
                        tag("E28011606000020D8B1C0003", false, 4, -70, CROSSING + 999_999)));
                expected.add(read("8B1C0001", CROSSING, 1, -52));
                expected.add(read("00000002", CROSSING + 1, 2, -61));
                expected.add(read("8B1C0003", CROSSING + 999_999, 4, -70));
                awaitJournal(journal, 3);

                // a report cut by a quiet second: its start waits for its end
                byte[] cut = first.encode(report(tag("E28011606000020D8B1C0004", false, 3, -45, CROSSING + 2)));
                first.sendBytes(Arrays.copyOf(cut, 17));
                Thread.sleep(1200);
                first.sendBytes(Arrays.copyOfRange(cut, 17, cut.length));
                expected.add(read("8B1C0004", CROSSING + 2, 3, -45));
                awaitJournal(journal, 4);

                // a vendor's message the agent does not know is let pass
                first.sendBytes(ByteBuffer.allocate(14).putShort((short) (0x0400 | 1023)).putInt(14).putInt(5)
                        .putInt(25882).array());
                first.keepalive();
                first.send(antennaEvent(3, AntennaEventType.Antenna_Disconnected));
                // a reader without a UTC clock: the tag is kept as it came, with why
                byte[] untimed = first.encode(report(tag("E28011606000020D8B1C0005", false, 1, -50, null)));
                untimedTag = HexFormat.of().withUpperCase().formatHex(untimed, 10, untimed.length);
                first.sendBytes(untimed);
                awaitJournal(journal, 5);
                assertTrue(tap.state().events().stream().anyMatch(e -> e.endsWith("antenna 3 lost")),
                        "antenna loss shown: " + tap.state().events());
                assertTrue(tap.state().events().stream().anyMatch(e -> e.contains("4 antennas, firmware 5.12.3")),
                        "reader's capabilities noted: " + tap.state().events());
                Duration readerAhead = tap.state().readerClock();
                assertNotNull(readerAhead, "reader's clock heard");
                assertTrue(readerAhead.abs().compareTo(Duration.ofSeconds(5)) < 0, "reader's clock: " + readerAhead);
            }

            // the reader dropped the connection: the agent connects again and sets it up anew
            try (LlrpReaderEmulator.Connection second = reader.accept()) {
                second.setUp();
                second.send(antennaEvent(3, AntennaEventType.Antenna_Connected));
                second.send(report(tag("E28011606000020D8B1C0006", false, 2, -48, CROSSING + 3_000_000)));
                expected.add(read("8B1C0006", CROSSING + 3_000_000, 2, -48));
                awaitJournal(journal, 6);
                assertTrue(tap.state().events().get(0).endsWith("antenna 3 back"), tap.state().events().toString());

                // a length no reader sends: the stream is out of step, the agent drops it
                second.sendBytes(ByteBuffer.allocate(10).putShort((short) 0x043D).putInt(0x7FFFFFFF).putInt(9)
                        .array());
                assertTrue(second.closedByAgent(), "garbled connection dropped");
            }

            try (LlrpReaderEmulator.Connection third = reader.accept()) {
                third.setUp();
                third.send(report(tag("E28011606000020D8B1C0007", false, 1, -55, CROSSING + 4_000_000)));
                expected.add(read("8B1C0007", CROSSING + 4_000_000, 1, -55));
                awaitJournal(journal, 7);
                assertTrue(tap.state().connected());

                run.close();
                third.expect(CLOSE_CONNECTION.class);
            }

            List<String> taken = ReaderRun.payloads(journal);
            ReaderRun.assertUnreadable(taken.get(4), untimedTag, "first-seen UTC");
            List<ChipRead> reads = new ArrayList<>();
            for (int i = 0; i < taken.size(); i++) {
                if (i != 4) {
                    reads.add(EventJson.read(taken.get(i), ChipRead.class));
                }
            }
            assertEquals(expected, reads);
            assertEquals(OffsetDateTime.of(2027, 3, 20, 9, 42, 13, 250_117_000, ZoneOffset.UTC),
                    reads.get(0).readTime());
        }
    }

    @Test
    void aReaderThatRefusesTheRoSpecIsShownWhyAndTriedAgain() throws Exception {
        try (LlrpReaderEmulator reader = new LlrpReaderEmulator(); Journal journal = Journal.open(directory);
             ReaderRun run = ReaderRun.start(reader.port(), "llrp", new LlrpProtocol(ChipIdRule.of("as-printed")),
                     journal)) {
            try (LlrpReaderEmulator.Connection first = reader.accept()) {
                first.setUpRefusingRoSpec("antenna 4 not connected");
                assertTrue(first.closedByAgent(), "refused set-up ends the connection");
            }
            await(() -> String.valueOf(run.tap().state().lastError()).contains("antenna 4 not connected"),
                    "reader's reason shown");
            assertTrue(run.tap().state().lastError().contains("ADD_ROSPEC"), run.tap().state().lastError());
            try (LlrpReaderEmulator.Connection second = reader.accept()) {
                second.setUp();
                second.send(report(tag("E28011606000020D8B1C0008", false, 1, -55, CROSSING)));
                awaitJournal(journal, 1);
            }
        }
    }

    @Test
    void aReaderSilentForThreeKeepalivesIsConnectedAgain() throws Exception {
        try (LlrpReaderEmulator reader = new LlrpReaderEmulator(); Journal journal = Journal.open(directory);
             ReaderRun run = ReaderRun.start(reader.port(), "llrp",
                     new LlrpProtocol(ChipIdRule.of("as-printed"), Duration.ofMillis(300)), journal)) {
            try (LlrpReaderEmulator.Connection first = reader.accept()) {
                first.setUp();
                first.keepalive();
                // then nothing, as from a reader whose network cable was pulled
                assertTrue(first.closedByAgent(), "silent reader dropped");
            }
            await(() -> String.valueOf(run.tap().state().lastError()).contains("reader silent"), "silence shown");
            try (LlrpReaderEmulator.Connection second = reader.accept()) {
                second.setUp();
                second.send(new KEEPALIVE());
                second.send(report(tag("E28011606000020D8B1C0009", false, 1, -55, CROSSING)));
                awaitJournal(journal, 1);
            }
        }
    }

    @Test
    void aReaderLeftRunningKeepsItsReadsUntilAnAgentSetsItUpAndKeepsItAlive() throws Exception {
        // a chip id as registration hands them out: 96 bits in hexadecimal, the EPC itself
        String chipId = "3A0F5C21E4B7990D12AC0F7E";
        ChipRead crossing = read(chipId, CROSSING, 3, -58);
        ChipRead nextLap = read(chipId, CROSSING + 600_000_000, 1, -49);
        try (LlrpReaderEmulator reader = LlrpReaderEmulator.reading(); Journal journal = Journal.open(directory)) {
            reader.emit(crossing);
            assertEquals(1, reader.pending());
            try (ReaderRun run = ReaderRun.start(reader.port(), "llrp",
                    new LlrpProtocol(ChipIdRule.of("as-printed"), Duration.ofMillis(300)), journal)) {
                awaitJournal(journal, 1);
                assertEquals(0, reader.pending());
                // three keepalive periods and more: a reader left running is not taken for a silent one
                Thread.sleep(1500);
                assertTrue(run.tap().state().connected(), String.valueOf(run.tap().state().lastError()));
                reader.emit(nextLap);
                awaitJournal(journal, 2);
            }
            List<String> taken = ReaderRun.payloads(journal);
            assertEquals(List.of(crossing, nextLap), taken.stream().map(read -> EventJson.read(read, ChipRead.class))
                    .toList());
        }
    }
}
