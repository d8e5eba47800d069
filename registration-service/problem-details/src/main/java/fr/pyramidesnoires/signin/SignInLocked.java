package fr.pyramidesnoires.signin;

import java.time.Duration;

/** A sign-in refused without checking the password: its user name or its address failed too often lately. */
public class SignInLocked extends RuntimeException {

    private final Duration retryAfter;

    public SignInLocked(Duration retryAfter) {
        super("sign-in locked for " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, rounded up, as the Retry-After header wants them. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
