package fr.pyramidesnoires.field;

import fr.pyramidesnoires.events.ChipRead;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A ChronoTrack controller over the ChronoTrack Socket Protocol CTP01. It keeps its observations numbered per
 * location, calls the agent (the agent listens), greets it, hears its greeting and features, and pushes
 * observations once started: from now, or for a location from a given sequence. An observation made while no agent
 * is connected is kept until an agent starts its location from before it.
 */
public final class ChronoTrackControllerEmulator implements EmulatedReader {

    /** The controller tells local time, without offset. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    public static final String GREETING = "ChronoTrack Controller~3.1~CTP01";
    private static final String ISO_TIMES = "time-format=iso";
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static final long CALL_AGAIN_MILLIS = 200;

    private final List<String> starts = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final List<String> features = new CopyOnWriteArrayList<>();
    private final AtomicInteger pings = new AtomicInteger();
    private final int port;
    private final Map<String, List<Observation>> observations = new LinkedHashMap<>();
    /** The highest sequence written to an agent, by location. */
    private final Map<String, Integer> written = new LinkedHashMap<>();
    private final Set<String> streaming = new HashSet<>();
    private volatile boolean mute;
    private volatile boolean closed;
    private Socket agent;
    private OutputStream out;
    private Thread listening;
    private Thread calling;

    /**
     * @param agentPort where the agent listens on loopback
     * @param locations the controller's locations, each numbering its own observations
     */
    public ChronoTrackControllerEmulator(int agentPort, List<String> locations) {
        this.port = agentPort;
        locations.forEach(location -> observations.put(location, new ArrayList<>()));
    }

    /** An observation: a fixed time as a test writes it, or a read's time written as the agent asked. */
    private record Observation(String type, int sequence, String location, String tag, String time,
                               OffsetDateTime readTime, String fifth, String eighth) {

        String line(boolean iso) {
            String at = time != null ? time
                    : readTime.atZoneSameInstant(ZONE).toLocalDateTime().format(iso ? ISO : TIME_OF_DAY);
            return String.join("~", type, String.valueOf(sequence), location, tag, at, fifth, "0F2A38", eighth);
        }
    }

