package fr.pyramidesnoires.field;

import fr.pyramidesnoires.events.ChipRead;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A RaceResult decoder over its ASCII protocol 3.2: it holds its passings in a file, numbered from 1, and answers
 * one agent at a time the commands it sends, passings by number included. A passing detected while no agent asks
 * stays in the file until one fetches it.
 */
public final class RaceResultDecoderEmulator implements EmulatedReader {

    /** The decoder's clock and its passings tell local time, without offset. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    private static final Pattern FETCH = Pattern.compile("(\\d+):(\\d+)");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd;HH:mm:ss.SSS");

    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final List<String> fetches = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final ServerSocket server;
    private final List<String> passings = new ArrayList<>();
    private final Thread serving;
    private volatile int connections;
    private volatile boolean garbled;
    private volatile Socket agent;
    private boolean timing;
    /** The highest passing number an agent fetched from the current file. */
    private int fetched;

    public RaceResultDecoderEmulator() throws IOException {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        serving = new Thread(this::serve, "raceresult-decoder-" + server.getLocalPort());
        serving.setDaemon(true);
        serving.start();
    }

    /**
     * A passing line after its number, with every field protocol 3.2 gives: transponder, date, time, event id,
     * hits, maxRSSI, internal data, active, channel, loop id, loop only, wakeup counter, battery, temperature,
     * internal active data, box name, file number, maxRSSIAntenna, box id.
     */
    public static String passing(String transponder, String date, String time, Integer rssi, Integer antenna) {
        return transponder + ";" + date + ";" + time + ";1;7;" + blankIfNull(rssi) + ";0;0;0;0;0;0;0;0;0;BOX1;1;"
                + blankIfNull(antenna) + ";1001";
    }

    /** The passing a read is, its time told on the decoder's local clock. */
    public static String passing(ChipRead read) {
        String[] dateAndTime = read.readTime().atZoneSameInstant(ZONE).toLocalDateTime().format(CLOCK).split(";");
        return passing(read.chipId(), dateAndTime[0], dateAndTime[1], read.rssi(), read.antenna());
    }

    private static String blankIfNull(Integer value) {
        return value == null ? "" : value.toString();
    }

    @Override
    public int port() {
        return server.getLocalPort();
    }

    @Override
    public void emit(ChipRead read) {
        add(passing(read));
    }

    @Override
    public synchronized long pending() {
        return passings.size() - fetched;
    }

    /** Passings the decoder detects, as lines without their number: numbered after those it holds. */
    public synchronized void add(String... detected) {
        for (String line : detected) {
            passings.add((passings.size() + 1) + ";" + line);
        }
    }

    /** The decoder's file changed: numbering starts again. */
    public synchronized void newFile(String... detected) {
        passings.clear();
        fetched = 0;
        add(detected);
    }

    /** Every command the agents sent, in order. */
    public List<String> commands() {
        return commands;
    }

    /** The fetches of passings by number on the current connection, {@code from:count}. */
    public List<String> fetches() {
        return fetches;
    }

    /** Commands the decoder does not know. */
    public List<String> refused() {
        return refused;
    }

    /** How many times an agent connected. */
    public int connections() {
        return connections;
    }

    /** From now on the decoder answers GETPROTOCOL with its welcome rather than the protocols it speaks. */
    public void garble() {
        garbled = true;
    }

    /** Drops the agent's connection, as a pulled cable. */
    public void drop() throws IOException {
        Socket current = agent;
        if (current != null) {
            current.close();
        }
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket accepted = server.accept()) {
                agent = accepted;
                fetches.clear();
                connections++;
                converse(accepted);
            } catch (IOException dropped) {
                // the agent or a test ended the connection: the next one is awaited
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
            fetched = Math.max(fetched, to);
            return answer.toString();
        }
        return switch (command) {
            case "GETPROTOCOL" -> garbled ? "WELCOME" : "GETPROTOCOL;1.0;1.0;3.2";
            case "SETPROTOCOL;3.2" -> command;
            case "GETSTATUS" -> "GETSTATUS;" + LocalDateTime.now(ZONE).format(CLOCK) + ";1;11110000;"
                    + (timing ? 1 : 0) + ";1;1";
            case "STARTOPERATION" -> {
                timing = true;
                yield "STARTOPERATION;OK";
            }
            case "GETTIME" -> "GETTIME;" + LocalDateTime.now(ZONE).format(CLOCK);
            case "PASSINGS" -> "PASSINGS;" + passings.size();
            default -> {
                refused.add(command);
                yield "ERROR;unknown command";
            }
        };
    }

    @Override
    public void close() {
        try {
            server.close();
            drop();
            serving.join(5000);
        } catch (IOException e) {
            // closing anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
