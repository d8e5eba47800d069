package fr.pyramidesnoires.results.ranking;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The time finishers rank on: their official (gun) time.
 *
 * <p>Timing leaves the official time empty until an official sets the start signal. The start is a mass start, one
 * signal for every runner of the race, so finish crossings alone order finishers exactly as gun times would. When
 * only some finishers lack an official time (a manual correction, say), the signal the others' times imply puts
 * their crossings on the same scale, so an official time is never compared with a bare clock time.
 */
final class FinishTimes {

    private FinishTimes() {
    }

    /**
     * @return each finisher's time in ms, comparable only with the other times from the same call; null when nothing
     *         places the finisher (no official time and no finish crossing), who then ranks after every timed finisher
     */
    static Function<Competitor, Long> of(Collection<Competitor> finishers) {
        Optional<Instant> startSignal = impliedStartSignal(finishers);
        boolean noOfficialTimes = finishers.stream().allMatch(finisher -> finisher.officialTimeMs() == null);
        return finisher -> {
            if (finisher.officialTimeMs() != null) {
                return finisher.officialTimeMs();
            }
            Optional<Instant> crossing = finisher.furthestTime();
            if (crossing.isEmpty()) {
                return null;
            }
            if (startSignal.isPresent()) {
                return Duration.between(startSignal.get(), crossing.get()).toMillis();
            }
            return noOfficialTimes ? crossing.get().toEpochMilli() : null;
        };
    }

    // An official may have corrected a few times (a penalty, a chip glitch), which shifts the start they imply;
    // the untouched majority all imply the true signal, so the middle value is it.
    private static Optional<Instant> impliedStartSignal(Collection<Competitor> finishers) {
        List<Instant> implied = finishers.stream()
                .filter(finisher -> finisher.officialTimeMs() != null)
                .flatMap(finisher -> finisher.furthestTime()
                        .map(crossing -> crossing.minusMillis(finisher.officialTimeMs()))
                        .stream())
                .sorted()
                .toList();
        return implied.isEmpty() ? Optional.empty() : Optional.of(implied.get((implied.size() - 1) / 2));
    }
}
