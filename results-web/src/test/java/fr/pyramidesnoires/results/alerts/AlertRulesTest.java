package fr.pyramidesnoires.results.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.events.RunnerTiming.Passage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertRulesTest {

    private static final Instant NOW = Instant.parse("2027-03-20T12:00:00Z");

    private static Passage at(int order, Duration before) {
        return new Passage(order, "p" + order, "Point " + order, order * 10, NOW.minus(before));
    }

    private static List<Integer> news(Passage... passages) {
        RunnerTiming timing = new RunnerTiming("110K", 7, RunnerTiming.Status.ON_COURSE, null, List.of(passages),
                null, null);
        return AlertRules.news(timing, NOW).stream().map(Passage::order).toList();
    }

    @Test
    void passagesOfTheLastHourAreNewsOlderOnesAreNot() {
        assertEquals(List.of(2, 3), news(at(0, Duration.ofHours(5)), at(1, Duration.ofMinutes(61)),
                at(2, Duration.ofMinutes(60)), at(3, Duration.ofSeconds(5))));
    }

    @Test
    void aPassageTimingDoubtsIsNoNewsUntilConfirmed() {
        Passage doubtful = at(1, Duration.ofMinutes(2)).doubted(RunnerTiming.Doubt.TOO_FAST);
        assertEquals(List.of(), news(doubtful));
        assertEquals(List.of(1), news(at(1, Duration.ofMinutes(2))));
    }

    @Test
    void aPassageWithoutATimeIsNoNews() {
        assertEquals(List.of(), news(new Passage(1, "p1", "Point 1", 10, null)));
    }

    @Test
    void aRunnerNotYetTimedHasNoNews() {
        assertEquals(List.of(), news());
    }

    @Test
    void aFollowerIsOwedOnlyThePassagesAfterTheyConfirmed() {
        Passage passage = at(1, Duration.ofMinutes(10));
        assertTrue(AlertRules.owed(passage, NOW.minus(Duration.ofMinutes(11))));
        assertFalse(AlertRules.owed(passage, NOW.minus(Duration.ofMinutes(10))), "the same instant is not after");
        assertFalse(AlertRules.owed(passage, NOW.minus(Duration.ofMinutes(9))));
        assertFalse(AlertRules.owed(passage, null), "a follower who has not confirmed is owed nothing");
    }
}
