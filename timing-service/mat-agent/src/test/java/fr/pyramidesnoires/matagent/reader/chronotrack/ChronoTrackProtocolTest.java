package fr.pyramidesnoires.matagent.reader.chronotrack;

import static fr.pyramidesnoires.matagent.reader.ReaderRun.assertUnreadable;
import static fr.pyramidesnoires.matagent.reader.ReaderRun.await;
import static fr.pyramidesnoires.matagent.reader.ReaderRun.awaitFile;
import static fr.pyramidesnoires.matagent.reader.ReaderRun.awaitJournal;
import static fr.pyramidesnoires.matagent.reader.ReaderRun.payloads;
import static fr.pyramidesnoires.matagent.reader.ReaderRun.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.ChipRead;
import fr.pyramidesnoires.field.ChronoTrackControllerEmulator;
import fr.pyramidesnoires.matagent.journal.Journal;
import fr.pyramidesnoires.matagent.reader.ChipIdRule;
import fr.pyramidesnoires.matagent.reader.ReaderRun;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a ChronoTrack controller played on loopback, calling the agent as a real one does. */
class ChronoTrackProtocolTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalDate RACE_DAY = LocalDate.of(2027, 3, 20);
    private static final List<String> LOCATIONS = List.of("FINISH", "T07");

    @TempDir
    Path directory;

    private ChronoTrackProtocol protocol(Duration pingEvery, Duration silentAfter) {
        return new ChronoTrackProtocol(ChipIdRule.of("as-printed"), PARIS, RACE_DAY, directory.resolve("readers"),
                pingEvery, silentAfter);
    }

    private ChronoTrackProtocol protocol() {
        return new ChronoTrackProtocol(ChipIdRule.of("as-printed"), PARIS, RACE_DAY, directory.resolve("readers"));
    }

    @Test
    void everyObservationIsJournaledAndADropOrARestartStartsEachLocationAfterItsLast() throws Exception {
        int port = ReaderRun.freePort();
        Path journalDirectory = directory.resolve("journal");
        ChronoTrackControllerEmulator controller = new ChronoTrackControllerEmulator(port, LOCATIONS);
        Journal journal = Journal.open(journalDirectory);
        try (ReaderRun run = ReaderRun.start(port, "chronotrack", protocol(), journal)) {
            controller.connect();
            assertEquals(Set.of("stream-mode=push", "time-format=iso"), Set.copyOf(controller.features()));
            await(() -> controller.starts().equals(List.of("start~FINISH~1", "start~T07~1")),
                    "a first connection asks every location from its first read: none made before is left behind");
            controller.observe("CT01_33", "FINISH", "1234", "2027-03-20T10:42:13.25", "2", "1");
            controller.observe("CT01_13", "FINISH", "5678", "10:42:14.50", "3", "4");
            controller.observe("CT01_33", "FINISH", "999", "2027-03-20T25:00:00.00", "1", "1");
            controller.send("CT01_33~x~FINISH");
            controller.observe("CT01_33", "T07", "guntime", "2027-03-20T09:00:00.00", "0", "0");
            controller.send("err~unknown command");
            controller.observe("CT01_33", "T07", "4321", "2027-07-14T09:00:00.00", "1", "1");
            awaitJournal(journal, 5);
            awaitFile(directory.resolve("readers/R-FINISH.chronotrack"), "FINISH=3\nT07=2\n");
            List<String> events = run.tap().state().events();
            assertTrue(events.stream().anyMatch(event -> event.contains("guntime at T07")), events.toString());
            assertTrue(events.stream().anyMatch(event -> event.contains("err~unknown command")), events.toString());

            // the controller's cable pulled while runners go on crossing both mats
            controller.drop();
            controller.observe("CT01_33", "FINISH", "1111", "2027-03-20T10:50:00.00", "1", "1");
            controller.observe("CT01_33", "T07", "2222", "2027-03-20T10:50:01.00", "1", "1");
            controller.connect();
            awaitJournal(journal, 7);
            assertEquals(List.of("start~FINISH~4", "start~T07~3"), controller.starts());
        }
        journal.close();
        await(() -> !controller.connected(), "the agent hung up on its way out");

        // the laptop restarted: a new agent on the same journal and state
        controller.observe("CT01_33", "FINISH", "3333", "2027-03-20T11:00:00.00", "2", "1");
        journal = Journal.open(journalDirectory);
        try (ReaderRun run = ReaderRun.start(port, "chronotrack", protocol(), journal)) {
            controller.connect();
            awaitJournal(journal, 8);
            assertEquals(List.of("start~FINISH~5", "start~T07~4"), controller.starts());
        }
        controller.drop();

        List<String> taken = payloads(journal);
        journal.close();
        assertEquals(read("1234", "2027-03-20T10:42:13.250+01:00", 2, null), taken.get(0));
        assertEquals(read("5678", "2027-03-20T10:42:14.500+01:00", 4, null), taken.get(1),
                "a time of day on the race day, and the antenna port of a CT01_13 line");
        assertUnreadable(taken.get(2), "CT01_33~3~FINISH~999~2027-03-20T25:00:00.00~1~0F2A38~1", "unreadable field");
        assertUnreadable(taken.get(3), "CT01_33~x~FINISH", "expected at least");
        assertEquals(read("4321", "2027-07-14T09:00:00.000+02:00", 1, null), taken.get(4), "summer time");
        assertEquals(read("1111", "2027-03-20T10:50:00.000+01:00", 1, null), taken.get(5));
        assertEquals(read("2222", "2027-03-20T10:50:01.000+01:00", 1, null), taken.get(6));
        assertEquals(read("3333", "2027-03-20T11:00:00.000+01:00", 2, null), taken.get(7));
        assertEquals(List.of(), controller.refused());
    }

    @Test
    void aControllerThatStopsAnsweringIsLetGo() throws Exception {
        int port = ReaderRun.freePort();
        ChronoTrackControllerEmulator controller = new ChronoTrackControllerEmulator(port, LOCATIONS);
        try (Journal journal = Journal.open(directory.resolve("journal"));
             ReaderRun run = ReaderRun.start(port, "chronotrack",
                     protocol(Duration.ofMillis(200), Duration.ofMillis(2500)), journal)) {
            controller.connect();
            // pinged once the socket's second of quiet is up, and the answer counts as heard
            Thread.sleep(3000);
            assertTrue(controller.connected(), "a controller answering pings is kept");
            assertTrue(controller.pings() >= 2, "pinged: " + controller.pings());
            controller.mute();
            await(() -> !controller.connected(), "the agent hangs up on a silent controller");
            await(() -> String.valueOf(run.tap().state().lastError()).contains("reader silent"), "why shown");
        } finally {
            controller.drop();
        }
    }

    @Test
    void aCallerThatDoesNotSpeakCtp01IsHungUpOn() throws Exception {
        int port = ReaderRun.freePort();
        try (Journal journal = Journal.open(directory.resolve("journal"));
             ReaderRun run = ReaderRun.start(port, "chronotrack", protocol(), journal);
             Socket caller = ChronoTrackControllerEmulator.call(port)) {
            caller.getOutputStream().write("SomeDevice~1.0~XYZ\r\n".getBytes(StandardCharsets.US_ASCII));
            BufferedReader answer = new BufferedReader(new InputStreamReader(caller.getInputStream(),
                    StandardCharsets.US_ASCII));
            assertNull(answer.readLine(), "no greeting back, the connection closed");
            await(() -> String.valueOf(run.tap().state().lastError()).contains("not CTP01"), "why shown");
            assertEquals(0, journal.last());
        }
    }

    @Test
    void aControllerLeftRunningCallsAgainAndItsSimulatedReadsComeBackTheSame() throws Exception {
        int port = ReaderRun.freePort();
        try (ChronoTrackControllerEmulator controller = new ChronoTrackControllerEmulator(port,
                List.of(ReaderRun.MAT));
             Journal journal = Journal.open(directory.resolve("journal"));
             ReaderRun run = ReaderRun.start(port, "chronotrack", protocol(), journal)) {
            controller.keepCalling();
            controller.awaitStarted(Duration.ofSeconds(10));
            controller.emit(simulated("2027-03-20T09:42:13.250Z", 3));
            awaitJournal(journal, 1);
            assertEquals(read("CHIP1", "2027-03-20T10:42:13.250+01:00", 3, null), payloads(journal).get(0));

            controller.drop();
            controller.emit(simulated("2027-07-14T07:00:00.000Z", 2));
            awaitJournal(journal, 2);
            assertEquals(List.of("start~" + ReaderRun.MAT + "~2"), controller.starts());
            assertEquals(read("CHIP1", "2027-07-14T09:00:00.000+02:00", 2, null), payloads(journal).get(1));
            assertEquals(0, controller.pending());
        }
    }

    private static ChipRead simulated(String readTime, int antenna) {
        return new ChipRead(ReaderRun.READER, ReaderRun.MAT, "CHIP1", OffsetDateTime.parse(readTime), antenna, -50,
                null, ChipRead.Source.MAT);
    }
}
