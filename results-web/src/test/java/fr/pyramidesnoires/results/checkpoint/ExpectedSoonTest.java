package fr.pyramidesnoires.results.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ExpectedSoonTest {

    static final Instant NOW = Instant.parse("2027-03-20T10:00:00Z");

    @Test
    void exactlyThirtyMinutesAwayIsSoonAndASecondMoreIsLater() {
        assertTrue(ExpectedSoon.soon(NOW.plus(Duration.ofMinutes(30)), NOW));
        assertFalse(ExpectedSoon.soon(NOW.plus(Duration.ofMinutes(30)).plusSeconds(1), NOW));
    }

    @Test
    void aRunnerBehindTheirEstimateIsStillDueNow() {
        assertTrue(ExpectedSoon.soon(NOW.minus(Duration.ofMinutes(12)), NOW));
        assertTrue(ExpectedSoon.soon(NOW, NOW));
    }

    @Test
    void everyoneExpectedIsEitherSoonOrLaterInTheOrderGiven() {
        List<Instant> expected = List.of(NOW.minusSeconds(60), NOW.plusSeconds(600), NOW.plusSeconds(1800),
                NOW.plusSeconds(1801), NOW.plusSeconds(7200));

        ExpectedSoon.Split<Instant> split = ExpectedSoon.split(expected, Function.identity(), NOW);

        assertEquals(expected.subList(0, 3), split.soon());
        assertEquals(expected.subList(3, 5), split.later());
    }
}
