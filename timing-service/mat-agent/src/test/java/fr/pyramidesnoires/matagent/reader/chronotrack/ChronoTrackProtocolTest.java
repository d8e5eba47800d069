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

import fr.pyramidesnoires.matagent.journal.Journal;
import fr.pyramidesnoires.matagent.reader.ChipIdRule;
import fr.pyramidesnoires.matagent.reader.ReaderRun;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a ChronoTrack controller played on loopback, calling the agent as a real one does. */
class ChronoTrackProtocolTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalDate RACE_DAY = LocalDate.of(2027, 3, 20);

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
        EmulatedController controller = new EmulatedController(port);
        Journal journal = Journal.open(journalDirectory);
        try (ReaderRun run = ReaderRun.start(port, "chronotrack", protocol(), journal)) {
            controller.connect();
            await(() -> controller.starts.contains("start"), "a first connection starts from now");
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
            assertEquals(List.of("start~FINISH~4", "start~T07~3"), controller.starts);
        }
        journal.close();
        await(() -> !controller.connected(), "the agent hung up on its way out");

        // the laptop restarted: a new agent on the same journal and state
        controller.observe("CT01_33", "FINISH", "3333", "2027-03-20T11:00:00.00", "2", "1");
        journal = Journal.open(journalDirectory);
        try (ReaderRun run = ReaderRun.start(port, "chronotrack", protocol(), journal)) {
            controller.connect();
            awaitJournal(journal, 8);
            assertEquals(List.of("start~FINISH~5", "start~T07~4"), controller.starts);
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
        assertEquals(List.of(), controller.refused);
    }

    @Test
    void aControllerThatStopsAnsweringIsLetGo() throws Exception {
        int port = ReaderRun.freePort();
        EmulatedController controller = new EmulatedController(port);
        try (Journal journal = Journal.open(directory.resolve("journal"));
             ReaderRun run = ReaderRun.start(port, "chronotrack",
                     protocol(Duration.ofMillis(200), Duration.ofMillis(2500)), journal)) {
            controller.connect();
            // pinged once the socket's second of quiet is up, and the answer counts as heard
            Thread.sleep(3000);
            assertTrue(controller.connected(), "a controller answering pings is kept");
            assertTrue(controller.pings.get() >= 2, "pinged: " + controller.pings.get());
            controller.mute = true;
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
             Socket caller = EmulatedController.call(port)) {
            caller.getOutputStream().write("SomeDevice~1.0~XYZ\r\n".getBytes(StandardCharsets.US_ASCII));
            BufferedReader answer = new BufferedReader(new InputStreamReader(caller.getInputStream(),
                    StandardCharsets.US_ASCII));
            assertNull(answer.readLine(), "no greeting back, the connection closed");
            await(() -> String.valueOf(run.tap().state().lastError()).contains("not CTP01"), "why shown");
            assertEquals(0, journal.last());
        }
    }

    /**
     * A controller keeping its observations numbered per location, which calls the agent, checks its greeting and
     * features, and pushes observations once started: from now, or for a location from a given sequence.
     */
    private static final class EmulatedController {

        private static final List<String> LOCATIONS = List.of("FINISH", "T07");

        /** The start commands of the current connection. */
        final List<String> starts = new CopyOnWriteArrayList<>();
        final List<String> refused = new CopyOnWriteArrayList<>();
        final AtomicInteger pings = new AtomicInteger();
        volatile boolean mute;
        private final int port;
        private final Map<String, List<String>> observations = new LinkedHashMap<>();
        private final Set<String> streaming = new HashSet<>();
        private Socket agent;
        private OutputStream out;
        private Thread listening;

        EmulatedController(int port) {
            this.port = port;
            LOCATIONS.forEach(location -> observations.put(location, new ArrayList<>()));
        }

        /** Connects to the agent's port once it listens. */
        static Socket call(int port) throws IOException, InterruptedException {
            Instant deadline = Instant.now().plusSeconds(10);
            while (true) {
                try {
                    Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                    socket.setSoTimeout(10_000);
                    return socket;
                } catch (ConnectException notYet) {
                    if (Instant.now().isAfter(deadline)) {
                        throw notYet;
                    }
                    Thread.sleep(50);
                }
            }
        }

        /** Calls the agent, greets it and checks its answer; then serves its commands on a thread. */
        void connect() throws IOException, InterruptedException {
            Socket socket = call(port);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            synchronized (this) {
                agent = socket;
                out = socket.getOutputStream();
                starts.clear();
                streaming.clear();
                write("ChronoTrack Controller~3.1~CTP01");
            }
            String[] greeting = in.readLine().split("~", -1);
            assertEquals(3, greeting.length, String.join("~", greeting));
            List<String> features = new ArrayList<>();
            for (int i = Integer.parseInt(greeting[2]); i > 0; i--) {
                features.add(in.readLine());
            }
            assertEquals(Set.of("stream-mode=push", "time-format=iso"), Set.copyOf(features));
            listening = new Thread(() -> serve(socket, in), "emulated controller");
            listening.start();
        }

        synchronized boolean connected() {
            return agent != null;
        }

        private void serve(Socket socket, BufferedReader in) {
            try {
                for (String command = in.readLine(); command != null; command = in.readLine()) {
                    answer(command);
                }
            } catch (IOException dropped) {
                // the test or the agent hung up
            }
            synchronized (this) {
                if (agent == socket) {
                    agent = null;
                }
            }
        }

        private synchronized void answer(String command) throws IOException {
            String[] fields = command.split("~", -1);
            switch (fields[0]) {
                case "getlocations" -> write("ack~getlocations~" + String.join("~", LOCATIONS));
                case "ping" -> {
                    pings.incrementAndGet();
                    if (!mute) {
                        write("ack~ping");
                    }
                }
                case "start" -> start(command, fields);
                default -> refused.add(command);
            }
        }

        private void start(String command, String[] fields) throws IOException {
            starts.add(command);
            if (fields.length == 1) {
                streaming.addAll(LOCATIONS);
                return;
            }
            String location = fields[1];
            List<String> held = observations.get(location);
            if (held == null || fields.length > 3) {
                refused.add(command);
                return;
            }
            if (fields.length == 3) {
                for (int sequence = Integer.parseInt(fields[2]); sequence <= held.size(); sequence++) {
                    write(held.get(sequence - 1));
                }
            }
            streaming.add(location);
        }

        /** A line the controller keeps numbered: {@code type~seq~location~tag~time~fifth~mac~eighth}. */
        synchronized void observe(String type, String location, String tag, String time, String fifth,
                                  String eighth) throws IOException {
            List<String> held = observations.get(location);
            String line = String.join("~", type, String.valueOf(held.size() + 1), location, tag, time, fifth,
                    "0F2A38", eighth);
            held.add(line);
            if (agent != null && streaming.contains(location)) {
                write(line);
            }
        }

        /** A line out of the numbering. */
        synchronized void send(String line) throws IOException {
            write(line);
        }

        /** Hangs up, as a pulled cable or a controller switched off. */
        void drop() throws IOException, InterruptedException {
            Socket connection;
            synchronized (this) {
                connection = agent;
            }
            if (connection != null) {
                connection.close();
            }
            if (listening != null) {
                listening.join(5000);
            }
        }

        private void write(String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }
}
