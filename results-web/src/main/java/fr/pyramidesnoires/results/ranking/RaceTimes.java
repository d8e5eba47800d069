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

    public static String gap(Duration behind) {
        return behind.isZero() ? "" : "+" + format(behind);
    }
}