    /** Connects to the agent's port once it listens, within ten seconds. */
    public static Socket call(int port) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (true) {
            try {
                return open(port);
            } catch (ConnectException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw notYet;
                }
                Thread.sleep(50);
            }
        }
    }

    private static Socket open(int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(10_000);
        return socket;
    }

    @Override
    public int port() {
        return port;
    }

    /** Calls the agent, greets it and hears its greeting and features; then serves its commands on a thread. */
    public void connect() throws IOException, InterruptedException {
        attach(call(port));
    }

    /** From now on the controller calls the agent whenever it is not connected, as a controller left running does. */
    public synchronized void keepCalling() {
        if (calling != null) {
            return;
        }
        calling = new Thread(() -> {
            while (!closed) {
                try {
                    if (!connected()) {
                        attach(open(port));
                    }
                } catch (IOException notListening) {
                    // the agent is not there yet, or hung up during the greeting: called again
                }
                try {
                    Thread.sleep(CALL_AGAIN_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "chronotrack-controller-" + port);
        calling.setDaemon(true);
        calling.start();
    }

    private void attach(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8));
        synchronized (this) {
            agent = socket;
            out = socket.getOutputStream();
            starts.clear();
            streaming.clear();
            features.clear();
            write(GREETING);
        }
        try {
            String greeting = in.readLine();
            String[] fields = greeting == null ? new String[0] : greeting.split("~", -1);
            if (fields.length != 3) {
                throw new IOException("not an agent's greeting: " + greeting);
            }
            for (int i = Integer.parseInt(fields[2]); i > 0; i--) {
                features.add(in.readLine());
            }
        } catch (IOException | NumberFormatException e) {
            socket.close();
            synchronized (this) {
                agent = null;
            }
            throw new IOException("agent's greeting: " + e.getMessage(), e);
        }
        listening = new Thread(() -> serve(socket, in), "chronotrack-controller-" + port + "-serving");
        listening.setDaemon(true);
        listening.start();
    }

    /** Waits until an agent has started the controller, which from then on streams what it observes. */
    public void awaitStarted(Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (starts.isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("No agent started the controller on port " + port + " within "
                        + within.toSeconds() + " s");
            }
            Thread.sleep(20);
        }
    }

    /** The features the agent asked for on the current connection. */
    public List<String> features() {
        return List.copyOf(features);
    }

    /** The start commands of the current connection. */
    public List<String> starts() {
        return starts;
    }

    /** Commands the controller does not know, or starts it cannot follow. */
    public List<String> refused() {
        return refused;
    }

    /** Pings heard from agents. */
    public int pings() {
        return pings.get();
    }

    /** From now on pings go unanswered, as from a controller that hangs. */
    public void mute() {
        mute = true;
    }

    public synchronized boolean connected() {
        return agent != null;
    }

    private void serve(Socket socket, BufferedReader in) {
        try {
            for (String command = in.readLine(); command != null; command = in.readLine()) {
                answer(command);
            }
        } catch (IOException dropped) {
            // either end hung up
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
            case "getlocations" -> write("ack~getlocations~" + String.join("~", observations.keySet()));
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
            streaming.addAll(observations.keySet());
            return;
        }
        String location = fields[1];
        List<Observation> held = observations.get(location);
        if (held == null || fields.length > 3) {
            refused.add(command);
            return;
        }
        if (fields.length == 3) {
            for (int sequence = Integer.parseInt(fields[2]); sequence <= held.size(); sequence++) {
                push(held.get(sequence - 1));
            }
        }
        streaming.add(location);
    }

    /** A line the controller keeps numbered: {@code type~seq~location~tag~time~fifth~mac~eighth}. */
    public synchronized void observe(String type, String location, String tag, String time, String fifth,
                                     String eighth) throws IOException {
        held(location, type, tag, time, null, fifth, eighth);
    }

    /** A CT01_33 observation at the read's mat as location, its antenna as the fifth field. */
    @Override
    public synchronized void emit(ChipRead read) {
        try {
            held(read.matId(), "CT01_33", read.chipId(), null, read.readTime(),
                    read.antenna() == null ? "" : read.antenna().toString(), "1");
        } catch (IOException e) {
            // the agent went while the line was written: it asks for the line again when it is back
            hangUp();
        }
    }

    private void held(String location, String type, String tag, String time, OffsetDateTime readTime, String fifth,
                      String eighth) throws IOException {
        List<Observation> held = observations.computeIfAbsent(location, none -> new ArrayList<>());
        Observation observation = new Observation(type, held.size() + 1, location, tag, time, readTime, fifth,
                eighth);
        held.add(observation);
        if (agent != null && streaming.contains(location)) {
            push(observation);
        }
    }

    private void push(Observation observation) throws IOException {
        write(observation.line(features.contains(ISO_TIMES)));
        written.merge(observation.location(), observation.sequence(), Math::max);
    }

    @Override
    public synchronized long pending() {
        long pending = 0;
        for (Map.Entry<String, List<Observation>> location : observations.entrySet()) {
            pending += location.getValue().size() - written.getOrDefault(location.getKey(), 0);
        }
        return pending;
    }

    /** A line out of the numbering. */
    public synchronized void send(String line) throws IOException {
        write(line);
    }

    /** Hangs up, as a pulled cable or a controller switched off, and waits for its side to end. */
    public void drop() throws InterruptedException {
        hangUp();
        Thread serving = listening;
        if (serving != null) {
            serving.join(5000);
        }
    }

    private void hangUp() {
        Socket connection;
        synchronized (this) {
            connection = agent;
        }
        if (connection != null) {
            try {
                connection.close();
            } catch (IOException e) {
                // gone already
            }
        }
    }

    private void write(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        closed = true;
        Thread caller;
        synchronized (this) {
            caller = calling;
        }
        if (caller != null) {
            caller.interrupt();
        }
        try {
            drop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
