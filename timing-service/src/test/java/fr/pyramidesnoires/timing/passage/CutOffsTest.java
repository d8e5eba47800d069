package fr.pyramidesnoires.timing.passage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.events.RunnerTiming.Passage;
import fr.pyramidesnoires.events.RunnerTiming.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CutOffsTest {

    static final Instant GUN = TimelineTest.GUN;

    static RunnerTiming runner(Status status, Instant gun, Passage... passages) {
        return new RunnerTiming("35K", 2050, status, gun, List.of(passages), null, null);
    }

    static Passage at(int order, String elapsed) {
        return new Passage(order, "p" + order, "point " + order, 0, GUN.plus(Duration.parse(elapsed)));
    }

    @Test
    void reachingACheckpointAfterItsCutOffIsFlagged() {
        // Sainte-Henriette (order 1) closes 2 h after the gun
        var missed = CutOffs.first(TimelineTest.COURSE, runner(Status.ON_COURSE, GUN, at(0, "PT0S"), at(1, "PT2H00M01S")),
                GUN.plus(Duration.ofHours(2).plusMinutes(5)));

        assertTrue(missed.isPresent());
        assertEquals("ste-henriette-1", missed.get().pointId());
        assertTrue(missed.get().late());
        assertEquals(GUN.plus(Duration.ofHours(2)), missed.get().deadline());
    }

    @Test
    void notYetThereWhenTheCutOffFallsIsFlaggedToo() {
        var missed = CutOffs.first(TimelineTest.COURSE, runner(Status.ON_COURSE, GUN, at(0, "PT0S"), at(1, "PT1H50M")),
                GUN.plus(Duration.ofHours(4).plusSeconds(1)));

        assertEquals("estevelles", missed.orElseThrow().pointId());
        assertFalse(missed.get().late());
    }

    @Test
    void onTimeEverywhereIsNotFlagged() {
        RunnerTiming timing = runner(Status.ON_COURSE, GUN, at(0, "PT0S"), at(1, "PT1H10M"), at(2, "PT2H30M"));

        assertTrue(CutOffs.first(TimelineTest.COURSE, timing, GUN.plus(Duration.ofHours(3))).isEmpty());
    }

    @Test
    void aMissedReadIsNotAMissedCutOffWhenTheRunnerWasSeenFurtherOn() {
        RunnerTiming timing = runner(Status.ON_COURSE, GUN, at(0, "PT0S"), at(2, "PT2H30M"));

        assertTrue(CutOffs.first(TimelineTest.COURSE, timing, GUN.plus(Duration.ofHours(3))).isEmpty());
    }

    @Test
    void decidedRunnersAndRacesWithoutGunAreNotFlagged() {
        Instant late = GUN.plus(Duration.ofHours(10));
        for (Status decided : List.of(Status.DNF, Status.DSQ, Status.DNS, Status.NOT_STARTED)) {
            assertTrue(CutOffs.first(TimelineTest.COURSE, runner(decided, GUN, at(0, "PT0S")), late).isEmpty());
        }
        assertTrue(CutOffs.first(TimelineTest.COURSE, runner(Status.ON_COURSE, null, at(0, "PT0S")), late).isEmpty());
    }
}
