package fr.pyramidesnoires.events.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits in tests for what a service does in the background (a relay, a consumer, a browser's sync): it looks again
 * and again until it sees what is wanted, or fails saying what never came, with the last thing seen.
 */
public final class Eventually {

    private static final long LOOK_EVERY_MILLIS = 100;

    private Eventually() {
    }

    /** The first look that is wanted, within the timeout. */
    public static <T> T until(Supplier<T> look, Predicate<? super T> wanted, Duration timeout,
                              Function<? super T, String> never) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            T seen = look.get();
            if (wanted.test(seen)) {
                return seen;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(never.apply(seen));
            }
            try {
                Thread.sleep(LOOK_EVERY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting: " + never.apply(seen), e);
            }
        }
    }

    public static void until(BooleanSupplier condition, Duration timeout, String never) {
        until(condition::getAsBoolean, Boolean::booleanValue, timeout, seen -> never);
    }
}
