package fr.pyramidesnoires.matagent.reader.raceresult;

import static fr.pyramidesnoires.field.RaceResultDecoderEmulator.passing;
import static fr.pyramidesnoires.matagent.reader.ReaderRun.assertUnreadable;
import static fr.pyramidesnoires.matagent.reader.ReaderRun.await;
import static fr.pyramidesnoires.matagent.reader.ReaderRun.awaitFile;
import static fr.pyramidesnoires.matagent.reader.ReaderRun.awaitJournal;
import static fr.pyramidesnoires.matagent.reader.ReaderRun.payloads;
import static fr.pyramidesnoires.matagent.reader.ReaderRun.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.ChipRead;
import fr.pyramidesnoires.field.RaceResultDecoderEmulator;
import fr.pyramidesnoires.matagent.journal.Journal;
import fr.pyramidesnoires.matagent.reader.ChipIdRule;
import fr.pyramidesnoires.matagent.reader.ReaderRun;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a decoder played on loopback, which answers only the commands of the protocol. */
class RaceResultProtocolTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @TempDir
    Path directory;

    private RaceResultProtocol protocol() {
        return new RaceResultProtocol(ChipIdRule.of("as-printed"), PARIS, directory.resolve("readers"));
    }

    @Test
    void everyPassingIsJournaledAndADropOrARestartFetchesFromTheNextOne() throws Exception {
        Path journalDirectory = directory.resolve("journal");
        try (RaceResultDecoderEmulator decoder = new RaceResultDecoderEmulator()) {
            decoder.add(passing("a1", "2027-03-20", "10:42:13.250", -61, 2),
                    "A2;2027-03-20;10:42:14.500",
                    passing("A3", "2027-03-20", "25:00:00.000", -70, 1),
                    passing("A4", "2027-07-14", "09:00:00.000", -55, 4));
            Journal journal = Journal.open(journalDirectory);
            try (ReaderRun run = ReaderRun.start(decoder.port(), "raceresult", protocol(), journal)) {
                awaitJournal(journal, 4);
                assertEquals(List.of("GETPROTOCOL", "SETPROTOCOL;3.2", "GETSTATUS", "STARTOPERATION", "GETTIME"),
                        decoder.commands().subList(0, 5));
                assertEquals(List.of("1:4"), decoder.fetches());
                Duration clock = run.tap().state().readerClock();
                assertTrue(clock.abs().compareTo(Duration.ofSeconds(5)) < 0,
                        "the decoder's local time read in the event's zone: " + clock);
                awaitFile(directory.resolve("readers/R-FINISH.raceresult"), "passing=4\n");

                // the decoder's cable pulled while runners go on crossing the mat
                decoder.drop();
                decoder.add(passing("A5", "2027-03-20", "10:50:00.000", -60, 1),
                        passing("A6", "2027-03-20", "10:50:01.000", -62, 1));
                awaitJournal(journal, 6);
                assertEquals(List.of("5:2"), decoder.fetches(), "fetched from the passing after the last taken");
                assertEquals(2, decoder.connections());
            }
            journal.close();

            // the laptop restarted: a new agent on the same journal and state
            decoder.add(passing("A7", "2027-03-20", "11:00:00.000", -58, 3));
            journal = Journal.open(journalDirectory);
            try (ReaderRun run = ReaderRun.start(decoder.port(), "raceresult", protocol(), journal)) {
                awaitJournal(journal, 7);
                assertEquals(List.of("7:1"), decoder.fetches());
                assertEquals(1, decoder.commands().stream().filter("STARTOPERATION"::equals).count(),
                        "a decoder timing already is left as it is");
            }

            List<String> taken = payloads(journal);
            journal.close();
            assertEquals(read("A1", "2027-03-20T10:42:13.250+01:00", 2, -61), taken.get(0));
            assertEquals(read("A2", "2027-03-20T10:42:14.500+01:00", null, null), taken.get(1),
                    "an older protocol's short line is still a read");
            assertUnreadable(taken.get(2), "3;" + passing("A3", "2027-03-20", "25:00:00.000", -70, 1),
                    "unreadable field");
            assertEquals(read("A4", "2027-07-14T09:00:00.000+02:00", 4, -55), taken.get(3), "summer time");
            assertEquals(read("A5", "2027-03-20T10:50:00.000+01:00", 1, -60), taken.get(4));
            assertEquals(read("A6", "2027-03-20T10:50:01.000+01:00", 1, -62), taken.get(5));
            assertEquals(read("A7", "2027-03-20T11:00:00.000+01:00", 3, -58), taken.get(6));
            assertEquals(List.of(), decoder.refused());
        }
    }

    @Test
    void aNewFileOnTheDecoderIsTakenFromItsFirstPassing() throws Exception {
        try (RaceResultDecoderEmulator decoder = new RaceResultDecoderEmulator();
             Journal journal = Journal.open(directory.resolve("journal"));
             ReaderRun run = ReaderRun.start(decoder.port(), "raceresult", protocol(), journal)) {
            decoder.add(passing("B1", "2027-03-20", "09:00:00.000", -60, 1),
                    passing("B2", "2027-03-20", "09:00:01.000", -60, 1),
                    passing("B3", "2027-03-20", "09:00:02.000", -60, 1));
            awaitJournal(journal, 3);
            decoder.newFile(passing("C1", "2027-03-20", "09:30:00.000", -60, 2));
            awaitJournal(journal, 4);
            assertEquals("1:1", decoder.fetches().get(decoder.fetches().size() - 1));
            assertEquals(read("C1", "2027-03-20T09:30:00.000+01:00", 2, -60), payloads(journal).get(3));
            assertTrue(run.tap().state().events().stream().anyMatch(event -> event.contains("new file")),
                    String.valueOf(run.tap().state().events()));
        }
    }

    @Test
    void anAnswerThatIsNotTheCommandsEndsTheConversationAndTheAgentConnectsAgain() throws Exception {
        try (RaceResultDecoderEmulator decoder = new RaceResultDecoderEmulator();
             Journal journal = Journal.open(directory.resolve("journal"))) {
            decoder.garble();
            try (ReaderRun run = ReaderRun.start(decoder.port(), "raceresult", protocol(), journal)) {
                await(() -> decoder.connections() >= 2, "connected again after the wrong answer");
                await(() -> String.valueOf(run.tap().state().lastError()).contains("WELCOME"), "the answer shown");
                assertTrue(decoder.commands().stream().allMatch("GETPROTOCOL"::equals),
                        "nothing asked after a wrong answer: " + decoder.commands());
                assertEquals(0, journal.last());
            }
        }
    }

    @Test
    void aSimulatedReadIsKeptUntilAnAgentFetchesItAndComesBackTheSame() throws Exception {
        try (RaceResultDecoderEmulator decoder = new RaceResultDecoderEmulator();
             Journal journal = Journal.open(directory.resolve("journal"))) {
            decoder.emit(new ChipRead(ReaderRun.READER, ReaderRun.MAT, "E2801160600002",
                    OffsetDateTime.parse("2027-03-20T09:42:13.250Z"), 3, -58, null, ChipRead.Source.MAT));
            assertEquals(1, decoder.pending());
            try (ReaderRun run = ReaderRun.start(decoder.port(), "raceresult", protocol(), journal)) {
                awaitJournal(journal, 1);
                assertEquals(read("E2801160600002", "2027-03-20T10:42:13.250+01:00", 3, -58), payloads(journal).get(0));
                await(() -> decoder.pending() == 0, "nothing pending once fetched");
            }
        }
    }
}
