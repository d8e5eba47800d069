package fr.pyramidesnoires.events;

import java.time.Instant;
import java.util.List;

/**
 * Everything timing knows of one runner, published whole after every change. Consumers replace what they had
 * for the key: a snapshot is idempotent and order-free, and a compacted topic replays the race from scratch.
 *
 * @param gunStart   the race's start signal, null until an official sets it
 * @param passages   in course order
 * @param gunTimeMs  official time, start signal to finish, null until finished
 * @param chipTimeMs net time, start mat to finish, null until finished or when the start mat missed the chip
 */
public record RunnerTiming(
        String raceCode,
        int bib,
        Status status,
        Instant gunStart,
        List<Passage> passages,
        Long gunTimeMs,
        Long chipTimeMs) {

    public enum Status {
        NOT_STARTED, ON_COURSE, FINISHED, DNS, DNF, DSQ
    }

    /**
     * @param order position of the timing point in the course, 0 for the start
     */
    public record Passage(int order, String pointId, String pointName, double km, Instant time) {
    }

    public String key() {
        return key(raceCode, bib);
    }

    public static String key(String raceCode, int bib) {
        return raceCode + "/" + bib;
    }
}
