package fr.pyramidesnoires.timing.course;

import java.time.Duration;

/**
 * A place on the course where runners are timed. Several points may share a mat (a mat on a terril that
 * two races cross, or a loop passing the same mat twice).
 *
 * <p>An aid station may be timed on the way out as well as in, in one of two ways: a second mat on the way out
 * ({@code outMatId}), whose reads are the departure; or the one mat read on the way in and on the way out
 * ({@code inAndOut}), where the first read of a visit is the arrival and its last the departure (see
 * {@code passage.Visits}). The start and the finish are never timed on departure.
 *
 * @param elevationGainM climb from the start to here, for pace and km-effort
 * @param cutoff         latest passage allowed, counted from the gun; null where there is none
 * @param outMatId       the mat runners cross leaving the aid station; null where there is none
 * @param inAndOut       true when the point's one mat times the arrival and the departure
 */
public record TimingPoint(String id, String name, String matId, double km, int elevationGainM, Duration cutoff,
                          String outMatId, boolean inAndOut) {

    /** A point timed on arrival only. */
    public TimingPoint(String id, String name, String matId, double km, int elevationGainM, Duration cutoff) {
        this(id, name, matId, km, elevationGainM, cutoff, null, false);
    }

    public TimingPoint {
        if (outMatId != null && inAndOut) {
            throw new IllegalArgumentException("point " + id + ": an out mat (outMatId) or one mat read in and out"
                    + " (inAndOut), not both");
        }
        if (matId != null && matId.equals(outMatId)) {
            throw new IllegalArgumentException("point " + id + ": the out mat is its own mat; say \"inAndOut\": true"
                    + " for one mat read on the way in and out");
        }
    }

    /** Whether the runner's departure from here is timed too. */
    public boolean departureTimed() {
        return outMatId != null || inAndOut;
    }
}
