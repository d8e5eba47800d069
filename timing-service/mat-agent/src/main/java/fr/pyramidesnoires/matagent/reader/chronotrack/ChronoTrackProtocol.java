package fr.pyramidesnoires.matagent.reader.chronotrack;

import fr.pyramidesnoires.matagent.reader.ChipIdRule;
import fr.pyramidesnoires.matagent.reader.LastTaken;
import fr.pyramidesnoires.matagent.reader.Lines;
import fr.pyramidesnoires.matagent.reader.ReaderProtocol;
import fr.pyramidesnoires.matagent.reader.ReaderTap;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * A ChronoTrack controller, over the ChronoTrack Socket Protocol CTP01: the controller calls the agent (port 61611),
 * greets it, and once told to start pushes one line per tag observation, each numbered by its location. The last
 * number taken per location is kept beside the journal, so that a reconnect or a restart of the agent asks each
 * location for what follows it.
 */
public final class ChronoTrackProtocol implements ReaderProtocol {

    public static final int DEFAULT_PORT = 61611;
    static final String AGENT_GREETING = "TPN mat agent~1.0~2";
    static final List<String> AGENT_FEATURES = List.of("stream-mode=push", "time-format=iso");
    private static final int LONGEST_LINE = 4096;
    private static final Duration PING_EVERY = Duration.ofSeconds(10);
    private static final Duration SILENT_AFTER = Duration.ofSeconds(30);
    /** Tags a controller sends for what happened at the location rather than for a runner. */
    private static final List<String> MARKER_TAGS = List.of("guntime", "newlocation");

    // where each field stands in an observation line
    private static final int SEQUENCE = 1;
    private static final int LOCATION = 2;
    private static final int TAG = 3;
    private static final int TIME = 4;
    private static final int GATOR = 5;
    private static final int ANTENNA_PORT = 7;

    private final ChipIdRule chipIds;
    private final ZoneId zone;
    private final LocalDate eventDate;
    private final Path stateDirectory;
    private final Duration pingEvery;
    private final Duration silentAfter;

    /**
     * @param zone           the event's: the controller tells local time without offset
     * @param eventDate      the day of times sent without a date; null when the controller sends dates
     * @param stateDirectory where the last sequence taken per location of each reader is kept,
     *                       {@code <reader id>.chronotrack}
     */
    public ChronoTrackProtocol(ChipIdRule chipIds, ZoneId zone, LocalDate eventDate, Path stateDirectory) {
        this(chipIds, zone, eventDate, stateDirectory, PING_EVERY, SILENT_AFTER);
    }

    /** With a ping and a silence that a test can wait for. */
    ChronoTrackProtocol(ChipIdRule chipIds, ZoneId zone, LocalDate eventDate, Path stateDirectory,
                        Duration pingEvery, Duration silentAfter) {
        this.chipIds = chipIds;
        this.zone = zone;
        this.eventDate = eventDate;
        this.stateDirectory = stateDirectory;
        this.pingEvery = pingEvery;
        this.silentAfter = silentAfter;
    }

    private static Integer antenna(String[] fields, int at) {
        return fields.length <= at || fields[at].isBlank() ? null : Integer.valueOf(fields[at].strip());
    }

    @Override
    public boolean readerConnects() {
        return true;
    }

    @Override
    public void converse(Socket socket, ReaderTap tap, BooleanSupplier stop) throws IOException {
        new Conversation(socket, tap, new LastTaken(stateDirectory.resolve(tap.readerId() + ".chronotrack")))
                .hold(stop);
    }

    /** One controller's connection, from its greeting on. */
    private final class Conversation {

        private final Lines lines;
        private final OutputStream out;
        private final ReaderTap tap;
        private final LastTaken state;
        /** The last sequence taken, by location. */
        private final Map<String, Long> taken;
        private boolean greeted;
        private long heardAt = System.nanoTime();
        private long pingedAt = System.nanoTime();

        Conversation(Socket socket, ReaderTap tap, LastTaken state) throws IOException {
            this.lines = new Lines(socket.getInputStream(), LONGEST_LINE);
            this.out = socket.getOutputStream();
            this.tap = tap;
            this.state = state;
            this.taken = new TreeMap<>(state.load());
        }

        void hold(BooleanSupplier stop) throws IOException {
            boolean ended = false;
            while (!ended && !stop.getAsBoolean()) {
                List<ReaderTap.Heard> heard = new ArrayList<>();
                Map<String, Long> before = Map.copyOf(taken);
                try {
                    do {
                        Lines.Line line = lines.next();
                        ended = line == null;
                        if (!ended) {
                            heardAt = System.nanoTime();
                            hear(line, heard);
                        }
                    } while (!ended && lines.ready());
                } catch (SocketTimeoutException quiet) {
                    // a quiet controller, or half a line: its start waits in Lines for the rest
                }
                tap.take(heard);
                if (!taken.equals(before)) {
                    state.save(taken);
                }
                if (!ended) {
                    keepAlive();
                }
            }
        }

