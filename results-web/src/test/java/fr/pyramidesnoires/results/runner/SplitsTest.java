package fr.pyramidesnoires.results.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.CourseEvent;
import fr.pyramidesnoires.events.RunnerTiming.Doubt;
import fr.pyramidesnoires.events.RunnerTiming.Passage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SplitsTest {

    static final Instant GUN = Instant.parse("2027-03-20T08:00:00Z");
    /** 35 km: start, Sainte-Henriette (12 km, 210 m D+), Estevelles (24 km, 480 m), finish (35 km, 700 m). */
    static final CourseEvent COURSE = new CourseEvent("35K", List.of(
            new CourseEvent.Point(0, "start", "Départ", 0, 0, null),
            new CourseEvent.Point(1, "ste-henriette", "Terril Sainte-Henriette", 12, 210, null),
            new CourseEvent.Point(2, "estevelles", "Terril d'Estevelles", 24, 480, Duration.ofMinutes(270)),
            new CourseEvent.Point(3, "finish", "Arrivée", 35, 700, Duration.ofHours(7))), GUN);

    static Passage at(int order, String elapsed) {
        CourseEvent.Point p = COURSE.points().get(order);
        return new Passage(order, p.id(), p.name(), p.km(), GUN.plus(Duration.parse(elapsed)));
    }

    @Test
    void eachSplitHasItsElapsedSegmentPaceAndRankEvolution() {
        List<Splits.Split> splits = Splits.of(List.of(at(0, "PT12S"), at(1, "PT1H12M12S"), at(2, "PT2H32M12S")),
                GUN, Map.of(0, 40, 1, 31, 2, 35), Set.of());

        assertEquals(3, splits.size());
        assertNull(splits.get(0).segment());
        assertEquals(Duration.parse("PT1H12M"), splits.get(1).segment());
        assertEquals(6.0, splits.get(1).paceMinKm(), 1e-9, "72 min over 12 km");
        assertEquals(Duration.parse("PT2H32M12S"), splits.get(2).elapsed());
        assertEquals(9, splits.get(1).rankGained(), "40th at the start, 31st at Sainte-Henriette");
        assertEquals(-4, splits.get(2).rankGained());
    }

    @Test
    void aDoubtfulPassageHasNoSegmentPaceOrRankAndTheNextSegmentRunsFromTheLastGoodOne() {
        // Estevelles 21 min 16 s before Sainte-Henriette: once shown as a -21:-16:00 segment at -100:-28 /km
        List<Splits.Split> splits = Splits.of(List.of(at(0, "PT12S"), at(1, "PT1H12M12S"),
                at(2, "PT0H50M56S").doubted(Doubt.OUT_OF_SEQUENCE), at(3, "PT3H12M12S")), GUN, Map.of(0, 40, 1, 31, 3, 28), Set.of());

        assertEquals(Doubt.OUT_OF_SEQUENCE, splits.get(2).doubtful());
        assertNull(splits.get(2).segment());
        assertNull(splits.get(2).paceMinKm());
        assertNull(splits.get(2).rank());
        assertEquals(Duration.parse("PT2H"), splits.get(3).segment(), "from Sainte-Henriette");
        assertEquals(120.0 / 23, splits.get(3).paceMinKm(), 1e-9);
        assertEquals(3, splits.get(3).rankGained());
        assertNull(splits.get(3).doubtful());
    }

    @Test
    void aPassageBackInTimeTimingDidNotFlagIsShownDoubtfulNeverNegative() {
        // an event that switched timing's rules off still gets no negative segment
        List<Splits.Split> splits = Splits.of(List.of(at(0, "PT12S"), at(1, "PT1H12M12S"), at(2, "PT0H50M56S")),
                GUN, Map.of(), Set.of());

        assertEquals(Doubt.OUT_OF_SEQUENCE, splits.get(2).doubtful());
        assertNull(splits.get(2).segment());
        assertNull(splits.get(2).paceMinKm());
        assertEquals(Duration.parse("PT50M56S"), splits.get(2).elapsed());
    }

    /** Sainte-Henriette as an aid station timed on the way out, the runner in at 1:12:12, out at 1:20:12. */
    private static final Set<Integer> STE_HENRIETTE_TIMES_DEPARTURES = Set.of(1);

    @Test
    void atAnAidStationTimedOnTheWayOutTheStopIsShownAndTheNextSegmentRunsFromTheDeparture() {
        List<Splits.Split> splits = Splits.of(List.of(at(0, "PT12S"),
                at(1, "PT1H12M12S").departed(GUN.plus(Duration.parse("PT1H20M12S"))), at(2, "PT2H32M12S")),
                GUN, Map.of(), STE_HENRIETTE_TIMES_DEPARTURES);

        Splits.Split station = splits.get(1);
        assertTrue(station.departureTimed());
        assertEquals(GUN.plus(Duration.parse("PT1H20M12S")), station.departure());
        assertEquals(Duration.ofMinutes(8), station.stop());
        assertEquals(Duration.parse("PT1H12M12S"), station.elapsed(), "elapsed to the arrival");
        assertEquals(Duration.parse("PT1H12M"), station.segment(), "the segment in runs to the arrival");
        assertEquals(Duration.parse("PT1H12M"), splits.get(2).segment(), "the segment out runs from the departure");
        assertEquals(6.0, splits.get(2).paceMinKm(), 1e-9, "72 min moving over 12 km: the stop is left out");
        assertFalse(splits.get(2).departureTimed());
        assertNull(splits.get(2).stop());
    }

    @Test
    void aRunnerStillAtTheAidStationHasNoDepartureNorStopYet() {
        List<Splits.Split> splits = Splits.of(List.of(at(0, "PT12S"), at(1, "PT1H12M12S")), GUN, Map.of(),
                STE_HENRIETTE_TIMES_DEPARTURES);

        assertTrue(splits.get(1).departureTimed());
        assertNull(splits.get(1).departure());
        assertNull(splits.get(1).stop());
    }

    @Test
    void anArrivalBeforeTheRunnerLeftThePreviousAidStationIsShownDoubtful() {
        List<Splits.Split> splits = Splits.of(List.of(at(0, "PT12S"),
                at(1, "PT1H12M12S").departed(GUN.plus(Duration.parse("PT3H"))), at(2, "PT2H32M12S")),
                GUN, Map.of(), STE_HENRIETTE_TIMES_DEPARTURES);

        assertEquals(Doubt.OUT_OF_SEQUENCE, splits.get(2).doubtful());
        assertNull(splits.get(2).segment());
    }

    @Test
    void theEstimateAheadRunsFromTheDepartureOfTheAidStationLeft() {
        List<Splits.Estimate> in = Splits.ahead(List.of(at(0, "PT0S"), at(1, "PT1H30M")), COURSE, GUN);
        List<Splits.Estimate> out = Splits.ahead(List.of(at(0, "PT0S"),
                at(1, "PT1H30M").departed(GUN.plus(Duration.parse("PT1H40M")))), COURSE, GUN);

        // 1 h 40 for 14.1 km-effort, then 14.7 more from the departure
        assertEquals(GUN.plus(Duration.ofMinutes(100)).plusSeconds(Math.round(14.7 * 100 * 60 / 14.1)),
                out.get(0).at().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertTrue(out.get(0).at().isAfter(in.get(0).at()));
    }

    @Test
    void theEstimateAheadRunsFromTheLastGoodPassage() {
        List<Splits.Estimate> ahead = Splits.ahead(List.of(at(0, "PT0S"), at(1, "PT1H30M"),
                at(2, "PT1H35M").doubted(Doubt.TOO_FAST)), COURSE, GUN);
        assertEquals(List.of("Terril d'Estevelles", "Arrivée"), ahead.stream().map(Splits.Estimate::pointName).toList());
    }

    @Test
    void theRunnerIsExpectedAheadAtTheirOwnPacePerKmEffort() {
        // 1 h 30 for 12 km + 2.1 of climb: 14.1 km-effort, so 6.383 min per km-effort
        List<Splits.Estimate> ahead = Splits.ahead(List.of(at(0, "PT0S"), at(1, "PT1H30M")), COURSE, GUN);

        assertEquals(List.of("Terril d'Estevelles", "Arrivée"), ahead.stream().map(Splits.Estimate::pointName).toList());
        // Estevelles is 28.8 km-effort: 14.7 more, 93.83 min at that pace
        long toEstevelles = Duration.between(GUN.plus(Duration.ofMinutes(90)), ahead.get(0).at()).toSeconds();
        assertEquals(Math.round(14.7 * 90 * 60 / 14.1), toEstevelles, 1);
        // the finish is 42 km-effort: 27.9 more
        assertEquals(Math.round(42 * 90 * 60 / 14.1),
                Duration.between(GUN, ahead.get(1).at()).toSeconds(), 1);
    }

    @Test
    void noEstimateBeforeTheRunnerHasAPaceOrWhenNothingIsAhead() {
        assertTrue(Splits.ahead(List.of(), COURSE, GUN).isEmpty());
        assertTrue(Splits.ahead(List.of(at(0, "PT5S")), COURSE, GUN).isEmpty());
        assertTrue(Splits.ahead(List.of(at(0, "PT0S"), at(3, "PT3H50M")), COURSE, GUN).isEmpty());
        assertTrue(Splits.ahead(List.of(at(0, "PT0S"), at(1, "PT1H")), COURSE, null).isEmpty());
    }
}
