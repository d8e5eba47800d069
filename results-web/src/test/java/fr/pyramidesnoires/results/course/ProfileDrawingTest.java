package fr.pyramidesnoires.results.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.CourseEvent;
import fr.pyramidesnoires.events.CourseEvent.TrackPoint;
import fr.pyramidesnoires.events.RunnerTiming.Status;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileDrawingTest {

    static final Instant AT = Instant.parse("2027-03-20T10:31:00Z");
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** Up from 50 m to 150 m at km 10, down to 50 m at the finish. */
    static CourseEvent hill() {
        List<TrackPoint> track = new ArrayList<>();
        for (int i = 0; i <= 350; i++) {
            double km = i / 10.0;
            track.add(new TrackPoint(50.4 + km / 100, 2.7, km, km <= 10 ? 50 + 10 * km : 150 - 100 * (km - 10) / 25));
        }
        return new CourseEvent("35K", PositionsTest.COURSE.points(), null, track);
    }

    static List<Positions.Position> field() {
        return List.of(new Positions.Position(1, "LEMAIRE Jade", Status.FINISHED, 35, true),
                new Positions.Position(2, null, Status.ON_COURSE, 10, false),
                new Positions.Position(3, "WALLET Chloé", Status.ON_COURSE, 17.5, true));
    }

    @Test
    void theCourseRunsAcrossTheDrawingFromStartToFinish() {
        ProfileDrawing drawing = ProfileDrawing.of("35K", hill(), field(), AT, PARIS);

        assertEquals(List.of(44.0, 245.6, 447.2, 632.0),
                drawing.points().stream().map(ProfileDrawing.PointMark::x).toList());
        assertTrue(drawing.line().startsWith("M44.0 "), drawing.line());
        assertEquals(ProfileDrawing.LINE_SAMPLES, drawing.line().split(" L").length - 1);
        assertTrue(drawing.area().endsWith(" L632.0 250.0 L44.0 250.0 Z"), drawing.area());
        assertTrue(drawing.fromTrack());
    }

    @Test
    void theHeightsRunFromARoundNumberBelowTheLowestToOneAboveTheHighest() {
        ProfileDrawing drawing = ProfileDrawing.of("35K", hill(), field(), AT, PARIS);

        assertEquals(50, drawing.bottom());
        assertEquals(160, drawing.top());
    }

    @Test
    void eachRunnerIsOnTheProfileLineAtTheirKmAndTheLeadersAreDrawnLast() {
        ProfileDrawing drawing = ProfileDrawing.of("35K", hill(), field(), AT, PARIS);

        assertEquals(List.of(2, 1, 3), drawing.runners().stream().map(ProfileDrawing.RunnerMark::bib).toList());
        ProfileDrawing.RunnerMark top = drawing.runners().get(0);
        assertEquals("35K/2", top.key());
        assertNull(top.name());
        assertEquals(44 + 10 / 35.0 * 588, top.x(), 0.05);
        // 150 m, the top of the hill, 10 m below the top of the plot
        assertEquals(12 + (250 - 12) * 10 / 110.0, top.y(), 0.05);
        ProfileDrawing.RunnerMark finisher = drawing.runners().get(1);
        assertTrue(finisher.finisher() && finisher.leader());
        assertEquals(632, finisher.x(), 1e-9);
        assertEquals(250, finisher.y(), 1e-9, "back down at 50 m, the bottom of the plot");
        assertEquals(17.5, drawing.runners().get(2).km());
        assertFalse(drawing.runners().get(2).finisher());
        assertEquals(2, drawing.leaders());
        assertEquals(1, drawing.finishers());
    }

    @Test
    void theCutOffsAreWrittenAtThePointsThatHaveOne() {
        ProfileDrawing drawing = ProfileDrawing.of("35K", hill(), field(), AT, PARIS);

        assertEquals(java.util.Arrays.asList(null, null, "4:30:00", "7:00:00"),
                drawing.points().stream().map(ProfileDrawing.PointMark::cutoff).toList());
    }

    @Test
    void theRunnersArePlacedAtATimeOfDayInTheEventsZone() {
        ProfileDrawing drawing = ProfileDrawing.of("35K", hill(), field(), AT, PARIS);

        assertEquals(AT, drawing.at());
        assertEquals("11:31", drawing.time());
    }

    @Test
    void withoutATrackTheLineJoinsTheClimbSoFarAtEachPoint() {
        ProfileDrawing drawing = ProfileDrawing.of("35K", PositionsTest.COURSE, List.of(), AT, PARIS);

        assertFalse(drawing.fromTrack());
        assertEquals(0, drawing.bottom());
        assertEquals(770, drawing.top());
        assertEquals("M44.0 250.0 L245.6 185.1 L447.2 101.6 L632.0 33.6", drawing.line());
        assertTrue(drawing.runners().isEmpty());
    }

    @Test
    void aFlatCourseIsStillDrawn() {
        CourseEvent flat = new CourseEvent("5K", List.of(new CourseEvent.Point(0, "start", "Départ", 0, 0, null),
                new CourseEvent.Point(1, "finish", "Arrivée", 5, 0, null)), null);
        ProfileDrawing drawing = ProfileDrawing.of("5K", flat, List.of(), AT, PARIS);

        assertEquals(20, drawing.top() - drawing.bottom());
        assertEquals("M44.0 250.0 L632.0 250.0", drawing.line());
    }

    @Test
    void theKmTicksAreRoundAndFewEnoughToReadOnAPhone() {
        assertEquals(1, ProfileDrawing.tickStep(5));
        assertEquals(2, ProfileDrawing.tickStep(7));
        assertEquals(10, ProfileDrawing.tickStep(35));
        assertEquals(20, ProfileDrawing.tickStep(110));
        assertEquals(List.of(0.0, 10.0, 20.0, 30.0), ProfileDrawing.of("35K", hill(), List.of(), AT, PARIS).ticks()
                .stream().map(ProfileDrawing.Tick::km).toList());
    }
}
