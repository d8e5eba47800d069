package fr.pyramidesnoires.signin;

import io.quarkus.elytron.security.common.BcryptUtil;
import java.util.UUID;

/** The password rules of every account of the platform: organisers, officials, volunteers, devices. */
public final class Passwords {

    public static final int MIN_LENGTH = 12;

    /**
     * What a password is checked against when no account has the name: the same bcrypt work as for a real
     * account, so that the time of an answer does not tell which names exist. A hash of a random text, made like
     * every stored one, so it has their cost.
     */
    static final String DUMMY_HASH = hash(UUID.randomUUID().toString());

    private Passwords() {
    }

    /**
     * @param account named in the refusal; the password never is
     * @throws IllegalArgumentException when the password is empty or shorter than {@link #MIN_LENGTH} characters
     */
    public static void requireStrong(String account, String password) {
        if (password == null || password.isBlank()) {
            throw new IllegalArgumentException("Account " + account + " has an empty password");
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new IllegalArgumentException("Account " + account + " has a password shorter than " + MIN_LENGTH
                    + " characters");
        }
    }

    public static String hash(String clearPassword) {
        return BcryptUtil.bcryptHash(clearPassword);
    }

    /** Whether a stored hash is that of this password (start-up uses it to re-hash only a changed password). */
    public static boolean matches(String clearPassword, String hash) {
        return BcryptUtil.matches(clearPassword, hash);
    }
}
