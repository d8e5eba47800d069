package fr.pyramidesnoires.results.ranking;

import static fr.pyramidesnoires.results.ranking.Runner.BASE_11_19;
import static fr.pyramidesnoires.results.ranking.Runner.FINISH_9_9BIS;
import static fr.pyramidesnoires.results.ranking.Runner.HARNES;
import static fr.pyramidesnoires.results.ranking.Runner.PINCHONVALLES;
import static fr.pyramidesnoires.results.ranking.Runner.START;
import static fr.pyramidesnoires.results.ranking.Runner.clock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.RunnerTiming.Status;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CompetitorTest {

    private static final long TEN_HOURS_MS = 36_000_000L;

    @Test
    void passagesAreCopiedSoChangingTheGivenMapLaterChangesNothing() {
        SortedMap<Integer, Instant> given = new TreeMap<>(Map.of(START, clock("0:00:20")));
        Competitor runner = new Competitor(40, "H", "SE", Status.ON_COURSE, given, null);

        given.put(HARNES, clock("8:10:00"));

        assertEquals(Map.of(START, clock("0:00:20")), runner.passages());
        assertEquals(OptionalInt.of(START), runner.furthestOrder());
    }

    @Test
    void passagesCannotBeChangedThroughTheCompetitor() {
        Competitor runner = new Competitor(40, "H", "SE", Status.ON_COURSE,
                new TreeMap<>(Map.of(START, clock("0:00:20"))), null);

        assertThrows(UnsupportedOperationException.class, () -> runner.passages().put(HARNES, clock("8:10:00")));
    }

    @Test
    void passagesAreInCourseOrderWhateverOrderTheGivenMapKeeps() {
        SortedMap<Integer, Instant> backwards = new TreeMap<>(Comparator.reverseOrder());
        backwards.put(START, clock("0:00:20"));
        backwards.put(PINCHONVALLES, clock("2:30:00"));
        backwards.put(HARNES, clock("8:10:00"));

        Competitor runner = new Competitor(40, "H", "SE", Status.ON_COURSE, backwards, null);

        assertEquals(START, runner.passages().firstKey());
        assertEquals(OptionalInt.of(HARNES), runner.furthestOrder());
        assertEquals(Optional.of(clock("8:10:00")), runner.furthestTime());
    }

    @Test
    void theFurthestPointIsTheHighestOrderReadAndItsTimeTheTimeThere() {
        Competitor runner = Runner.bib(7).at(START, "0:00:03").at(BASE_11_19, "5:10:00").finished("9:41:03").build();

        assertEquals(OptionalInt.of(FINISH_9_9BIS), runner.furthestOrder());
        assertEquals(Optional.of(clock("9:41:03")), runner.furthestTime());
    }

    @Test
    void theTimeAtAPointIsThereOnlyIfTheChipWasReadThere() {
        Competitor runner = Runner.bib(40).onCourse().at(START, "0:00:20").at(BASE_11_19, "5:20:00").build();

        assertEquals(Optional.of(clock("5:20:00")), runner.timeAt(BASE_11_19));
        assertEquals(Optional.empty(), runner.timeAt(PINCHONVALLES));
        assertEquals(Optional.empty(), runner.timeAt(HARNES));
    }

    @Test
    void beforeAnyReadThereIsNoFurthestPoint() {
        Competitor runner = Runner.bib(96).build();

        assertEquals(OptionalInt.empty(), runner.furthestOrder());
        assertEquals(Optional.empty(), runner.furthestTime());
        assertEquals(Optional.empty(), runner.timeAt(START));
    }

    @Test
    void noPassagesMayBeGivenAsNull() {
        Competitor runner = new Competitor(301, "F", "M2", Status.DNS, null, null);

        assertTrue(runner.passages().isEmpty());
    }

    @Test
    void aStatusIsRequired() {
        assertThrows(NullPointerException.class,
                () -> new Competitor(7, "H", "M1", null, Collections.emptySortedMap(), TEN_HOURS_MS));
    }

    @Test
    void aPointOrderBeforeTheStartIsRefused() {
        SortedMap<Integer, Instant> passages = new TreeMap<>(Map.of(-1, clock("0:00:20")));

        assertThrows(IllegalArgumentException.class,
                () -> new Competitor(40, "H", "SE", Status.ON_COURSE, passages, null));
    }

    @Test
    void aPassageWithoutATimeIsRefused() {
        SortedMap<Integer, Instant> passages = new TreeMap<>();
        passages.put(START, null);

        assertThrows(NullPointerException.class,
                () -> new Competitor(40, "H", "SE", Status.ON_COURSE, passages, null));
    }

    @Test
    void aNegativeOfficialTimeIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new Competitor(7, "H", "M1", Status.FINISHED, Collections.emptySortedMap(), -1L));
    }

    @Test
    void theOfficialTimeIsUnknownUntilGiven() {
        assertNull(Runner.bib(40).onCourse().at(HARNES, "8:10:00").build().officialTimeMs());
        assertEquals(TEN_HOURS_MS, Runner.bib(12).finished("10:00:00").build().officialTimeMs());
    }

    @Test
    void twoCompetitorsWithTheSameDataAreEqualWhateverMapTheyWereGiven() {
        SortedMap<Integer, Instant> backwards = new TreeMap<>(Comparator.reverseOrder());
        backwards.put(START, clock("0:00:20"));
        backwards.put(HARNES, clock("8:10:00"));
        SortedMap<Integer, Instant> forwards = new TreeMap<>(backwards);

        assertEquals(new Competitor(40, "H", "SE", Status.ON_COURSE, backwards, null),
                new Competitor(40, "H", "SE", Status.ON_COURSE, forwards, null));
    }
}
