package fr.pyramidesnoires.results.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.CourseEvent;
import fr.pyramidesnoires.events.CourseEvent.TrackPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class CourseProfileTest {

    static final List<CourseEvent.Point> POINTS = PositionsTest.COURSE.points();

    static CourseEvent withTrack(TrackPoint... track) {
        return new CourseEvent("35K", POINTS, null, List.of(track));
    }

    @Test
    void betweenTwoTrackPointsTheHeightIsInterpolated() {
        CourseProfile profile = CourseProfile.of(withTrack(new TrackPoint(50.4, 2.7, 0, 100),
                new TrackPoint(50.5, 2.8, 10, 200), new TrackPoint(50.6, 2.9, 35, 150)));

        assertTrue(profile.fromTrack());
        assertEquals(150, profile.elevationAt(5), 1e-9);
        assertEquals(200, profile.elevationAt(10), 1e-9);
        assertEquals(190, profile.elevationAt(15), 1e-9);
    }

    @Test
    void beforeTheFirstOrPastTheLastTrackPointTheHeightIsTheirs() {
        CourseProfile profile = CourseProfile.of(withTrack(new TrackPoint(50.4, 2.7, 0.5, 100),
                new TrackPoint(50.6, 2.9, 34, 150)));

        assertEquals(100, profile.elevationAt(0), 1e-9);
        assertEquals(150, profile.elevationAt(35), 1e-9);
    }

    @Test
    void aTrackGivenOutOfOrderOrWithARepeatedPointIsReadByKm() {
        CourseProfile profile = CourseProfile.of(withTrack(new TrackPoint(50.6, 2.9, 20, 300),
                new TrackPoint(50.4, 2.7, 0, 100), new TrackPoint(50.5, 2.8, 10, 200),
                new TrackPoint(50.5, 2.8, 10, 200)));

        assertEquals(250, profile.elevationAt(15), 1e-9);
        assertEquals(200, profile.elevationAt(10), 1e-9);
        assertEquals(List.of(0.0, 10.0, 10.0, 20.0),
                profile.samples().stream().map(CourseProfile.Sample::km).toList());
    }

    @Test
    void aKmLiesOnTheGroundBetweenTheTwoTrackPointsAroundIt() {
        CourseProfile profile = CourseProfile.of(withTrack(new TrackPoint(50.4, 2.7, 0, 100),
                new TrackPoint(50.5, 2.9, 10, 200), new TrackPoint(50.6, 2.9, 35, 150)));

        CourseProfile.Place place = profile.placeAt(2.5).orElseThrow();
        assertEquals(50.425, place.lat(), 1e-9);
        assertEquals(2.75, place.lon(), 1e-9);
        assertEquals(50.6, profile.placeAt(40).orElseThrow().lat(), 1e-9, "past the finish: at the finish");
    }

    @Test
    void withoutATrackTheProfileIsTheClimbSoFarAtEachPointAndHasNoPlaceOnTheGround() {
        CourseProfile profile = CourseProfile.of(PositionsTest.COURSE);

        assertFalse(profile.fromTrack());
        assertEquals(List.of(new CourseProfile.Sample(0, 0), new CourseProfile.Sample(12, 210),
                new CourseProfile.Sample(24, 480), new CourseProfile.Sample(35, 700)), profile.samples());
        assertEquals(345, profile.elevationAt(18), 1e-9, "halfway from 210 m to 480 m of climb");
        assertTrue(profile.placeAt(18).isEmpty());
    }
}
