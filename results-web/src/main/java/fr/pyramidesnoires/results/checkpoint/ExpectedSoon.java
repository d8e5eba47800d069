package fr.pyramidesnoires.results.checkpoint;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Who spectators standing at a terril will see soon: the runners whose estimated arrival is at most 30 minutes
 * away, the boundary included. A runner whose estimate has already passed is still coming (the estimate is only
 * their pace so far) and is due now, so they are among the soon ones; everyone else comes later.
 */
public final class ExpectedSoon {

    public static final Duration WINDOW = Duration.ofMinutes(30);

    /** @param soon due within the window, in the order given; @param later the others, in the order given */
    public record Split<T>(List<T> soon, List<T> later) {
    }

    private ExpectedSoon() {
    }

    public static boolean soon(Instant expectedAt, Instant now) {
        return !expectedAt.isAfter(now.plus(WINDOW));
    }

    public static <T> Split<T> split(List<T> expected, Function<T, Instant> at, Instant now) {
        return new Split<>(expected.stream().filter(e -> soon(at.apply(e), now)).toList(),
                expected.stream().filter(e -> !soon(at.apply(e), now)).toList());
    }
}
