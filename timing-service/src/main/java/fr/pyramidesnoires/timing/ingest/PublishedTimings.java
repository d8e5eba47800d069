package fr.pyramidesnoires.timing.ingest;

import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.timing.kafka.EventPublisher.Message;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The last runner-timings snapshot the broker acknowledged, per key, so that a runner whose snapshot did not change
 * is not published again: most reads of a crossing change nothing. Remembered only once sent, so a batch replayed
 * after a failed publication publishes again; empty at start-up, when everything is published once more.
 */
@ApplicationScoped
public class PublishedTimings {

    private final Map<String, Object> published = new HashMap<>();

    /** The messages that would change what the broker holds; tombstones and other topics always go. */
    synchronized List<Message> news(List<Message> messages) {
        Map<String, Object> sending = new HashMap<>();
        List<Message> news = new ArrayList<>(messages.size());
        for (Message m : messages) {
            if (!Topics.RUNNER_TIMINGS.equals(m.topic())) {
                news.add(m);
                continue;
            }
            Object last = sending.containsKey(m.key()) ? sending.get(m.key()) : published.get(m.key());
            if (m.event() == null || !m.event().equals(last)) {
                news.add(m);
                sending.put(m.key(), m.event());
            }
        }
        return news;
    }

    /** Forgets everything: another timing instance may have published since, and the next snapshots all go. */
    synchronized void forget() {
        published.clear();
    }

    /** Remembers what the broker acknowledged, in the order sent. */
    synchronized void sent(List<Message> messages) {
        for (Message m : messages) {
            if (!Topics.RUNNER_TIMINGS.equals(m.topic())) {
                continue;
            }
            if (m.event() == null) {
                published.remove(m.key());
            } else {
                published.put(m.key(), m.event());
            }
        }
    }
}
