package fr.pyramidesnoires.results.alerts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret part of a link mailed to a follower, which confirms or stops their alerts without an account. Only its
 * hash is kept: whoever reads the database cannot stop anyone's alerts nor learn a link.
 */
final class MailLink {

    private static final SecureRandom RANDOM = new SecureRandom();

    private MailLink() {
    }

    /** 256 random bits, URL-safe. */
    static String next() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
