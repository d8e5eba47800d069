package fr.pyramidesnoires.timing.passage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A chip on a mat is read many times as the runner crosses it. Reads that follow each other within the window
 * are one crossing; a longer silence starts the next crossing (a loop that passes the same mat again).
 */
public final class Crossings {

    private Crossings() {
    }

    /**
     * @param keepLast true for the start mat, where runners wait on the mat and their start is when they leave
     *                 it; every other mat keeps the first read, the moment the runner reached it
     * @return one time per crossing, earliest first; the same whatever order the reads came in
     */
    public static List<Instant> of(Collection<Instant> reads, Duration window, boolean keepLast) {
        List<Instant> sorted = reads.stream().sorted().toList();
        List<Instant> crossings = new ArrayList<>();
        Instant first = null;
        Instant previous = null;
        for (Instant read : sorted) {
            if (previous != null && Duration.between(previous, read).compareTo(window) > 0) {
                crossings.add(keepLast ? previous : first);
                first = null;
            }
            if (first == null) {
                first = read;
            }
            previous = read;
        }
        if (previous != null) {
            crossings.add(keepLast ? previous : first);
        }
        return crossings;
    }
}
