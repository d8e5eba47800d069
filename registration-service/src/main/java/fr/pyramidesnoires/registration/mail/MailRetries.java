package fr.pyramidesnoires.registration.mail;

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

    /** The next attempt after {@code attempts} failed ones, the last at {@code failedAt}; empty once given up. */
    public static Optional<Instant> next(Instant createdAt, int attempts, Instant failedAt) {
        Duration wait = FIRST_WAIT.multipliedBy(1L << Math.min(Math.max(attempts, 1) - 1, 10));
        Instant next = failedAt.plus(wait.compareTo(LONGEST_WAIT) < 0 ? wait : LONGEST_WAIT);
        return next.isAfter(createdAt.plus(GIVE_UP_AFTER)) ? Optional.empty() : Optional.of(next);
    }
}
