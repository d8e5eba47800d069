package fr.pyramidesnoires.timing.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.Set;

/**
 * Runners and races to work out again after an official's decision. The consumer thread does it, so that one
 * thread alone computes and publishes runner timings, and a snapshot never overtakes a newer one.
 */
@ApplicationScoped
public class RecomputeRequests {

    /** What is pending; race-wide requests cover all of the race's runners. */
    public record Pending(Set<String> raceCodes, Set<String> runnerKeys) {
        boolean isEmpty() {
            return raceCodes.isEmpty() && runnerKeys.isEmpty();
        }
    }

    private final Set<String> raceCodes = new HashSet<>();
    private final Set<String> runnerKeys = new HashSet<>();
    private Runnable wakeUp = () -> { };

    synchronized void onRequest(Runnable wakeUp) {
        this.wakeUp = wakeUp;
    }

    public void race(String raceCode) {
        synchronized (this) {
            raceCodes.add(raceCode);
        }
        wakeUp.run();
    }

    public void runner(String raceCode, int bib) {
        synchronized (this) {
            runnerKeys.add(raceCode + "/" + bib);
        }
        wakeUp.run();
    }

    synchronized Pending take() {
        Pending pending = new Pending(Set.copyOf(raceCodes), Set.copyOf(runnerKeys));
        raceCodes.clear();
        runnerKeys.clear();
        return pending;
    }

    /** Puts back what could not be done, to try again. */
    synchronized void putBack(Pending pending) {
        raceCodes.addAll(pending.raceCodes());
        runnerKeys.addAll(pending.runnerKeys());
    }

}
