package fr.pyramidesnoires.results.alerts;

import fr.pyramidesnoires.events.RunnerTiming;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Which passages of a runner deserve a mail to their followers. Timing republishes a runner whole after every change
 * and each replica replays the topic from its start: the passages are judged by when the runner passed, never by when
 * the message came, so a replay or a snapshot sent again is no new passage.
 */
public final class AlertRules {

    /**
     * A passage older than this is no news: a replica starting after an outage replays hours of passages, and a mat
     * agent that was offline sends its reads late; a follower mailed about them would get a burst of stale alerts,
     * while the runner page already shows them. An hour still covers a passage a volunteer typed in late.
     */
    static final Duration NEWS_FOR = Duration.ofHours(1);

    private AlertRules() {
    }

    /**
     * The passages of a snapshot that may still be news at {@code now}: timed, not doubtful (timing doubts a passage
     * until an official confirms it, and it may be struck out), and no older than {@link #NEWS_FOR}.
     */
    public static List<RunnerTiming.Passage> news(RunnerTiming timing, Instant now) {
        Instant oldest = now.minus(NEWS_FOR);
        return timing.passages().stream()
                .filter(p -> p.time() != null && p.doubtful() == null && !p.time().isBefore(oldest))
                .toList();
    }

    /**
     * Whether a follower who confirmed at {@code confirmedAt} is owed a mail for the passage: only for passages after
     * they confirmed, the earlier ones being on the page they asked from.
     */
    public static boolean owed(RunnerTiming.Passage passage, Instant confirmedAt) {
        return confirmedAt != null && passage.time().isAfter(confirmedAt);
    }
}
