package fr.pyramidesnoires.timing.ingest;

import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.timing.kafka.EventPublisher.Message;

/** The runner-timings messages a stored batch gives. */
final class Publication {

    private Publication() {
    }

    static Message of(RunnerTiming timing) {
        return new Message(Topics.RUNNER_TIMINGS, timing.key(), timing);
    }

    /** The key no longer names a runner (entry cancelled, bib changed): consumers drop what they had. */
    static Message tombstone(String raceCode, int bib) {
        return new Message(Topics.RUNNER_TIMINGS, RunnerTiming.key(raceCode, bib), null);
    }
}
