package fr.pyramidesnoires.timing.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.CourseEvent.TrackPoint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CourseTrackTest {

    /** Along a meridian, one degree of latitude is the same distance everywhere on a sphere. */
    static final double KM_PER_DEGREE = Math.toRadians(6371.0088);

    /** A track due north from 50N 3E, a point every {@code stepKm}, at the given elevations. */
    static List<Gpx.Point> north(double stepKm, Double... elevations) {
        List<Gpx.Point> points = new ArrayList<>();
        for (int i = 0; i < elevations.length; i++) {
            points.add(new Gpx.Point(50 + i * stepKm / KM_PER_DEGREE, 3, elevations[i]));
        }
        return points;
    }

    static String refusal(List<Gpx.Point> points, double finishKm) {
        return assertThrows(TrackRefused.class, () -> CourseTrack.of(points, 0, finishKm)).getMessage();
    }

    @Test
    void distancesAreAlongTheEarthsSurface() {
        assertEquals(KM_PER_DEGREE, CourseTrack.haversineKm(new Gpx.Point(50, 3, null), new Gpx.Point(51, 3, null)),
                1e-9);
        // Oignies' 9-9bis to the twin terrils of Loos-en-Gohelle: some 14.6 km as the crow flies
        assertEquals(14.6, CourseTrack.haversineKm(new Gpx.Point(50.468, 2.993, null),
                new Gpx.Point(50.457, 2.787, null)), 0.1);
    }

    @Test
    void theTracksKmAreStretchedToTheCoursesSoItEndsAtTheFinish() throws Exception {
        // the file's line measures 10.5 km; the course says 10
        List<TrackPoint> track = CourseTrack.of(north(3.5, 30.0, 80.0, 45.0, 31.0), 0, 10);

        assertEquals(List.of(0.0, 3.333, 6.667, 10.0), track.stream().map(TrackPoint::km).toList());
        assertEquals(List.of(30.0, 80.0, 45.0, 31.0), track.stream().map(TrackPoint::elevationM).toList());
        assertEquals(new TrackPoint(50, 3, 0, 30), track.get(0));
    }

    @Test
    void aCourseNotStartingAtKmZeroHasItsTrackFromTheStartsKm() throws Exception {
        List<TrackPoint> track = CourseTrack.of(north(5, 30.0, 40.0, 50.0), 2, 12);

        assertEquals(List.of(2.0, 7.0, 12.0), track.stream().map(TrackPoint::km).toList());
    }

    @Test
    void theFinishIsTheCoursesExactKmEvenInMiles() throws Exception {
        double fiftyMiles = 80.4672;
        List<TrackPoint> track = CourseTrack.of(north(fiftyMiles / 3, 30.0, 40.0, 50.0, 60.0), 0, fiftyMiles);

        assertEquals(fiftyMiles, track.get(3).km());
        assertEquals(26.822, track.get(1).km());
    }

    @Test
    void positionsAreKeptToTheDecimetreAndElevationsToTheDecimetre() throws Exception {
        List<TrackPoint> track = CourseTrack.of(List.of(new Gpx.Point(50.123456789, 2.987654321, 31.26),
                new Gpx.Point(50.2, 2.9, 40.04)), 0, 9.9);

        assertEquals(new TrackPoint(50.123457, 2.987654, 0, 31.3), track.get(0));
        assertEquals(40.0, track.get(1).elevationM());
    }

    @Test
    void aPointWithoutElevationTakesItFromItsNeighboursByDistance() throws Exception {
        List<TrackPoint> track = CourseTrack.of(north(1, null, 30.0, null, null, null, 70.0, null), 0, 6);

        assertEquals(List.of(30.0, 30.0, 40.0, 50.0, 60.0, 70.0, 70.0),
                track.stream().map(TrackPoint::elevationM).toList());
        // in proportion to the distance, not to the count of points
        List<TrackPoint> uneven = CourseTrack.of(List.of(new Gpx.Point(50, 3, 10.0),
                new Gpx.Point(50 + 1 / KM_PER_DEGREE, 3, null), new Gpx.Point(50 + 4 / KM_PER_DEGREE, 3, 50.0)), 0, 4);
        assertEquals(20.0, uneven.get(1).elevationM());
    }

    @Test
    void aTrackWithNoElevationAtAllIsRefused() {
        assertEquals("none of its points has an elevation (<ele>)", refusal(north(1, null, null, null), 2));
    }

    @Test
    void aTrackNeedsTwoPointsApart() {
        assertEquals("a track needs at least 2 points, the file has 0", refusal(List.of(), 10));
        assertEquals("a track needs at least 2 points, the file has 1", refusal(north(1, 30.0), 10));
        assertEquals("all its points are at the same place", refusal(north(0, 30.0, 31.0, 32.0), 10));
    }

    @Test
    void aTrackMoreThanAFifthLongerOrShorterThanTheCourseIsRefused() throws Exception {
        assertEquals("the track is 12.5 km long, the course 10.0 km: more than 20% apart (another race's file?)",
                refusal(north(12.5, 30.0, 40.0), 10));
        assertEquals("the track is 55.0 km long, the course 110.0 km: more than 20% apart (another race's file?)",
                refusal(north(55, 30.0, 40.0), 110));
        assertEquals(2, CourseTrack.of(north(11.9, 30.0, 40.0), 0, 10).size());
        assertEquals(2, CourseTrack.of(north(8.1, 30.0, 40.0), 0, 10).size());
    }

    /** A 110 km recording every 5 m: a zigzag across the plain, with a terril to climb at km 30 and a dip at km 80. */
    static List<Gpx.Point> recording() {
        List<Gpx.Point> points = new ArrayList<>();
        double stepKm = 0.005;
        for (int i = 0; i <= 22_000; i++) {
            double km = i * stepKm;
            // a zigzag of 400 m sideways every 4 km
            double east = 0.4 * Math.abs(((km / 4) % 1) * 2 - 1);
            double terril = Math.max(0, 150 - Math.abs(km - 30) * 150);
            double quarry = -Math.max(0, 20 - Math.abs(km - 80) * 40);
            points.add(new Gpx.Point(50 + km / KM_PER_DEGREE * 0.9, 3 + east / (KM_PER_DEGREE * 0.64),
                    35 + terril + quarry + 3 * Math.sin(km)));
        }
        return points;
    }

    /** The track's elevation at a km, read along its line as a page draws it. */
    static double elevationAt(List<TrackPoint> track, double km) {
        for (int i = 1; i < track.size(); i++) {
            TrackPoint a = track.get(i - 1);
            TrackPoint b = track.get(i);
            if (km <= b.km()) {
                return a.elevationM() + (km - a.km()) / (b.km() - a.km()) * (b.elevationM() - a.elevationM());
            }
        }
        return track.get(track.size() - 1).elevationM();
    }

    @Test
    void aLongRecordingIsThinnedToAThousandPointsKeepingItsShapeAndHeights() throws Exception {
        List<Gpx.Point> points = recording();
        List<TrackPoint> full = new ArrayList<>();
        double[] km = CourseTrack.distances(points);
        double length = km[km.length - 1];
        for (int i = 0; i < points.size(); i++) {
            full.add(new TrackPoint(points.get(i).lat(), points.get(i).lon(), km[i] / length * 110,
                    points.get(i).elevationM()));
        }

        List<TrackPoint> track = CourseTrack.of(points, 0, 110);

        assertEquals(CourseTrack.MAX_POINTS, track.size());
        assertEquals(0, track.get(0).km());
        assertEquals(110, track.get(track.size() - 1).km());
        for (int i = 1; i < track.size(); i++) {
            assertTrue(track.get(i).km() > track.get(i - 1).km(), "km go on at point " + i);
        }
        // the top of the terril and the bottom of the quarry are kept as they are
        double top = full.stream().mapToDouble(TrackPoint::elevationM).max().orElseThrow();
        double bottom = full.stream().mapToDouble(TrackPoint::elevationM).min().orElseThrow();
        assertEquals(top, track.stream().mapToDouble(TrackPoint::elevationM).max().orElseThrow(), 0.05);
        assertEquals(bottom, track.stream().mapToDouble(TrackPoint::elevationM).min().orElseThrow(), 0.05);
        // the profile drawn from the thousand points stays within 2 m of the recording everywhere
        double worst = full.stream().mapToDouble(p -> Math.abs(elevationAt(track, p.km()) - p.elevationM()))
                .max().orElseThrow();
        assertTrue(worst < 2, "the profile is up to " + worst + " m off");
        // and every corner of the zigzag, every 2 km of the recording, is on the map's line, within 20 m
        for (int corner = 0; corner <= 22_000; corner += 400) {
            Gpx.Point truth = points.get(corner);
            double nearest = track.stream().mapToDouble(p -> CourseTrack.haversineKm(truth,
                    new Gpx.Point(p.lat(), p.lon(), null))).min().orElseThrow();
            assertTrue(nearest < 0.02, "corner " + corner + " is " + nearest + " km from the line");
        }
    }

    @Test
    void aTrackOfAThousandPointsOrFewerIsKeptWhole() throws Exception {
        Double[] heights = new Double[CourseTrack.MAX_POINTS];
        for (int i = 0; i < heights.length; i++) {
            heights[i] = 30.0 + (i % 7);
        }
        assertEquals(CourseTrack.MAX_POINTS, CourseTrack.of(north(0.01, heights), 0, 9.99).size());
    }

    @Test
    void theLargestRecordingAFileMayHoldIsThinnedQuickly() throws Exception {
        List<Gpx.Point> points = new ArrayList<>();
        java.util.Random noise = new java.util.Random(17);
        for (int i = 0; i < Gpx.MAX_POINTS; i++) {
            // a GPS standing still now and then, and jitter everywhere
            double km = (i - i % 3) * 0.0007;
            points.add(new Gpx.Point(50 + km / KM_PER_DEGREE + noise.nextGaussian() * 2e-5,
                    3 + noise.nextGaussian() * 3e-5, 40 + noise.nextGaussian() * 5));
        }
        double length = CourseTrack.distances(points)[points.size() - 1];
        long started = System.nanoTime();

        List<TrackPoint> track = CourseTrack.of(points, 0, length);

        assertEquals(CourseTrack.MAX_POINTS, track.size());
        double seconds = (System.nanoTime() - started) / 1e9;
        assertTrue(seconds < 30, "thinned in " + seconds + " s");
    }
}
