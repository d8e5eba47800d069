package fr.pyramidesnoires.results.ranking;

import fr.pyramidesnoires.events.RunnerTiming;
import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One runner as the ranking sees them: the group they compete in, where the officials say they stand, where their
 * chip was read and, once finished, their official time.
 *
 * @param sex            "F", "H" (men) or "X" (non-binary), as entries carry it
 * @param category       the race's own category: an FFA code ("M2"), an age group ("40-49"), any text
 * @param passages       when the runner crossed each timing point, keyed by the point's order along the course:
 *                       0 for the start, the finish has the highest order; null is taken as no passage yet
 * @param officialTimeMs gun time, start signal to finish, in milliseconds; null while unknown
 */
public record Competitor(
        int bib,
        String sex,
        String category,
        RunnerTiming.Status status,
        SortedMap<Integer, Instant> passages,
        Long officialTimeMs) {

    public Competitor {
        Objects.requireNonNull(status, "status");
        passages = inCourseOrder(passages);
        if (officialTimeMs != null && officialTimeMs < 0) {
            throw new IllegalArgumentException("bib " + bib + ": negative official time " + officialTimeMs);
        }
    }

    /** The order of the furthest timing point the runner's chip was read at; empty before any read. */
    public OptionalInt furthestOrder() {
        return passages.isEmpty() ? OptionalInt.empty() : OptionalInt.of(passages.lastKey());
    }

    /** When the runner reached their furthest point: the finish crossing, for a finisher whose finish was read. */
    public Optional<Instant> furthestTime() {
        return passages.isEmpty() ? Optional.empty() : Optional.of(passages.get(passages.lastKey()));
    }

    /** When the runner crossed the timing point of that order; empty if their chip was not read there. */
    public Optional<Instant> timeAt(int order) {
        return Optional.ofNullable(passages.get(order));
    }

    // A fresh map in natural order: the caller's map may sort by another comparator, and changing it later must
    // not change a ranking already worked out.
    private static SortedMap<Integer, Instant> inCourseOrder(SortedMap<Integer, Instant> passages) {
        TreeMap<Integer, Instant> copy = new TreeMap<>();
        if (passages != null) {
            passages.forEach((order, time) -> {
                if (order == null || order < 0) {
                    throw new IllegalArgumentException("timing point order must be 0 (start) or more: " + order);
                }
                copy.put(order, Objects.requireNonNull(time, "time of the passage at point " + order));
            });
        }
        return Collections.unmodifiableSortedMap(copy);
    }
}
