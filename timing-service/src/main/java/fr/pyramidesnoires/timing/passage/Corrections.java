package fr.pyramidesnoires.timing.passage;

import fr.pyramidesnoires.events.RunnerTiming.Status;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What officials decided about one runner, applied over what the mats say: a status (DNS, DNF, DSQ), passages
 * added or moved by hand, passages struck out. Later decisions override earlier ones.
 *
 * @param status null while no official has set one
 */
public record Corrections(Status status, Map<Integer, Instant> passageTimes, Set<Integer> removed) {

    public static final Corrections NONE = new Corrections(null, Map.of(), Set.of());

    public Corrections {
        if (status == Status.ON_COURSE || status == Status.FINISHED || status == Status.NOT_STARTED) {
            throw new IllegalArgumentException("an official sets DNS, DNF or DSQ; the mats decide the rest");
        }
        passageTimes = Map.copyOf(passageTimes);
        removed = Set.copyOf(removed);
    }

    /** @param status null clears an earlier status decision */
    public Corrections withStatus(Status status) {
        return new Corrections(status, passageTimes, removed);
    }

    public Corrections withPassage(int order, Instant time) {
        Map<Integer, Instant> times = new HashMap<>(passageTimes);
        times.put(order, time);
        Set<Integer> struck = new HashSet<>(removed);
        struck.remove(order);
        return new Corrections(status, times, struck);
    }

    public Corrections withoutPassage(int order) {
        Map<Integer, Instant> times = new HashMap<>(passageTimes);
        times.remove(order);
        Set<Integer> struck = new HashSet<>(removed);
        struck.add(order);
        return new Corrections(status, times, struck);
    }
}
