package fr.pyramidesnoires.timing.passage;

import fr.pyramidesnoires.events.RunnerTiming.Status;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What officials decided about one runner, applied over what the mats say: a status (DNS, DNF, DSQ), passages
 * added or moved by hand, departures from aid stations set by hand, passages struck out. Later decisions override
 * earlier ones.
 *
 * @param status         null while no official has set one
 * @param passageTimes   arrivals set by hand, by point order
 * @param departureTimes departures set by hand, by point order, at points timed on departure
 */
public record Corrections(Status status, Map<Integer, Instant> passageTimes, Map<Integer, Instant> departureTimes,
                          Set<Integer> removed) {

    public static final Corrections NONE = new Corrections(null, Map.of(), Map.of(), Set.of());

    public Corrections {
        if (status == Status.ON_COURSE || status == Status.FINISHED || status == Status.NOT_STARTED) {
            throw new IllegalArgumentException("an official sets DNS, DNF or DSQ; the mats decide the rest");
        }
        passageTimes = Map.copyOf(passageTimes);
        departureTimes = Map.copyOf(departureTimes);
        removed = Set.copyOf(removed);
    }

    /** @param status null clears an earlier status decision */
    public Corrections withStatus(Status status) {
        return new Corrections(status, passageTimes, departureTimes, removed);
    }

    public Corrections withPassage(int order, Instant time) {
        Map<Integer, Instant> times = new HashMap<>(passageTimes);
        times.put(order, time);
        return new Corrections(status, times, departureTimes, without(removed, order));
    }

    /** A departure set by hand stands for the passage too: the runner was there. */
    public Corrections withDeparture(int order, Instant time) {
        Map<Integer, Instant> times = new HashMap<>(departureTimes);
        times.put(order, time);
        return new Corrections(status, passageTimes, times, without(removed, order));
    }

    /** Strikes the passage out, its departure with it. */
    public Corrections withoutPassage(int order) {
        Map<Integer, Instant> times = new HashMap<>(passageTimes);
        times.remove(order);
        Map<Integer, Instant> departures = new HashMap<>(departureTimes);
        departures.remove(order);
        Set<Integer> struck = new HashSet<>(removed);
        struck.add(order);
        return new Corrections(status, times, departures, struck);
    }

    private static Set<Integer> without(Set<Integer> orders, int order) {
        Set<Integer> left = new HashSet<>(orders);
        left.remove(order);
        return left;
    }
}
