package fr.pyramidesnoires.results.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.CourseEvent;
import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.events.RunnerTiming.Doubt;
import fr.pyramidesnoires.events.RunnerTiming.Passage;
import fr.pyramidesnoires.events.RunnerTiming.Status;
import fr.pyramidesnoires.results.race.RaceView;
import fr.pyramidesnoires.results.race.Runner;
import fr.pyramidesnoires.results.ranking.AidStationRanking;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class PositionsTest {

    static final Instant GUN = Instant.parse("2027-03-20T08:00:00Z");
    /**
     * 35 km: start, Sainte-Henriette (12 km, 210 m D+, km-effort 14.1), Estevelles (24 km, 480 m, km-effort 28.8,
     * an aid station timed on the way out too), finish (35 km, 700 m).
     */
    static final CourseEvent COURSE = new CourseEvent("35K", List.of(
            new CourseEvent.Point(0, "start", "Départ", 0, 0, null),
            new CourseEvent.Point(1, "ste-henriette", "Terril Sainte-Henriette", 12, 210, null),
            new CourseEvent.Point(2, "estevelles", "Terril d'Estevelles", 24, 480, Duration.ofMinutes(270), true),
            new CourseEvent.Point(3, "finish", "Arrivée", 35, 700, Duration.ofHours(7))), GUN);

    static Passage at(int order, int minutes) {
        CourseEvent.Point p = COURSE.points().get(order);
        return new Passage(order, p.id(), p.name(), p.km(), GUN.plus(Duration.ofMinutes(minutes)));
    }

    static Runner runner(int bib, Status status, Passage... passages) {
        return runner(bib, false, status, passages);
    }

    static Runner runner(int bib, boolean hidden, Status status, Passage... passages) {
        EntryEvent entry = new EntryEvent(EntryEvent.Type.UPSERTED, "e" + bib, "35K", bib, "C" + bib,
                hidden ? null : "Jade", hidden ? null : "Lemaire", hidden, EntryEvent.Sex.F, "SE", null, "FRA", GUN);
        return new Runner(entry, status == Status.NOT_STARTED && passages.length == 0 ? null
                : new RunnerTiming("35K", bib, status, GUN, List.of(passages), null, null));
    }

    static double km(Runner runner, Instant now) {
        OptionalDouble km = Positions.kmAt(runner, COURSE, GUN, now);
        assertTrue(km.isPresent(), "placed");
        return km.getAsDouble();
    }

    static Instant minutes(double minutes) {
        return GUN.plusMillis(Math.round(minutes * 60_000));
    }

    @Test
    void aFinisherIsAtTheFinish() {
        Runner finisher = runner(1, Status.FINISHED, at(0, 0), at(1, 70), at(2, 150), at(3, 220));
        assertEquals(35, km(finisher, minutes(300)), 1e-9);
    }

    @Test
    void aFinisherWhoseFinishWasNotReadIsAtTheFinishAllTheSame() {
        assertEquals(35, km(runner(1, Status.FINISHED, at(0, 0), at(1, 70)), minutes(300)), 1e-9);
    }

    @Test
    void aRunnerOnCourseIsAsFarAlongAsTheTimeSinceThePointIsOfTheirEtaToTheNext() {
        // 101 min for 14.1 km-effort: the 14.7 to Estevelles take them 101 * 14.7 / 14.1 min
        Runner runner = runner(2, Status.ON_COURSE, at(0, 0), at(1, 101));
        double eta = 101 * 14.7 / 14.1;

        assertEquals(12 + 12 * 50 / eta, km(runner, minutes(101 + 50)), 1e-3);
        assertEquals(12 + 12 * 0.25, km(runner, minutes(101 + eta / 4)), 1e-3);
    }

    @Test
    void aRunnerWhoJustPassedIsAtThePoint() {
        assertEquals(12, km(runner(2, Status.ON_COURSE, at(0, 0), at(1, 101)), minutes(101)), 1e-9);
    }

    @Test
    void aPageRenderedBeforeThePassageDoesNotPutTheRunnerBehindThePoint() {
        assertEquals(12, km(runner(2, Status.ON_COURSE, at(0, 0), at(1, 101)), minutes(95)), 1e-9);
    }

    @Test
    void aLateRunnerWaitsJustBeforeTheNextPointNeverOnOrPastIt() {
        Runner late = runner(3, Status.ON_COURSE, at(0, 0), at(1, 60));

        double km = km(late, minutes(600));
        assertTrue(km < 24, "not at Estevelles, where they have not been read: " + km);
        assertEquals(12 + 12 * Positions.BEFORE_NEXT_POINT, km, 1e-9);
    }

    @Test
    void aRunnerOnlyThroughTheStartHasNoPaceYetAndIsAtTheStart() {
        assertEquals(0, km(runner(4, Status.ON_COURSE, at(0, 0)), minutes(30)), 1e-9);
    }

    @Test
    void withoutAStartSignalNorAStartCrossingThereIsNoPaceAndTheRunnerIsAtTheirLastPoint() {
        Runner noStartRead = runner(4, Status.ON_COURSE, at(1, 80));
        assertEquals(12, Positions.kmAt(noStartRead, COURSE, null, minutes(120)).orElseThrow(), 1e-9);
    }

    @Test
    void aRunnerAtAnAidStationTimedOnTheWayOutIsThereUntilTheyLeave() {
        Runner resting = runner(5, Status.ON_COURSE, at(0, 0), at(1, 70), at(2, 140));
        assertEquals(24, km(resting, minutes(170)), 1e-9);
    }

    @Test
    void aRunnerWhoLeftAnAidStationIsPlacedFromTheirDeparture() {
        // left at 150 min: 150 min for 28.8 km-effort, 13.2 more to the finish
        Runner left = runner(5, Status.ON_COURSE, at(0, 0), at(1, 70), at(2, 140).departed(minutes(150)));
        double eta = 150 * 13.2 / 28.8;

        assertEquals(24 + 11 * 10 / eta, km(left, minutes(160)), 1e-3);
    }

    @Test
    void aDoubtfulPassageIsNoPlaceToStartFrom() {
        Runner doubted = runner(6, Status.ON_COURSE, at(0, 0), at(1, 101), at(2, 102).doubted(Doubt.TOO_FAST));
        double eta = 101 * 14.7 / 14.1;

        assertEquals(12 + 12 * 30 / eta, km(doubted, minutes(131)), 1e-3);
    }

    @Test
    void runnersNotStartedWithdrawnDisqualifiedOrAbsentAreNotPlaced() {
        for (Runner out : List.of(runner(7, Status.NOT_STARTED), runner(8, Status.DNF, at(0, 0), at(1, 90)),
                runner(9, Status.DSQ, at(0, 0), at(1, 90)), runner(10, Status.DNS),
                runner(11, Status.ON_COURSE))) {
            assertFalse(Positions.kmAt(out, COURSE, GUN, minutes(200)).isPresent(), out.toString());
        }
    }

    @Test
    void theRaceIsPlacedInRankingOrderWithItsFirstThreeAsLeaders() {
        List<Runner> runners = new ArrayList<>(List.of(
                runner(20, Status.ON_COURSE, at(0, 0), at(1, 60)),
                runner(21, Status.FINISHED, at(0, 0), at(1, 60), at(2, 130), at(3, 200)),
                runner(22, true, Status.ON_COURSE, at(0, 0), at(1, 70), at(2, 150)),
                runner(23, Status.ON_COURSE, at(0, 0), at(1, 65)),
                runner(24, Status.DNF, at(0, 0), at(1, 50)),
                runner(25, Status.NOT_STARTED)));
        RaceView race = new RaceView("35K", runners, Optional.of(COURSE), AidStationRanking.ARRIVAL);

        List<Positions.Position> positions = Positions.of(race, minutes(160));

        assertEquals(List.of(21, 22, 20, 23), positions.stream().map(Positions.Position::bib).toList());
        assertEquals(List.of(true, true, true, false), positions.stream().map(Positions.Position::leader).toList());
        assertNull(positions.get(1).name(), "a runner who withheld their name stays nameless");
        assertEquals("LEMAIRE Jade", positions.get(0).name());
        assertEquals(Status.FINISHED, positions.get(0).status());
    }

    @Test
    void aDnfRunnerAheadLeadsNothing() {
        List<Runner> runners = List.of(runner(30, Status.DNF, at(0, 0), at(1, 50), at(2, 100)),
                runner(31, Status.ON_COURSE, at(0, 0), at(1, 60)));
        RaceView race = new RaceView("35K", runners, Optional.of(COURSE), AidStationRanking.ARRIVAL);

        assertEquals(List.of(31), Positions.of(race, minutes(80)).stream().filter(Positions.Position::leader)
                .map(Positions.Position::bib).toList());
    }

    @Test
    void aRaceWhoseCourseIsNotKnownPlacesNobody() {
        RaceView race = new RaceView("35K", List.of(runner(40, Status.ON_COURSE, at(0, 0), at(1, 60))),
                Optional.empty(), AidStationRanking.ARRIVAL);
        assertTrue(Positions.of(race, minutes(80)).isEmpty());
    }

    static RaceView race(Runner... runners) {
        return new RaceView("35K", List.of(runners), Optional.of(COURSE), AidStationRanking.ARRIVAL);
    }

    @Test
    void onRaceDayRunnersArePlacedAtTheWallClockEvenWhenAReaderRunsAhead() {
        // a finish reader an hour fast must not move every runner on
        Runner ahead = runner(50, Status.FINISHED, at(0, 0), at(1, 70), at(2, 150), at(3, 240));
        Runner onCourse = runner(51, Status.ON_COURSE, at(0, 0), at(1, 80));
        assertEquals(minutes(180), Positions.clock(race(ahead, onCourse), minutes(180), false));
    }

    @Test
    void aReplayIsPlacedAtItsLatestGoodPassage() {
        // the demo an hour a minute: three minutes after the gun, its passages are hours ahead
        Instant wallClock = minutes(3);
        Runner left = runner(52, Status.ON_COURSE, at(0, 0), at(1, 70), at(2, 150).departed(minutes(158)));
        Runner doubted = runner(53, Status.ON_COURSE, at(0, 0), at(1, 300).doubted(Doubt.TOO_FAST));
        assertEquals(minutes(158), Positions.clock(race(left, doubted), wallClock, true), "its departure, not the doubt");
        // so its runners are between points, as at that moment of the race, rather than all at their last point
        Runner behind = runner(54, Status.ON_COURSE, at(0, 0), at(1, 70));
        Instant clock = Positions.clock(race(left, behind), wallClock, true);
        assertTrue(km(behind, clock) > 12, "between Sainte-Henriette and Estevelles");
        assertEquals(12, km(behind, Positions.clock(race(left, behind), wallClock, false)), 1e-9, "at the wall clock");
    }

    @Test
    void aReplayWhosePassagesAreBehindTheWallClockKeepsTheWallClock() {
        Runner runner = runner(55, Status.ON_COURSE, at(0, 0), at(1, 70));
        assertEquals(minutes(100), Positions.clock(race(runner), minutes(100), true));
        assertEquals(minutes(-60), Positions.clock(race(runner(56, Status.NOT_STARTED)), minutes(-60), true));
    }
}
