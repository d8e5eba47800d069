package fr.pyramidesnoires.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a mail the server did not take is tried again: after a minute, then twice as long each time up to an hour,
 * so that a mail server down for a while gets every mail once it is back; after a day the mail is given up, as an
 * address the server keeps refusing will not start taking mail.
 */
public final class MailRetries {

    static final Duration FIRST_WAIT = Duration.ofMinutes(1);
    static final Duration LONGEST_WAIT = Duration.ofHours(1);
    static final Duration GIVE_UP_AFTER = Duration.ofDays(1);

    private MailRetries() {
    }

    /**
     * What a failed attempt leaves on a queued mail.
     *
     * @param nextAttemptAt when to try again; the moment it failed once given up
     * @param gaveUpAt      null while the mail is still tried
     */
    public record Failure(int attempts, String error, Instant nextAttemptAt, Instant gaveUpAt) {
    }

    /**
     * The mail written at {@code createdAt} failed once more at {@code now}, after {@code attemptsBefore} failures.
     * The error is what the server or the connection said; some failures carry no message of their own.
     */
    public static Failure failure(Instant createdAt, int attemptsBefore, Instant now, RuntimeException error) {
        int attempts = attemptsBefore + 1;
        Optional<Instant> next = next(createdAt, attempts, now);
        return new Failure(attempts, error.getMessage() != null ? error.getMessage() : error.toString(),
                next.orElse(now), next.isPresent() ? null : now);
    }

    /** The next attempt after {@code attempts} failed ones, the last at {@code failedAt}; empty once given up. */
    public static Optional<Instant> next(Instant createdAt, int attempts, Instant failedAt) {
        Duration wait = FIRST_WAIT.multipliedBy(1L << Math.min(Math.max(attempts, 1) - 1, 10));
        Instant next = failedAt.plus(wait.compareTo(LONGEST_WAIT) < 0 ? wait : LONGEST_WAIT);
        return next.isAfter(createdAt.plus(GIVE_UP_AFTER)) ? Optional.empty() : Optional.of(next);
    }
}
