package fr.pyramidesnoires.timing.track;

import fr.pyramidesnoires.events.CourseEvent.TrackPoint;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * A course's line as pages draw it, from the points of its GPX file: at most {@link #MAX_POINTS} points, each with
 * its km along the course, where the track's own length is stretched to the course's official distance so that a
 * timing point's km places it on the line.
 *
 * <p>Points without an elevation take it from their neighbours, in proportion to the distance; a file with no
 * elevation at all is refused, since the profile would be a flat line at sea level, further from the truth than the
 * one pages draw from the timing points' climbs. A file whose length is more than {@link #LENGTH_TOLERANCE} off the
 * course's distance is refused too: it is most likely another race's, and its timing points would be drawn
 * kilometres from their places.
 */
public final class CourseTrack {

    /** Enough to draw a profile or a map across a screen, and some 60 kB in a course's Kafka message. */
    public static final int MAX_POINTS = 1000;
    public static final double LENGTH_TOLERANCE = 0.20;
    /**
     * Metres off the line that count as one metre off the profile when thinning: a profile shows a terril's 10 m,
     * a map of the whole course does not show 100 m sideways.
     */
    static final double VERTICAL_WEIGHT = 10;
    /** Points before thinning: every few metres on an ultra, while thinning's worst case stays quick. */
    static final int THINNING_INPUT = 20_000;
    private static final double EARTH_RADIUS_KM = 6371.0088;

    private CourseTrack() {
    }

    /**
     * The line of a course from its start's km to its finish's.
     *
     * @throws TrackRefused naming what is wrong with the file's points
     */
    public static List<TrackPoint> of(List<Gpx.Point> points, double startKm, double finishKm) throws TrackRefused {
        if (points.size() < 2) {
            throw new TrackRefused("a track needs at least 2 points, the file has " + points.size());
        }
        double[] km = distances(points);
        double length = km[km.length - 1];
        if (length == 0) {
            throw new TrackRefused("all its points are at the same place");
        }
        double official = finishKm - startKm;
        if (Math.abs(length - official) > LENGTH_TOLERANCE * official) {
            throw new TrackRefused(String.format(Locale.ROOT, "the track is %.1f km long, the course %.1f km:"
                    + " more than %d%% apart (another race's file?)", length, official,
                    Math.round(LENGTH_TOLERANCE * 100)));
        }
        double[] elevation = elevations(points, km);
        List<Integer> kept = thinned(points, km, elevation);
        List<TrackPoint> track = new ArrayList<>(kept.size());
        for (int i : kept) {
            Gpx.Point p = points.get(i);
            // the last point is the finish exactly: it is where pages put the finishers
            double along = i == km.length - 1 ? finishKm : round(startKm + km[i] / length * official, 3);
            track.add(new TrackPoint(round(p.lat(), 6), round(p.lon(), 6), along, round(elevation[i], 1)));
        }
        return List.copyOf(track);
    }

    /** Great-circle distance from the first point, in km, at each point. */
    static double[] distances(List<Gpx.Point> points) {
        double[] km = new double[points.size()];
        for (int i = 1; i < km.length; i++) {
            km[i] = km[i - 1] + haversineKm(points.get(i - 1), points.get(i));
        }
        return km;
    }

    static double haversineKm(Gpx.Point a, Gpx.Point b) {
        double dLat = Math.toRadians(b.lat() - a.lat());
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(a.lat())) * Math.cos(Math.toRadians(b.lat())) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** Each point's elevation, those the file leaves out interpolated along the distance, or held at the ends. */
    private static double[] elevations(List<Gpx.Point> points, double[] km) throws TrackRefused {
        int[] known = IntStream.range(0, points.size()).filter(i -> points.get(i).elevationM() != null).toArray();
        if (known.length == 0) {
            throw new TrackRefused("none of its points has an elevation (<ele>)");
        }
        double[] metres = new double[points.size()];
        int next = 0;
        for (int i = 0; i < metres.length; i++) {
            while (next < known.length && known[next] < i) {
                next++;
            }
            if (next < known.length && known[next] == i) {
                metres[i] = points.get(i).elevationM();
            } else if (next == 0 || next == known.length) {
                metres[i] = points.get(known[next == 0 ? 0 : known.length - 1]).elevationM();
            } else {
                int before = known[next - 1];
                int after = known[next];
                double share = km[after] == km[before] ? 0 : (km[i] - km[before]) / (km[after] - km[before]);
                double from = points.get(before).elevationM();
                metres[i] = from + share * (points.get(after).elevationM() - from);
            }
        }
        return metres;
    }

