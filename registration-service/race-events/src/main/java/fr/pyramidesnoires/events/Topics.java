package fr.pyramidesnoires.events;

/**
 * The platform's topics. Partition counts are documented in the README and created by deploy/stack.sh.
 */
public final class Topics {

    /**
     * {@link EntryEvent}s, keyed by entry id, produced by registration-service. One partition: a bib freed by one
     * entry goes to another, so consumers must apply entries in the order registration committed them.
     */
    public static final String ENTRIES = "entries";

    /** {@link RaceEvent}s, keyed by race code, produced by registration-service. */
    public static final String RACES = "races";

    /** {@link CourseEvent}s, keyed by race code, produced by timing-service. */
    public static final String COURSES = "courses";

    /** {@link ChipRead}s, keyed by chip id so one chip's reads stay in order where they can. */
    public static final String CHIP_READS = "chip-reads";

    /** {@link RunnerTiming} snapshots, keyed by {@link RunnerTiming#key()}, produced by timing-service. */
    public static final String RUNNER_TIMINGS = "runner-timings";

    /**
     * {@link PastResults} of the event's past editions, one message per edition and race keyed by
     * {@link PastResults#key()}, produced by registration-service from the organiser's import.
     */
    public static final String PAST_RESULTS = "past-results";

    private Topics() {
    }
}
