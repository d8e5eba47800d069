package fr.pyramidesnoires.matagent.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

    @TempDir
    Path directory;

    static List<String> reads(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(i -> "{\"chipId\":\"CHIP-" + i + "\"}").toList();
    }

    static List<String> payloads(List<Journal.Entry> entries) {
        return entries.stream().map(Journal.Entry::payload).toList();
    }

    @Test
    void readsAreNumberedInTheOrderTakenAndReadBackAfterAnyPoint() throws IOException {
        try (Journal journal = Journal.open(directory)) {
            assertArrayEquals(new long[] {1, 2, 3}, journal.append(reads(0, 3)));
            assertArrayEquals(new long[] {4, 5}, journal.append(reads(3, 2)));
            assertEquals(reads(0, 5), payloads(journal.after(0, 100)));
            assertEquals(reads(2, 2), payloads(journal.after(2, 2)));
            assertEquals(List.of(4L, 5L), journal.after(3, 100).stream().map(Journal.Entry::sequence).toList());
            assertTrue(journal.after(5, 100).isEmpty());
            assertEquals(5, journal.waiting());
        }
    }

    @Test
    void aReopenedJournalHasEveryReadAndGoesOnNumbering() throws IOException {
        try (Journal journal = Journal.open(directory)) {
            journal.append(reads(0, 1000));
        }
        try (Journal journal = Journal.open(directory)) {
            assertEquals(1000, journal.last());
            assertEquals(reads(0, 1000), payloads(journal.after(0, 5000)));
            assertArrayEquals(new long[] {1001}, journal.append(List.of("{\"chipId\":\"Élodie 🏃\"}")));
            assertEquals("{\"chipId\":\"Élodie 🏃\"}", journal.after(1000, 1).get(0).payload());
        }
    }

    @Test
    void whatThePlatformAcknowledgedIsKeptAcrossARestart() throws IOException {
        try (Journal journal = Journal.open(directory)) {
            journal.append(reads(0, 10));
            journal.acknowledge(6);
            journal.acknowledge(4);
            assertEquals(6, journal.acknowledged(), "an older acknowledgement changes nothing");
            assertEquals(4, journal.waiting());
            assertThrows(IllegalArgumentException.class, () -> journal.acknowledge(11));
        }
        try (Journal journal = Journal.open(directory)) {
            assertEquals(6, journal.acknowledged());
            assertEquals(List.of(7L, 8L, 9L, 10L), journal.after(journal.acknowledged(), 100).stream()
                    .map(Journal.Entry::sequence).toList());
        }
    }

    @Test
    void aRecordTornByAPowerCutIsCutOffAndNumberingGoesOnFromTheLastWhole() throws IOException {
        try (Journal journal = Journal.open(directory)) {
            journal.append(reads(0, 3));
        }
        Path file = directory.resolve(Journal.READS);
        long whole = Files.size(file);
        // half a record: its length and sequence made it to the disk, not its payload
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.allocate(14).putInt(40).putLong(4).put((byte) '{').put((byte) '"').flip());
        }
        try (Journal journal = Journal.open(directory)) {
            assertEquals(3, journal.last());
            assertEquals(whole, Files.size(file));
            assertArrayEquals(new long[] {4}, journal.append(reads(3, 1)));
        }
        try (Journal journal = Journal.open(directory)) {
            assertEquals(reads(0, 4), payloads(journal.after(0, 10)));
        }
    }

    @Test
    void aLastRecordWhoseChecksumFailsIsCutOff() throws IOException {
        try (Journal journal = Journal.open(directory)) {
            journal.append(reads(0, 2));
        }
        Path file = directory.resolve(Journal.READS);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 6] ^= 0x20;
        Files.write(file, bytes);
        try (Journal journal = Journal.open(directory)) {
            assertEquals(1, journal.last());
            assertEquals(reads(0, 1), payloads(journal.after(0, 10)));
        }
    }

    @Test
    void aJournalThatEndsBeforeWhatWasAcknowledgedIsRefusedRatherThanResentFromTheWrongPlace() throws IOException {
        try (Journal journal = Journal.open(directory)) {
            journal.append(reads(0, 2));
        }
        // with a torn tail too: refused before anything of the file is cut
        Path file = directory.resolve(Journal.READS);
        Files.write(file, new byte[] {0, 0, 0, 9}, StandardOpenOption.APPEND);
        long size = Files.size(file);
        Files.writeString(directory.resolve(Journal.ACKNOWLEDGED), "50");
        IOException refused = assertThrows(IOException.class, () -> Journal.open(directory));
        assertTrue(refused.getMessage().contains("acknowledged read 50"), refused.getMessage());
        assertEquals(size, Files.size(file), "another journal is left as it is");
    }

    @Test
    void aJournalDamagedInTheMiddleIsKeptWholeAndRefusedRatherThanCutBackToTheDamage() throws IOException {
        try (Journal journal = Journal.open(directory)) {
            // more than any torn append could leave after the damage
            for (int i = 0; i < 60; i++) {
                journal.append(reads(i * 1000, 1000));
            }
        }
        Path file = directory.resolve(Journal.READS);
        byte[] bytes = Files.readAllBytes(file);
        bytes[100] ^= 0x20;
        Files.write(file, bytes);
        IOException refused = assertThrows(IOException.class, () -> Journal.open(directory));
        assertTrue(refused.getMessage().contains("damaged after read"), refused.getMessage());
        assertArrayEquals(bytes, Files.readAllBytes(file), "every read after the damage is still on the disk");
    }

    @Test
    void aSecondAgentOnTheSameJournalIsRefused() throws IOException {
        try (Journal journal = Journal.open(directory)) {
            journal.append(reads(0, 1));
            IOException refused = assertThrows(IOException.class, () -> Journal.open(directory));
            assertTrue(refused.getMessage().contains("Another mat agent"), refused.getMessage());
            assertArrayEquals(new long[] {2}, journal.append(reads(1, 1)), "the first goes on");
        }
    }

    /** Appends in another JVM, killed with SIGKILL while it writes: every read it was told was taken is there. */
    @Test
    void aKillDuringAppendsLosesNoReadThatWasTaken() throws Exception {
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), JournalWriter.class.getName(), directory.toString())
                .redirectErrorStream(true).start();
        long taken = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while (taken < 3000 && (line = out.readLine()) != null) {
                taken = Long.parseLong(line.strip());
            }
            writer.destroyForcibly();
            assertTrue(writer.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(taken >= 3000, "the writer took " + taken + " reads");
        try (Journal journal = Journal.open(directory)) {
            assertTrue(journal.last() >= taken, journal.last() + " kept, " + taken + " taken");
            List<Journal.Entry> entries = journal.after(0, Integer.MAX_VALUE);
            List<String> expected = new ArrayList<>();
            for (long s = 1; s <= journal.last(); s++) {
                expected.add(JournalWriter.read(s));
            }
            assertEquals(expected, payloads(entries));
        }
    }
}
