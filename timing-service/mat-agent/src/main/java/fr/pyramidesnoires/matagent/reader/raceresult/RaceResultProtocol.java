package fr.pyramidesnoires.matagent.reader.raceresult;

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
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A RaceResult decoder, asked over its ASCII protocol (TCP port 3601): the agent sets the newest protocol the
 * decoder speaks, starts timing if the decoder is not timing yet, notes its clock, then asks every half second
 * how many passings the decoder holds and fetches the new ones by number. The last passing number taken is kept
 * beside the journal, so that a reconnect or a restart of the agent fetches from the one after it.
 */
public final class RaceResultProtocol implements ReaderProtocol {

    public static final int DEFAULT_PORT = 3601;
    private static final int LONGEST_LINE = 4096;
    /** Fetched at once at the most: a decoder full of a morning's passings is emptied in steps. */
    private static final int MOST_PER_FETCH = 500;
    private static final long ANSWER_WITHIN_MILLIS = 10_000;
    private static final long POLL_MILLIS = 500;
    private static final String LAST_PASSING = "passing";

    // where each field stands in a GETPROTOCOL or GETSTATUS answer and in a passing line
    private static final int PROTOCOL_NEWEST = 3;
    private static final int STATUS_TIMING_MODE = 5;
    private static final int PASSING_NUMBER = 0;
    private static final int PASSING_TRANSPONDER = 1;
    private static final int PASSING_DATE = 2;
    private static final int PASSING_TIME = 3;
    private static final int PASSING_MAX_RSSI = 6;
    private static final int PASSING_MAX_RSSI_ANTENNA = 18;

    private final ChipIdRule chipIds;
    private final ZoneId zone;
    private final Path stateDirectory;

    /**
     * @param zone           the event's: the decoder's clock tells local time without offset
     * @param stateDirectory where the last passing taken of each reader is kept, {@code <reader id>.raceresult}
     */
    public RaceResultProtocol(ChipIdRule chipIds, ZoneId zone, Path stateDirectory) {
        this.chipIds = chipIds;
        this.zone = zone;
        this.stateDirectory = stateDirectory;
    }

    @Override
    public void converse(Socket socket, ReaderTap tap, BooleanSupplier stop) throws IOException {
        Decoder decoder = new Decoder(socket);
        String[] protocol = decoder.ask("GETPROTOCOL", PROTOCOL_NEWEST + 1);
        decoder.ask("SETPROTOCOL;" + protocol[PROTOCOL_NEWEST], 1);
        String[] status = decoder.ask("GETSTATUS", STATUS_TIMING_MODE + 1);
        if (!"1".equals(status[STATUS_TIMING_MODE].strip())
                && !"true".equalsIgnoreCase(status[STATUS_TIMING_MODE].strip())) {
            decoder.ask("STARTOPERATION", 1);
            tap.event("decoder put in timing mode");
        }
        String[] time = decoder.ask("GETTIME", 3);
        try {
            tap.readerClock(LocalDate.parse(time[1]).atTime(LocalTime.parse(time[2])).atZone(zone).toInstant());
        } catch (DateTimeException e) {
            throw new IOException("Unreadable decoder time: " + String.join(";", time), e);
        }

        LastTaken state = new LastTaken(stateDirectory.resolve(tap.readerId() + ".raceresult"));
        long last = state.load().getOrDefault(LAST_PASSING, 0L);
        while (!stop.getAsBoolean()) {
            long count = number(decoder.ask("PASSINGS", 2)[1], "PASSINGS");
            if (count < last) {
                tap.event("decoder holds " + count + " passings, fewer than the " + last
                        + " taken: a new file, taken from its first passing");
                last = 0;
                state.save(Map.of(LAST_PASSING, last));
            }
            while (count > last && !stop.getAsBoolean()) {
                long from = last + 1;
                List<Lines.Line> passings = decoder.fetch(from, Math.min(MOST_PER_FETCH, count - last));
                if (passings.isEmpty()) {
                    // the decoder counted passings it does not give yet: asked again at the next poll
                    break;
                }
                List<ReaderTap.Heard> heard = new ArrayList<>(passings.size());
                passings.forEach(passing -> heard.add(hear(passing, tap)));
                tap.take(heard);
                last = from + passings.size() - 1;
                state.save(Map.of(LAST_PASSING, last));
            }
            if (!pause(stop)) {
                return;
            }
        }
    }

