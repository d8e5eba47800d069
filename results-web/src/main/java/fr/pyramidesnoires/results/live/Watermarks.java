package fr.pyramidesnoires.results.live;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far this replica has applied the topics: overall, and for each race the messages that changed it. Written
 * by the feed's one thread, message by message, read by the live streams.
 */
@ApplicationScoped
public class Watermarks {

    private final Map<String, Watermark> races = new ConcurrentHashMap<>();
    private volatile Watermark read = Watermark.NONE;

    /** The message at that offset is applied; it changed the race, if one is named. */
    public void applied(String topic, int partition, long offset, String race) {
        // read first: whoever sees the race's new watermark sees a read watermark that covers it
        read = read.after(topic, partition, offset);
        if (race != null) {
            races.merge(race, Watermark.NONE.after(topic, partition, offset),
                    (was, message) -> was.after(topic, partition, offset));
        }
    }

    /** The race's watermark: the id of its latest change event. */
    public Watermark of(String race) {
        return races.getOrDefault(race, Watermark.NONE);
    }

    public Watermark read() {
        return read;
    }

    /** Whether a client that has seen the race as of that id is owed a change event now. */
    public boolean owe(String race, Watermark seen) {
        Watermark read = this.read;
        return Watermark.owed(seen, of(race), read);
    }
}
