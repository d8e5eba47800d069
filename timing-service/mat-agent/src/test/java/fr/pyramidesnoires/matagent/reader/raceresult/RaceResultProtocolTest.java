package fr.pyramidesnoires.matagent.reader.raceresult;

import static fr.pyramidesnoires.matagent.reader.ReaderRun.assertUnreadable;
import static fr.pyramidesnoires.matagent.reader.ReaderRun.await;
import static fr.pyramidesnoires.matagent.reader.ReaderRun.awaitFile;
import static fr.pyramidesnoires.matagent.reader.ReaderRun.awaitJournal;
import static fr.pyramidesnoires.matagent.reader.ReaderRun.payloads;
import static fr.pyramidesnoires.matagent.reader.ReaderRun.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.matagent.journal.Journal;
import fr.pyramidesnoires.matagent.reader.ChipIdRule;
import fr.pyramidesnoires.matagent.reader.ReaderRun;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a decoder played on loopback, which answers only the commands of the protocol. */
class RaceResultProtocolTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @TempDir
    Path directory;

    /** A passing line after its number, with every field protocol 3.2 gives. */
    private static String passing(String transponder, String date, String time, int rssi, int antenna) {
        return transponder + ";" + date + ";" + time + ";1;7;" + rssi + ";0;0;0;0;0;0;0;0;0;BOX1;1;" + antenna + ";1001";
    }

    private RaceResultProtocol protocol() {
        return new RaceResultProtocol(ChipIdRule.of("as-printed"), PARIS, directory.resolve("readers"));
    }

    @Test
    void everyPassingIsJournaledAndADropOrARestartFetchesFromTheNextOne() throws Exception {
        Path journalDirectory = directory.resolve("journal");
        try (EmulatedDecoder decoder = new EmulatedDecoder()) {
            decoder.add(passing("a1", "2027-03-20", "10:42:13.250", -61, 2),
                    "A2;2027-03-20;10:42:14.500",
                    passing("A3", "2027-03-20", "25:00:00.000", -70, 1),
                    passing("A4", "2027-07-14", "09:00:00.000", -55, 4));
            Journal journal = Journal.open(journalDirectory);
            try (ReaderRun run = ReaderRun.start(decoder.port(), "raceresult", protocol(), journal)) {
                awaitJournal(journal, 4);
                assertEquals(List.of("GETPROTOCOL", "SETPROTOCOL;3.2", "GETSTATUS", "STARTOPERATION", "GETTIME"),
                        decoder.commands.subList(0, 5));
                assertEquals(List.of("1:4"), decoder.fetches);
                Duration clock = run.tap().state().readerClock();
                assertTrue(clock.abs().compareTo(Duration.ofSeconds(5)) < 0,
                        "the decoder's local time read in the event's zone: " + clock);
                awaitFile(directory.resolve("readers/R-FINISH.raceresult"), "passing=4\n");

                // the decoder's cable pulled while runners go on crossing the mat
                decoder.drop();
                decoder.add(passing("A5", "2027-03-20", "10:50:00.000", -60, 1),
                        passing("A6", "2027-03-20", "10:50:01.000", -62, 1));
                awaitJournal(journal, 6);
                assertEquals(List.of("5:2"), decoder.fetches, "fetched from the passing after the last taken");
                assertEquals(2, decoder.connections.get());
            }
            journal.close();

            // the laptop restarted: a new agent on the same journal and state
            decoder.add(passing("A7", "2027-03-20", "11:00:00.000", -58, 3));
            journal = Journal.open(journalDirectory);
            try (ReaderRun run = ReaderRun.start(decoder.port(), "raceresult", protocol(), journal)) {
                awaitJournal(journal, 7);
                assertEquals(List.of("7:1"), decoder.fetches);
                assertEquals(1, decoder.commands.stream().filter("STARTOPERATION"::equals).count(),
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
            assertEquals(List.of(), decoder.refused);
        }
    }

    @Test
    void aNewFileOnTheDecoderIsTakenFromItsFirstPassing() throws Exception {
        try (EmulatedDecoder decoder = new EmulatedDecoder();
             Journal journal = Journal.open(directory.resolve("journal"));
             ReaderRun run = ReaderRun.start(decoder.port(), "raceresult", protocol(), journal)) {
            decoder.add(passing("B1", "2027-03-20", "09:00:00.000", -60, 1),
                    passing("B2", "2027-03-20", "09:00:01.000", -60, 1),
                    passing("B3", "2027-03-20", "09:00:02.000", -60, 1));
            awaitJournal(journal, 3);
            decoder.newFile(passing("C1", "2027-03-20", "09:30:00.000", -60, 2));
            awaitJournal(journal, 4);
            assertEquals("1:1", decoder.fetches.get(decoder.fetches.size() - 1));
            assertEquals(read("C1", "2027-03-20T09:30:00.000+01:00", 2, -60), payloads(journal).get(3));
            assertTrue(run.tap().state().events().stream().anyMatch(event -> event.contains("new file")),
                    String.valueOf(run.tap().state().events()));
        }
    }

    @Test
    void anAnswerThatIsNotTheCommandsEndsTheConversationAndTheAgentConnectsAgain() throws Exception {
        try (EmulatedDecoder decoder = new EmulatedDecoder();
             Journal journal = Journal.open(directory.resolve("journal"))) {
            decoder.garbled = true;
            try (ReaderRun run = ReaderRun.start(decoder.port(), "raceresult", protocol(), journal)) {
                await(() -> decoder.connections.get() >= 2, "connected again after the wrong answer");
                await(() -> String.valueOf(run.tap().state().lastError()).contains("WELCOME"), "the answer shown");
                assertTrue(decoder.commands.stream().allMatch("GETPROTOCOL"::equals),
                        "nothing asked after a wrong answer: " + decoder.commands);
                assertEquals(0, journal.last());
            }
        }
    }

    /** A decoder holding passings in its file, numbered from 1, served to one agent at a time. */
    private static final class EmulatedDecoder implements AutoCloseable {

        private static final Pattern FETCH = Pattern.compile("(\\d+):(\\d+)");
        private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd;HH:mm:ss.SSS");

        final List<String> commands = new CopyOnWriteArrayList<>();
        /** The fetches on the current connection. */
        final List<String> fetches = new CopyOnWriteArrayList<>();
        final List<String> refused = new CopyOnWriteArrayList<>();
        final AtomicInteger connections = new AtomicInteger();
        volatile boolean garbled;
        private final ServerSocket server;
        private final List<String> passings = new ArrayList<>();
        private final Thread serving;
        private volatile Socket agent;
        private boolean timing;

        EmulatedDecoder() throws IOException {
            server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
            serving = new Thread(this::serve, "emulated decoder");
            serving.start();
        }

        int port() {
            return server.getLocalPort();
        }

        /** Passings the decoder detects, numbered after those it holds. */
        synchronized void add(String... detected) {
            for (String line : detected) {
                passings.add((passings.size() + 1) + ";" + line);
            }
        }

        /** The decoder's file changed: numbering starts again. */
        synchronized void newFile(String... detected) {
            passings.clear();
            add(detected);
        }

        void drop() throws IOException {
            agent.close();
        }

        private void serve() {
            while (!server.isClosed()) {
                try (Socket accepted = server.accept()) {
                    agent = accepted;
                    fetches.clear();
                    connections.incrementAndGet();
                    converse(accepted);
                } catch (IOException dropped) {
                    // the agent or the test ended the connection: the next one is awaited
                }
            }
        }

        private void converse(Socket accepted) throws IOException {
            BufferedReader in = new BufferedReader(new InputStreamReader(accepted.getInputStream(),
                    StandardCharsets.US_ASCII));
            OutputStream out = accepted.getOutputStream();
            for (String command = in.readLine(); command != null; command = in.readLine()) {
                commands.add(command);
                out.write((answer(command) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        }

        private synchronized String answer(String command) {
            Matcher fetch = FETCH.matcher(command);
            if (fetch.matches()) {
                fetches.add(command);
                int from = Integer.parseInt(fetch.group(1));
                int to = Math.min(passings.size(), from + Integer.parseInt(fetch.group(2)) - 1);
                StringBuilder answer = new StringBuilder();
                for (int number = from; number <= to; number++) {
                    answer.append(passings.get(number - 1)).append("\r\n");
                }
                return answer.toString();
            }
            switch (command) {
                case "GETPROTOCOL":
                    return garbled ? "WELCOME" : "GETPROTOCOL;1.0;1.0;3.2";
                case "SETPROTOCOL;3.2":
                    return command;
                case "GETSTATUS":
                    return "GETSTATUS;" + LocalDateTime.now(PARIS).format(CLOCK) + ";1;11110000;"
                            + (timing ? 1 : 0) + ";1;1";
                case "STARTOPERATION":
                    timing = true;
                    return "STARTOPERATION;OK";
                case "GETTIME":
                    return "GETTIME;" + LocalDateTime.now(PARIS).format(CLOCK);
                case "PASSINGS":
                    return "PASSINGS;" + passings.size();
                default:
                    refused.add(command);
                    return "ERROR;unknown command";
            }
        }

        @Override
        public void close() throws Exception {
            server.close();
            Socket last = agent;
            if (last != null) {
                last.close();
            }
            serving.join(5000);
        }
    }
}
