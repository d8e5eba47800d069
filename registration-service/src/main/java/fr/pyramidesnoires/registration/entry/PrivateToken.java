package fr.pyramidesnoires.registration.entry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret of a runner's private link. The database keeps only its SHA-256, so that a copy of the database, a
 * backup or an organiser's query does not hand out the links: whoever holds a link manages the entry. One round
 * of an unsalted hash is enough for 256 random bits, which no one can guess or try one by one.
 */
public final class PrivateToken {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** 32 bytes in base64url without padding. */
    private static final int LENGTH = 43;

    private PrivateToken() {
    }

    /** 32 random bytes: the private link cannot be guessed or enumerated. */
    static String next() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Whether a link could be one this service gave: anything else (a mistyped link, a NUL, a megabyte) is
     * answered as an unknown link without reaching the database.
     */
    static boolean couldBeOne(String token) {
        if (token == null || token.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = token.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** What the database keeps: the hex SHA-256 of the token's UTF-8, as migration V4 computed for older entries. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
