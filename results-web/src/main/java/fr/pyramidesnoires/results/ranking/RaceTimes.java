package fr.pyramidesnoires.results.ranking;

import java.time.Duration;

/** How race times are written on results: hours not wrapped at 24, seconds, no milliseconds. */
public final class RaceTimes {

    private RaceTimes() {
    }

    public static String format(Duration time) {
        long seconds = time.toSeconds();
        return String.format("%d:%02d:%02d", seconds / 3600, seconds % 3600 / 60, seconds % 60);
    }

    /**
     * How far behind the leader a runner is: nothing for the leader, and nothing either for a runner who got there
     * before the leader (a leader who passed them later): a gap is never negative.
     */
    public static String gap(Duration behind) {
        if (behind.isNegative()) {
            return null;
        }
        return behind.isZero() ? "" : "+" + format(behind);
    }
}
