package fr.pyramidesnoires.results.live;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far through some Kafka partitions a race's state goes: for each partition, the offset just after the last
 * message of the race applied from it. Every replica reads every partition from the start in the same order, so a
 * watermark means the same on all of them, and a live stream's event id is one: a client that reconnects to another
 * replica says what it has seen, in terms that replica understands.
 * <p>
 * Watermarks are only partly ordered (two partitions move independently), which is why the rule takes three of them
 * rather than comparing two numbers.
 */
public record Watermark(SortedMap<String, Long> next) {

    public static final Watermark NONE = new Watermark(new TreeMap<>());

    /** A client cannot grow a replica's memory through the ids it sends: far more than the topics have partitions. */
    static final int MOST_PARTITIONS = 64;

    private static final Pattern ENTRY = Pattern.compile("([A-Za-z0-9._-]{1,249}):(\\d{1,9})=(\\d{1,18})");

    public Watermark {
        next = Collections.unmodifiableSortedMap(new TreeMap<>(next));
    }

    /** This watermark moved past the message at that offset. */
    public Watermark after(String topic, int partition, long offset) {
        TreeMap<String, Long> moved = new TreeMap<>(next);
        moved.merge(topic + ":" + partition, offset + 1, Math::max);
        return new Watermark(moved);
    }

    private long at(String partition) {
        return next.getOrDefault(partition, 0L);
    }

    /** Everything the other watermark went through, this one went through too. */
    public boolean covers(Watermark other) {
        return other.next.entrySet().stream().allMatch(e -> at(e.getKey()) >= e.getValue());
    }

    /** This watermark went through some message the other did not. */
    public boolean beyond(Watermark other) {
        return next.entrySet().stream().anyMatch(e -> e.getValue() > other.at(e.getKey()));
    }

    /**
     * Whether a client that has seen the race as of {@code seen} is owed a change event by a replica whose race
     * stands at {@code race} after reading its partitions up to {@code read}. Not before the replica has read as far
     * as the client has seen: its pages would show the client an older race than the one it has.
     */
    public static boolean owed(Watermark seen, Watermark race, Watermark read) {
        return read.covers(seen) && race.beyond(seen);
    }

    /** The id as sent on the stream: {@code topic:partition=next} by partition, comma-separated. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        next.forEach((partition, offset) -> text.append(text.isEmpty() ? "" : ",").append(partition).append('=')
                .append(offset));
        return text.toString();
    }

    /** Reads an id this or another replica sent. */
    public static Watermark parse(String id) {
        TreeMap<String, Long> next = new TreeMap<>();
        if (id.isBlank()) {
            return NONE;
        }
        String[] entries = id.strip().split(",", -1);
        if (entries.length > MOST_PARTITIONS) {
            throw new IllegalArgumentException("more than " + MOST_PARTITIONS + " partitions");
        }
        for (String entry : entries) {
            Matcher matcher = ENTRY.matcher(entry);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("'" + entry + "' is not topic:partition=offset");
            }
            if (next.put(matcher.group(1) + ":" + Integer.parseInt(matcher.group(2)),
                    Long.parseLong(matcher.group(3))) != null) {
                throw new IllegalArgumentException("partition " + matcher.group(1) + ":" + matcher.group(2)
                        + " named twice");
            }
        }
        return new Watermark(next);
    }
}
