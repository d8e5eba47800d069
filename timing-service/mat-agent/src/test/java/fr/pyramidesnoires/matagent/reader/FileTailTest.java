package fr.pyramidesnoires.matagent.reader;

import static fr.pyramidesnoires.matagent.reader.LineProtocolTest.awaitJournal;
import static fr.pyramidesnoires.matagent.reader.LineProtocolTest.running;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.matagent.journal.Journal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A vendor's software appending to a file, as the agent tails it through a restart and a file started again. */
class FileTailTest {

    @TempDir
    Path directory;

    private final LineLayout layout = new LineLayout("_,chip,time", "\\t", LineLayout.TimeForm.TIME_OF_DAY,
            LocalDate.of(2027, 3, 20), ZoneId.of("Europe/Paris"), ChipIdRule.of("as-printed"));

    private static void append(Path file, String text) throws Exception {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private Thread tail(Path file, Path journalDir, Journal journal, AtomicBoolean stop) {
        return running(new FileTail(file, journalDir, layout,
                new ReaderTap("R-FILE", "M-9BIS-FINISH", "file", journal, Clock.systemUTC())), stop);
    }

    @Test
    void linesAreTakenOnceEndedAndARestartedAgentGoesOnWhereItStopped() throws Exception {
        Path file = directory.resolve("passings.txt");
        Path journalDir = directory.resolve("journal");
        append(file, "1\tC1\t10:00:01.100\n2\tC2\t10:00:02.200\n3\tC3\t10:0");
        try (Journal journal = Journal.open(journalDir)) {
            AtomicBoolean stop = new AtomicBoolean();
            Thread first = tail(file, journalDir, journal, stop);
            awaitJournal(journal, 2);
            Thread.sleep(600);
            assertEquals(2, journal.last(), "a line still being written waits for its end");
            append(file, "0:03.300\n");
            awaitJournal(journal, 3);
            stop.set(true);
            first.join(10_000);

            // the agent restarted: what it took is not taken again, what came meanwhile is
            // a power cut on the vendor's PC left a block of NULs in its file
            append(file, "4\tC4\t10:00:04.400\nnot a read\n" + "\0".repeat(20_000) + "\n");
            AtomicBoolean stopAgain = new AtomicBoolean();
            Thread second = tail(file, journalDir, journal, stopAgain);
            awaitJournal(journal, 6);
            // the software started its file again: read from its start
            Files.writeString(file, "1\tC9\t11:00:00.000\n", StandardCharsets.UTF_8);
            awaitJournal(journal, 7);
            stopAgain.set(true);
            second.join(10_000);

            List<String> taken = journal.after(0, 10).stream().map(Journal.Entry::payload).toList();
            assertTrue(taken.get(2).contains("\"chipId\":\"C3\"") && taken.get(2).contains("10:00:03.3"), taken.get(2));
            assertTrue(taken.get(3).contains("\"chipId\":\"C4\""), "no read twice after the restart: " + taken);
            assertTrue(taken.get(4).contains("\"line\":\"not a read\""), "a line that is no read is kept");
            assertTrue(taken.get(5).contains("cut") && taken.get(5).length() < 30_000,
                    "the NUL block is kept cut, as a line that is no read");
            assertTrue(taken.get(6).contains("\"chipId\":\"C9\""), "and the file goes on");
        }
    }
}