        private void keepAlive() throws IOException {
            long now = System.nanoTime();
            if (now - heardAt > silentAfter.toNanos()) {
                throw new IOException("reader silent for " + silentAfter.toSeconds() + " s");
            }
            if (greeted && now - pingedAt >= pingEvery.toNanos()) {
                send("ping");
                pingedAt = now;
            }
        }

        private void hear(Lines.Line line, List<ReaderTap.Heard> heard) throws IOException {
            if (!greeted) {
                greet(line.text());
                return;
            }
            if (line.cut()) {
                heard.add(new ReaderTap.Unreadable(line.text(), "line longer than " + LONGEST_LINE + " bytes, cut"));
                return;
            }
            String text = line.text();
            if (text.isBlank()) {
                return;
            }
            String[] fields = text.split("~", -1);
            switch (fields[0]) {
                case "ack" -> {
                    if (fields.length > 1 && fields[1].equals("getlocations")) {
                        start(List.of(fields).subList(2, fields.length));
                    }
                }
                case "err" -> tap.event("controller error: " + text);
                case "CT01_33", "CT01_13" -> observe(text, fields, heard);
                default -> heard.add(new ReaderTap.Unreadable(text, "not a CTP01 line"));
            }
        }

        private void greet(String greeting) throws IOException {
            String[] fields = greeting.split("~", -1);
            if (!fields[fields.length - 1].strip().equals("CTP01")) {
                throw new IOException("not CTP01: the controller greeted with '" + greeting + "'");
            }
            greeted = true;
            StringBuilder answer = new StringBuilder(AGENT_GREETING).append("\r\n");
            AGENT_FEATURES.forEach(feature -> answer.append(feature).append("\r\n"));
            answer.append("getlocations");
            send(answer.toString());
        }

        /**
         * Each location from the sequence after the last taken, and a location never taken from its first: reads the
         * controller made before the laptop came up, or while the link was down, are asked for too.
         */
        private void start(List<String> locations) throws IOException {
            StringBuilder starts = new StringBuilder();
            for (String location : locations) {
                Long last = taken.get(location);
                starts.append(starts.isEmpty() ? "" : "\r\n").append("start~").append(location)
                        .append('~').append(last == null ? 1 : last + 1);
            }
            send(starts.isEmpty() ? "start" : starts.toString());
        }

        private void observe(String text, String[] fields, List<ReaderTap.Heard> heard) {
            if (fields.length <= TIME) {
                heard.add(new ReaderTap.Unreadable(text, "expected at least sequence, location, tag and time, found "
                        + fields.length + " fields"));
                return;
            }
            String location = fields[LOCATION].strip();
            try {
                long sequence = Long.parseLong(fields[SEQUENCE].strip());
                if (!location.isEmpty()) {
                    // taken even when the rest is unreadable: it is journaled as such, and asking again changes nothing
                    taken.merge(location, sequence, Math::max);
                }
                String tag = fields[TAG].strip();
                if (MARKER_TAGS.contains(tag.toLowerCase(Locale.ROOT))) {
                    tap.event(tag + " at " + location + ": " + fields[TIME].strip());
                    return;
                }
                String chipId = chipIds.chipId(tag);
                if (chipId.isEmpty()) {
                    heard.add(new ReaderTap.Unreadable(text, "no tag code"));
                    return;
                }
                if (fields[TIME].indexOf('T') < 0 && eventDate == null) {
                    heard.add(new ReaderTap.Unreadable(text, "a time without date, and no event date set"));
                    return;
                }
                int antennaAt = fields[0].equals("CT01_13") ? ANTENNA_PORT : GATOR;
                heard.add(tap.read(chipId, time(fields[TIME].strip()), antenna(fields, antennaAt), null));
            } catch (DateTimeException | NumberFormatException e) {
                heard.add(new ReaderTap.Unreadable(text, "unreadable field: " + e.getMessage()));
            }
        }

        private OffsetDateTime time(String value) {
            LocalDateTime local = value.indexOf('T') >= 0 ? LocalDateTime.parse(value)
                    : eventDate.atTime(LocalTime.parse(value));
            return local.atZone(zone).toOffsetDateTime();
        }

        private void send(String lines) throws IOException {
            out.write((lines + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }
}
