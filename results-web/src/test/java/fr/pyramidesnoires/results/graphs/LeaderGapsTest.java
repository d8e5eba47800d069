package fr.pyramidesnoires.results.graphs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.pyramidesnoires.events.RunnerTiming.Status;
import fr.pyramidesnoires.results.ranking.Competitor;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LeaderGapsTest {

    static final Instant GUN = Instant.parse("2027-03-20T08:00:00Z");

    static Competitor runner(int bib, Status status, String... elapsed) {
        TreeMap<Integer, Instant> times = new TreeMap<>();
        for (int i = 0; i < elapsed.length; i++) {
            if (elapsed[i] != null) {
                times.put(i, GUN.plus(Duration.parse(elapsed[i])));
            }
        }
        return new Competitor(bib, "F", "SE", status, times, null);
    }

    @Test
    void eachRunnerIsBehindWhoeverPassedEachPointFirst() {
        List<Competitor> field = List.of(
                runner(1, Status.ON_COURSE, "PT0S", "PT1H", "PT2H10M"),
                runner(2, Status.ON_COURSE, "PT2S", "PT1H05M", "PT2H"),
                runner(3, Status.ON_COURSE, "PT1S", "PT1H20M"));

        List<LeaderGaps.Line> lines = LeaderGaps.of(field, List.of(2, 1, 3), 4);

        assertEquals(List.of(2, 1, 3), lines.stream().map(LeaderGaps.Line::bib).toList());
        assertEquals(Arrays.asList(null, Duration.ofMinutes(5), Duration.ZERO, null), lines.get(0).gaps());
        assertEquals(Arrays.asList(null, Duration.ZERO, Duration.ofMinutes(10), null), lines.get(1).gaps());
        assertEquals(Arrays.asList(null, Duration.ofMinutes(20), null, null), lines.get(2).gaps());
    }

    @Test
    void aRunnerWhoWithdrewLeadsNoPoint() {
        List<Competitor> field = List.of(
                runner(1, Status.DNF, "PT0S", "PT50M"),
                runner(2, Status.ON_COURSE, "PT0S", "PT1H"));

        assertEquals(Duration.ZERO, LeaderGaps.of(field, List.of(2), 2).get(0).gaps().get(1));
    }

    @Test
    void aBibOutsideTheFieldIsAMistake() {
        assertThrows(IllegalArgumentException.class,
                () -> LeaderGaps.of(List.of(runner(1, Status.ON_COURSE, "PT0S")), List.of(9), 2));
    }
}
