package fr.pyramidesnoires.matagent.reader;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.pyramidesnoires.events.ChipRead;
import fr.pyramidesnoires.events.EventJson;
import fr.pyramidesnoires.matagent.journal.Journal;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * Where a reader's conversation puts what it hears: each read, and each line that is no read with why, goes to
 * the journal before the agent counts it as taken; the rest (clock, events, connection) is kept for the
 * volunteer's page and the platform's mat board.
 */
public final class ReaderTap {

    private static final Logger LOG = Logger.getLogger(ReaderTap.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LAST_MINUTE = Duration.ofMinutes(1);
    private static final Duration LIVE = Duration.ofHours(1);
    private static final int LAST_CHIPS = 10;
    private static final int LAST_EVENTS = 10;
    private static final int LARGEST_APPEND = 1000;
    private static final int LARGEST_APPEND_BYTES = 256 * 1024;
    private static final int LONGEST_RAW = 4096;

    /** What a reader said: a read, or something that should have been one. */
    public sealed interface Heard {
    }

    public record Read(ChipRead read) implements Heard {
    }

    /** @param raw what came, as it came; {@code problem} why it is no read */
    public record Unreadable(String raw, String problem) implements Heard {
    }

    /** A chip just read, for the volunteer to see runners go by. */
    public record LastChip(String chipId, OffsetDateTime readTime, Integer antenna) {
    }

    /**
     * The reader as the volunteer's page shows it.
     *
     * @param readerClock how far the reader's clock is ahead of the laptop's; null until the reader told its time
     * @param lastMinute  reads in the last minute, by antenna (0: the reader did not say)
     */
    public record State(String readerId, String protocol, boolean connected, Instant lastRead, String lastError,
                        Map<Integer, Integer> lastMinute, List<LastChip> lastChips, Duration readerClock,
                        List<String> events, long unreadable) {
    }

    private record Taken(Instant at, int antenna) {
    }

    private final String readerId;
    private final String matId;
    private final String protocol;
    private final Journal journal;
    private final Clock clock;
    private final Deque<Taken> lastMinute = new ArrayDeque<>();
    private final Deque<LastChip> lastChips = new ArrayDeque<>();
    private final Deque<String> events = new ArrayDeque<>();
    private boolean connected;
    private Instant lastRead;
    private String lastError;
    private Duration readerClock;
    private boolean clockTold;
    private long unreadable;

    public ReaderTap(String readerId, String matId, String protocol, Journal journal, Clock clock) {
        this.readerId = readerId;
        this.matId = matId;
        this.protocol = protocol;
        this.journal = journal;
        this.clock = clock;
    }

    public String readerId() {
        return readerId;
    }

    public String matId() {
        return matId;
    }

    /** Journals what the reader said, in one durable append. */
    public void take(List<? extends Heard> heard) throws IOException {
        if (heard.isEmpty()) {
            return;
        }
        List<String> payloads = new ArrayList<>(heard.size());
        for (Heard h : heard) {
            if (h instanceof Read r) {
                payloads.add(EventJson.write(r.read()));
            } else {
                Unreadable u = (Unreadable) h;
                // kept as it came, with why, for the platform's quarantine; what a reader gone wrong sends is
                // kept cut, so that no input of it can be too large for the journal
                boolean cut = u.raw().length() > LONGEST_RAW;
                String raw = cut ? u.raw().substring(0, LONGEST_RAW) : u.raw();
                String problem = cut ? u.problem() + "; cut to " + LONGEST_RAW + " characters" : u.problem();
                ObjectNode unread = JSON.createObjectNode();
                unread.put("readerId", readerId).put("matId", matId).put("line", raw).put("problem", problem);
                payloads.add(unread.toString());
            }
        }
        // a torn append is bounded: the journal tells it from a damaged disk by its size
        int from = 0;
        int bytes = 0;
        for (int i = 0; i < payloads.size(); i++) {
            bytes += payloads.get(i).length();
            if (i - from == LARGEST_APPEND || bytes > LARGEST_APPEND_BYTES) {
                journal.append(payloads.subList(from, i));
                from = i;
                bytes = payloads.get(i).length();
            }
        }
        journal.append(payloads.subList(from, payloads.size()));
        noteTaken(heard);
    }

    /** A read as this reader's mat takes it. */
    public Read read(String chipId, OffsetDateTime readTime, Integer antenna, Integer rssi) {
        return new Read(new ChipRead(readerId, matId, chipId, readTime, antenna, rssi, null, ChipRead.Source.MAT));
    }

    /** The reader's clock as it told it, now. */
    public synchronized void readerClock(Instant readerNow) {
        readerClock = Duration.between(clock.instant(), readerNow);
        clockTold = true;
    }

    /** Something the reader reported that is no read: an antenna lost, a low battery. */
    public synchronized void event(String what) {
        LOG.warning("Reader " + readerId + ": " + what);
        events.addFirst(clock.instant() + " " + what);
        while (events.size() > LAST_EVENTS) {
            events.removeLast();
        }
    }

    synchronized void connected() {
        connected = true;
        lastError = null;
    }

    synchronized void lost(String why) {
        connected = false;
        lastError = why;
    }

    public synchronized State state() {
        Instant now = clock.instant();
        forgetBefore(now.minus(LAST_MINUTE));
        Map<Integer, Integer> byAntenna = new TreeMap<>();
        lastMinute.forEach(t -> byAntenna.merge(t.antenna(), 1, Integer::sum));
        return new State(readerId, protocol, connected, lastRead, lastError, byAntenna, List.copyOf(lastChips),
                readerClock, List.copyOf(events), unreadable);
    }

    private synchronized void noteTaken(List<? extends Heard> heard) {
        Instant now = clock.instant();
        lastRead = now;
        for (Heard h : heard) {
            if (h instanceof Read r) {
                ChipRead read = r.read();
                lastMinute.addLast(new Taken(now, read.antenna() == null ? 0 : read.antenna()));
                lastChips.addFirst(new LastChip(read.chipId(), read.readTime(), read.antenna()));
                estimateClock(read, now);
            } else {
                unreadable++;
            }
        }
        while (lastChips.size() > LAST_CHIPS) {
            lastChips.removeLast();
        }
        forgetBefore(now.minus(LAST_MINUTE));
    }

    /**
     * A reader that never tells its clock shows it in its live reads: one made a moment ago carries the reader's
     * time of it. Reads more than an hour away are a replay of its memory, not live.
     */
    private void estimateClock(ChipRead read, Instant now) {
        Duration ahead = Duration.between(now, read.readTime().toInstant());
        if (!clockTold && ahead.abs().compareTo(LIVE) < 0) {
            readerClock = ahead;
        }
    }

    private void forgetBefore(Instant since) {
        while (!lastMinute.isEmpty() && lastMinute.peekFirst().at().isBefore(since)) {
            lastMinute.removeFirst();
        }
    }
}
