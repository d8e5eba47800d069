package fr.pyramidesnoires.timing.passage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * An aid station with one mat, read as runners come in and again as they leave. The mat also reads a runner who
 * lingers on it or stands near it at the tables, so a visit is told by time, not by crossings:
 * <ul>
 *     <li>a visit begins with a runner's first read at the mat: that read is the arrival;</li>
 *     <li>every read up to {@code maxStay} after the arrival belongs to the same visit; a later read begins the next
 *     visit (a loop coming back to the station). Where the course passes the mat once, every read is of the one
 *     visit, however long the runner stayed;</li>
 *     <li>the departure is the last read of the visit, and only a read at least {@code minStay} after the arrival:
 *     the reads of the runner crossing the mat on arrival, or standing on it a few seconds more, are not a
 *     departure. A runner who went through without stopping for {@code minStay} has no departure.</li>
 * </ul>
 * The departure is the latest read so far: a runner still at the station whom the mat reads again later has left
 * later, and the next snapshot says so.
 */
public final class Visits {

    /** @param departure null while no read says the runner left */
    public record Visit(Instant arrival, Instant departure) {
    }

    private Visits() {
    }

    /**
     * @param maxStay the longest stay at the station; null where the course passes the mat once
     * @return the visits, earliest first; the same whatever order the reads came in, and duplicates count once
     */
    public static List<Visit> of(Collection<Instant> reads, Duration minStay, Duration maxStay) {
        List<Instant> sorted = reads.stream().sorted().distinct().toList();
        List<Visit> visits = new ArrayList<>();
        Instant arrival = null;
        Instant last = null;
        for (Instant read : sorted) {
            if (arrival != null && maxStay != null && Duration.between(arrival, read).compareTo(maxStay) > 0) {
                visits.add(visit(arrival, last, minStay));
                arrival = null;
            }
            if (arrival == null) {
                arrival = read;
            }
            last = read;
        }
        if (arrival != null) {
            visits.add(visit(arrival, last, minStay));
        }
        return visits;
    }

    private static Visit visit(Instant arrival, Instant last, Duration minStay) {
        return new Visit(arrival, Duration.between(arrival, last).compareTo(minStay) >= 0 ? last : null);
    }
}
