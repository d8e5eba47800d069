package fr.pyramidesnoires.timing.ingest;

import fr.pyramidesnoires.events.RunnerTiming;

/**
 * A runner-timings message to send once the batch is stored: a snapshot, or a tombstone (null timing) when the
 * key no longer names a runner (entry cancelled, bib changed).
 */
record Publication(String key, RunnerTiming timing) {

    static Publication of(RunnerTiming timing) {
        return new Publication(timing.key(), timing);
    }

    static Publication tombstone(String raceCode, int bib) {
        return new Publication(RunnerTiming.key(raceCode, bib), null);
    }
}
