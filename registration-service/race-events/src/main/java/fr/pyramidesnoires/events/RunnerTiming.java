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
     * Why timing doubts a passage. A doubtful passage is published, for the runner and their crew to see, but is
     * no fact to rank or count until an official confirms it (by setting it) or strikes it out.
     */
    public enum Doubt {
        /** the same time, to the second, as the runner's passage at the point before or after it */
        SAME_AS_NEIGHBOUR,
        /** not after the runner's passage at the point before it */
        OUT_OF_SEQUENCE,
        /** the segment from the point before is faster than the event takes as humanly possible */
        TOO_FAST
    }

    /**
     * @param order     position of the timing point in the course, 0 for the start
     * @param time      the arrival at the point
     * @param doubtful  why the passage is doubtful, null when it is good
     * @param departure when the runner left an aid station timed on the way out too; null at a point that times
     *                  only the arrival, and until the runner leaves
     */
    public record Passage(int order, String pointId, String pointName, double km, Instant time, Doubt doubtful,
                          Instant departure) {

        /** A good passage, at a point that times the arrival only. */
        public Passage(int order, String pointId, String pointName, double km, Instant time) {
            this(order, pointId, pointName, km, time, null, null);
        }

        /** A passage at a point that times the arrival only. */
        public Passage(int order, String pointId, String pointName, double km, Instant time, Doubt doubtful) {
            this(order, pointId, pointName, km, time, doubtful, null);
        }

        public Passage doubted(Doubt why) {
            return new Passage(order, pointId, pointName, km, time, why, departure);
        }

        public Passage departed(Instant at) {
            return new Passage(order, pointId, pointName, km, time, doubtful, at);
        }
    }

    public String key() {
        return key(raceCode, bib);
    }

    public static String key(String raceCode, int bib) {
        return raceCode + "/" + bib;
    }
}