    /**
     * The points kept, in order: the first, the last, the highest and the lowest, and the others by how far the line
     * would pass from them without them, sideways on the map or up and down on the profile (Douglas-Peucker,
     * ranked so that exactly the {@link #MAX_POINTS} most telling stay). A long recording is first cut to one point
     * every few metres, which keeps the ranking quick whatever the file.
     */
    private static List<Integer> thinned(List<Gpx.Point> points, double[] km, double[] elevation) {
        List<Integer> candidates = spaced(km);
        if (candidates.size() <= MAX_POINTS) {
            return candidates;
        }
        int n = candidates.size();
        double[] rank = new double[n];
        rank[0] = Double.POSITIVE_INFINITY;
        rank[n - 1] = Double.POSITIVE_INFINITY;
        int highest = 0;
        int lowest = 0;
        for (int c = 0; c < n; c++) {
            highest = elevation[candidates.get(c)] > elevation[candidates.get(highest)] ? c : highest;
            lowest = elevation[candidates.get(c)] < elevation[candidates.get(lowest)] ? c : lowest;
        }
        Deque<double[]> spans = new ArrayDeque<>();
        spans.push(new double[] {0, n - 1, Double.POSITIVE_INFINITY});
        while (!spans.isEmpty()) {
            double[] span = spans.pop();
            int from = (int) span[0];
            int to = (int) span[1];
            int farthest = -1;
            double farthestBy = -1;
            for (int c = from + 1; c < to; c++) {
                double by = offLine(points, km, elevation, candidates.get(from), candidates.get(c), candidates.get(to));
                if (by > farthestBy) {
                    farthest = c;
                    farthestBy = by;
                }
            }
            if (farthest < 0) {
                continue;
            }
            // a point never ranks above the one whose span it was found in, so any top of the ranking is a line
            rank[farthest] = Math.min(farthestBy, span[2]);
            spans.push(new double[] {from, farthest, rank[farthest]});
            spans.push(new double[] {farthest, to, rank[farthest]});
        }
        rank[highest] = Double.POSITIVE_INFINITY;
        rank[lowest] = Double.POSITIVE_INFINITY;
        return IntStream.range(0, n).boxed()
                .sorted(Comparator.<Integer>comparingDouble(c -> -rank[c]).thenComparing(c -> c))
                .limit(MAX_POINTS).sorted().map(candidates::get).toList();
    }

    /** One point every length / {@link #THINNING_INPUT} at most, the first and last always. */
    private static List<Integer> spaced(double[] km) {
        double step = km[km.length - 1] / THINNING_INPUT;
        List<Integer> kept = new ArrayList<>();
        kept.add(0);
        for (int i = 1; i < km.length - 1; i++) {
            if (km[i] - km[kept.get(kept.size() - 1)] >= step) {
                kept.add(i);
            }
        }
        kept.add(km.length - 1);
        return kept;
    }

    /**
     * How far point p is from the line a to b, in metres: sideways on a local flat map, or up and down from the
     * profile's straight line, weighted by {@link #VERTICAL_WEIGHT}, whichever is more.
     */
    private static double offLine(List<Gpx.Point> points, double[] km, double[] elevation, int a, int p, int b) {
        Gpx.Point from = points.get(a);
        double metresPerDegree = Math.toRadians(EARTH_RADIUS_KM * 1000);
        double east = metresPerDegree * Math.cos(Math.toRadians(from.lat()));
        double bx = (points.get(b).lon() - from.lon()) * east;
        double by = (points.get(b).lat() - from.lat()) * metresPerDegree;
        double px = (points.get(p).lon() - from.lon()) * east;
        double py = (points.get(p).lat() - from.lat()) * metresPerDegree;
        double squared = bx * bx + by * by;
        double t = squared == 0 ? 0 : Math.max(0, Math.min(1, (px * bx + py * by) / squared));
        double sideways = Math.hypot(px - t * bx, py - t * by);
        double share = km[b] == km[a] ? 0 : (km[p] - km[a]) / (km[b] - km[a]);
        double upDown = Math.abs(elevation[p] - (elevation[a] + share * (elevation[b] - elevation[a])));
        return Math.max(sideways, VERTICAL_WEIGHT * upDown);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
