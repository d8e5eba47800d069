package fr.pyramidesnoires.timing.passage;

import static fr.pyramidesnoires.timing.passage.TimelineTest.crossing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.events.RunnerTiming.Doubt;
import fr.pyramidesnoires.events.RunnerTiming.Passage;
import fr.pyramidesnoires.events.RunnerTiming.Status;
import fr.pyramidesnoires.timing.course.Course;
import fr.pyramidesnoires.timing.course.TimingPoint;
import fr.pyramidesnoires.timing.passage.Timeline.Read;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AidStationTimelineTest {

    static final Instant GUN = Instant.parse("2027-03-20T05:00:00Z");
    static final Timeline.Windows WINDOWS = new Timeline.Windows(Duration.ofSeconds(60), Duration.ofSeconds(30),
            Duration.ofHours(2));
    /** A life base with a mat on the way in and one on the way out, and a col with one mat read in and out. */
    static final Course COURSE = new Course("80K", List.of(
            new TimingPoint("start", "Départ", "M-START", 0, 0, null),
            new TimingPoint("base", "Base vie", "M-BASE-IN", 30, 900, null, "M-BASE-OUT", false),
            new TimingPoint("col", "Col", "M-COL", 50, 1500, null, null, true),
            new TimingPoint("ridge", "Crête", "M-RIDGE", 60, 1700, null),
            new TimingPoint("finish", "Arrivée", "M-FINISH", 80, 2000, null)));
    /** The col is passed twice, on the way up and on the way back. */
    static final Course LOOP = new Course("LOOP", List.of(
            new TimingPoint("start", "Départ", "M-START", 0, 0, null),
            new TimingPoint("col-1", "Col", "M-COL", 15, 800, null, null, true),
            new TimingPoint("ridge", "Crête", "M-RIDGE", 25, 1200, null),
            new TimingPoint("col-2", "Col (retour)", "M-COL", 35, 1300, null, null, true),
            new TimingPoint("finish", "Arrivée", "M-FINISH", 50, 1500, null)));

    static Instant gunPlus(String duration) {
        return GUN.plus(Duration.parse(duration));
    }

    static RunnerTiming timing(Course course, List<Read> reads) {
        return Timeline.of(course.raceCode(), 7, course, reads, GUN, WINDOWS, Corrections.NONE);
    }

    static RunnerTiming timing(List<Read> reads, Corrections corrections) {
        return Timeline.of("80K", 7, COURSE, reads, GUN, WINDOWS, corrections);
    }

    static Passage at(RunnerTiming timing, String pointId) {
        return timing.passages().stream().filter(p -> p.pointId().equals(pointId)).findFirst().orElseThrow();
    }

    static List<Read> wholeRace() {
        List<Read> reads = new ArrayList<>(crossing("M-START", gunPlus("PT2S"), 4));
        reads.addAll(crossing("M-BASE-IN", gunPlus("PT3H10M"), 6));
        reads.addAll(crossing("M-BASE-OUT", gunPlus("PT3H34M20S"), 5));
        // in over the col's mat, a read from the tables beside it, and out over it again
        reads.addAll(crossing("M-COL", gunPlus("PT5H40M"), 4));
        reads.add(new Read("M-COL", gunPlus("PT5H41M15S")));
        reads.addAll(crossing("M-COL", gunPlus("PT5H47M30S"), 3));
        reads.addAll(crossing("M-RIDGE", gunPlus("PT6H45M"), 4));
        reads.addAll(crossing("M-FINISH", gunPlus("PT8H55M"), 5));
        return reads;
    }

    @Test
    void theOutMatTimesTheDepartureFromTheLifeBase() {
        Passage base = at(timing(COURSE, wholeRace()), "base");

        assertEquals(gunPlus("PT3H10M"), base.time());
        assertEquals(gunPlus("PT3H34M20S"), base.departure());
    }

    @Test
    void theColsOneMatTimesTheArrivalWithItsFirstReadAndTheDepartureWithItsLast() {
        Passage col = at(timing(COURSE, wholeRace()), "col");

        assertEquals(gunPlus("PT5H40M"), col.time());
        assertEquals(gunPlus("PT5H47M30.7S"), col.departure());
    }

    @Test
    void pointsTimedOnArrivalOnlyHaveNoDepartureAndRaceTimesAreUnchanged() {
        RunnerTiming timing = timing(COURSE, wholeRace());

        assertNull(at(timing, "start").departure());
        assertNull(at(timing, "ridge").departure());
        assertNull(at(timing, "finish").departure());
        assertEquals(Status.FINISHED, timing.status());
        assertEquals(Duration.parse("PT8H55M").toMillis(), timing.gunTimeMs());
        assertEquals(Duration.parse("PT8H55M").minus(Duration.parse("PT3.05S")).toMillis(), timing.chipTimeMs());
    }

    @Test
    void aRunnerStillAtTheStationHasNoDepartureYet() {
        List<Read> reads = new ArrayList<>(crossing("M-START", gunPlus("PT2S"), 4));
        reads.addAll(crossing("M-BASE-IN", gunPlus("PT3H10M"), 6));
        reads.addAll(crossing("M-COL", gunPlus("PT5H40M"), 4));
        // standing at the tables, 20 s after crossing: not gone
        reads.add(new Read("M-COL", gunPlus("PT5H40M20S")));

        RunnerTiming timing = timing(COURSE, reads);

        assertNull(at(timing, "base").departure());
        assertEquals(gunPlus("PT5H40M"), at(timing, "col").time());
        assertNull(at(timing, "col").departure());
        assertEquals(Status.ON_COURSE, timing.status());
    }

    @Test
    void aRunnerTheInMatMissedHasTheDepartureForArrivalDoubtedUntilAnOfficialSetsIt() {
        List<Read> reads = new ArrayList<>(crossing("M-START", gunPlus("PT2S"), 4));
        reads.addAll(crossing("M-BASE-OUT", gunPlus("PT3H34M20S"), 5));

        RunnerTiming timing = timing(COURSE, reads);

        Passage base = at(timing, "base");
        assertEquals(gunPlus("PT3H34M20S"), base.time());
        assertEquals(gunPlus("PT3H34M20S"), base.departure());
        DoubtfulPassages.Rules rules = new DoubtfulPassages.Rules(true, true, Duration.parse("PT2M30S"));
        assertEquals(Doubt.OUT_OF_SEQUENCE,
                at(DoubtfulPassages.marked(timing, COURSE, Set.of(), rules), "base").doubtful());

        Instant arrivalFromTheSheet = gunPlus("PT3H12M");
        Corrections set = Corrections.NONE.withPassage(1, arrivalFromTheSheet);
        RunnerTiming corrected = timing(reads, set);
        Passage vouched = at(DoubtfulPassages.marked(corrected, COURSE, set.passageTimes().keySet(), rules), "base");
        assertEquals(arrivalFromTheSheet, vouched.time());
        assertEquals(gunPlus("PT3H34M20S"), vouched.departure(), "the mats' departure stays");
        assertNull(vouched.doubtful());
    }

    @Test
    void anOfficialsDepartureReplacesTheMatsAndKeepsTheArrival() {
        Instant fromTheVideo = gunPlus("PT5H49M");

        Passage col = at(timing(wholeRace(), Corrections.NONE.withDeparture(2, fromTheVideo)), "col");

        assertEquals(gunPlus("PT5H40M"), col.time());
        assertEquals(fromTheVideo, col.departure());
    }

    @Test
    void anOfficialsDepartureWhereNoMatSawTheRunnerStandsForTheArrivalToo() {
        List<Read> reads = new ArrayList<>(crossing("M-START", gunPlus("PT2S"), 4));
        Instant fromTheSheet = gunPlus("PT3H30M");

        Passage base = at(timing(reads, Corrections.NONE.withDeparture(1, fromTheSheet)), "base");
        assertEquals(fromTheSheet, base.time());
        assertEquals(fromTheSheet, base.departure());

        Corrections both = Corrections.NONE.withDeparture(1, fromTheSheet).withPassage(1, gunPlus("PT3H05M"));
        assertEquals(List.of(gunPlus("PT3H05M"), fromTheSheet),
                List.of(at(timing(reads, both), "base").time(), at(timing(reads, both), "base").departure()));
    }

    @Test
    void aStruckOutPassageTakesItsDepartureAlongTheMatsAndTheOfficials() {
        Corrections struck = Corrections.NONE.withDeparture(2, gunPlus("PT5H49M")).withoutPassage(2);
        assertEquals(List.of("start", "base", "ridge", "finish"),
                timing(wholeRace(), struck).passages().stream().map(Passage::pointId).toList());
        // set again, the passage comes back with the mats' departure: the official's was struck with it
        assertEquals(gunPlus("PT5H47M30.7S"),
                at(timing(wholeRace(), struck.withPassage(2, gunPlus("PT5H41M"))), "col").departure());
    }

    @Test
    void aStruckOutPassageTakesItsDepartureAlong() {
        RunnerTiming timing = timing(wholeRace(), Corrections.NONE.withoutPassage(2));

        assertEquals(List.of("start", "base", "ridge", "finish"),
                timing.passages().stream().map(Passage::pointId).toList());
    }

    @Test
    void shuffledDuplicatedReadsGiveTheSameArrivalsAndDepartures() {
        List<Read> inOrder = wholeRace();
        RunnerTiming expected = timing(COURSE, inOrder);
        Random random = new Random(18);
        for (int run = 0; run < 100; run++) {
            List<Read> delivered = new ArrayList<>(inOrder);
            delivered.addAll(inOrder.subList(random.nextInt(inOrder.size()), inOrder.size()));
            Collections.shuffle(delivered, random);
            assertEquals(expected, timing(COURSE, delivered));
        }
    }

    @Test
    void aLoopPassingTheStationTwiceHasTwoVisits() {
        List<Read> reads = new ArrayList<>(crossing("M-START", gunPlus("PT2S"), 4));
        reads.addAll(crossing("M-COL", gunPlus("PT1H50M"), 3));
        reads.addAll(crossing("M-COL", gunPlus("PT1H56M"), 3));
        reads.addAll(crossing("M-RIDGE", gunPlus("PT3H"), 3));
        reads.addAll(crossing("M-COL", gunPlus("PT4H20M"), 3));
        reads.addAll(crossing("M-COL", gunPlus("PT4H21M"), 2));

        RunnerTiming timing = timing(LOOP, reads);

        assertEquals(gunPlus("PT1H50M"), at(timing, "col-1").time());
        assertEquals(gunPlus("PT1H56M0.7S"), at(timing, "col-1").departure());
        assertEquals(gunPlus("PT4H20M"), at(timing, "col-2").time());
        assertEquals(gunPlus("PT4H21M0.35S"), at(timing, "col-2").departure());
    }

    @Test
    void aPassThroughWithoutStoppingHasNoDeparture() {
        List<Read> reads = new ArrayList<>(crossing("M-START", gunPlus("PT2S"), 4));
        reads.addAll(crossing("M-COL", gunPlus("PT5H40M"), 6));
        reads.addAll(crossing("M-RIDGE", gunPlus("PT6H45M"), 4));

        RunnerTiming timing = timing(COURSE, reads);

        assertEquals(gunPlus("PT5H40M"), at(timing, "col").time());
        assertNull(at(timing, "col").departure(), "the ridge says the runner went on; no read says when");
    }

    @Test
    void outMatReadsBeforeTheGunAreNoDeparture() {
        List<Read> reads = new ArrayList<>(crossing("M-START", gunPlus("PT2S"), 4));
        reads.addAll(crossing("M-BASE-OUT", gunPlus("PT-30M"), 3));
        reads.addAll(crossing("M-BASE-IN", gunPlus("PT3H10M"), 6));

        assertNull(at(timing(COURSE, reads), "base").departure());
    }
}
