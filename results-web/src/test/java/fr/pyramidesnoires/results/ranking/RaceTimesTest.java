package fr.pyramidesnoires.results.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** How race times and gaps are written on results. */
class RaceTimesTest {

    @Test
    void aRaceTimeRunsPast24HoursWithoutWrapping() {
        assertEquals("26:03:07", RaceTimes.format(Duration.ofHours(26).plusMinutes(3).plusSeconds(7)));
        assertEquals("0:00:00", RaceTimes.format(Duration.ofMillis(999)));
    }

    @Test
    void theLeaderHasAnEmptyGapAndEveryoneBehindAPlus() {
        assertEquals("", RaceTimes.gap(Duration.ZERO));
        assertEquals("+0:01:01", RaceTimes.gap(Duration.ofSeconds(61)));
    }

    /** A start mat crossed 8 s before the leader's read once showed "+0:00:-8". */
    @ParameterizedTest
    @ValueSource(longs = {-1, -8_000, -3_600_000})
    void aGapIsNeverNegative(long millis) {
        assertNull(RaceTimes.gap(Duration.ofMillis(millis)));
    }
}