    /** @return false when the agent is being stopped */
    private static boolean pause(BooleanSupplier stop) {
        try {
            Thread.sleep(POLL_MILLIS);
            return !stop.getAsBoolean();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private ReaderTap.Heard hear(Lines.Line line, ReaderTap tap) {
        String passing = line.text();
        if (line.cut()) {
            return new ReaderTap.Unreadable(passing, "line longer than " + LONGEST_LINE + " bytes, cut");
        }
        String[] fields = passing.split(";", -1);
        if (fields.length <= PASSING_TIME) {
            return new ReaderTap.Unreadable(passing, "expected at least passing number, transponder, date and time,"
                    + " found " + fields.length + " fields");
        }
        try {
            // a line without its number is no passing, whatever follows
            Long.parseLong(fields[PASSING_NUMBER].strip());
            String chipId = chipIds.chipId(fields[PASSING_TRANSPONDER]);
            if (chipId.isEmpty()) {
                return new ReaderTap.Unreadable(passing, "no transponder code");
            }
            OffsetDateTime readTime = LocalDate.parse(fields[PASSING_DATE].strip())
                    .atTime(LocalTime.parse(fields[PASSING_TIME].strip())).atZone(zone).toOffsetDateTime();
            return tap.read(chipId, readTime, optional(fields, PASSING_MAX_RSSI_ANTENNA),
                    optional(fields, PASSING_MAX_RSSI));
        } catch (DateTimeException | NumberFormatException e) {
            return new ReaderTap.Unreadable(passing, "unreadable field: " + e.getMessage());
        }
    }

    /** A number an older protocol or a passive transponder leaves out or blank. */
    private static Integer optional(String[] fields, int at) {
        if (fields.length <= at) {
            return null;
        }
        try {
            return Integer.valueOf(fields[at].strip());
        } catch (NumberFormatException notNumeric) {
            return null;
        }
    }

    private static long number(String value, String command) throws IOException {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IOException("Unreadable " + command + " answer: " + value, e);
        }
    }

    /** The decoder's side of the connection: one command, then its answer. */
    private static final class Decoder {

        private final Lines lines;
        private final OutputStream out;

        Decoder(Socket socket) throws IOException {
            this.lines = new Lines(socket.getInputStream(), LONGEST_LINE);
            this.out = socket.getOutputStream();
        }

        /**
         * @return the answer's fields, the command's name first
         * @throws IOException when the answer is not the command's or has fewer fields than expected
         */
        String[] ask(String command, int fields) throws IOException {
            send(command);
            String name = command.split(";", 2)[0];
            String answer = answer(System.currentTimeMillis() + ANSWER_WITHIN_MILLIS, name).text();
            String[] values = answer.split(";", -1);
            if (!values[0].equals(name) || values.length < fields) {
                throw new IOException("Decoder answered '" + answer + "' to " + command);
            }
            return values;
        }

        /** Passings {@code from} on, one per line up to an empty line. */
        List<Lines.Line> fetch(long from, long count) throws IOException {
            String command = from + ":" + count;
            send(command);
            long deadline = System.currentTimeMillis() + ANSWER_WITHIN_MILLIS;
            List<Lines.Line> passings = new ArrayList<>();
            for (Lines.Line line = answer(deadline, command); !line.text().isEmpty() || line.cut();
                 line = answer(deadline, command)) {
                // a device that answers on and on is no decoder: it is dropped, not let fill the laptop's memory
                if (passings.size() == count || System.currentTimeMillis() > deadline) {
                    throw new IOException("Decoder gave more than the " + count + " passings asked for by " + command
                            + ", or took longer than " + ANSWER_WITHIN_MILLIS / 1000 + " s");
                }
                passings.add(line);
            }
            return passings;
        }

        private void send(String command) throws IOException {
            out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        private Lines.Line answer(long deadline, String command) throws IOException {
            while (true) {
                try {
                    Lines.Line line = lines.next();
                    if (line == null) {
                        throw new IOException("Decoder closed the connection before answering " + command);
                    }
                    return line;
                } catch (SocketTimeoutException quiet) {
                    if (System.currentTimeMillis() > deadline) {
                        throw new IOException("Decoder did not answer " + command + " within "
                                + ANSWER_WITHIN_MILLIS / 1000 + " s", quiet);
                    }
                }
            }
        }
    }
}
