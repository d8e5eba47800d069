package fr.pyramidesnoires.timing.course;

import java.time.Duration;

/**
 * A place on the course where runners are timed. Several points may share a mat (a mat on a terril that
 * two races cross, or a loop passing the same mat twice).
 *
 * @param elevationGainM climb from the start to here, for pace and km-effort
 * @param cutoff         latest passage allowed, counted from the gun; null where there is none
 */
public record TimingPoint(String id, String name, String matId, double km, int elevationGainM, Duration cutoff) {
}
