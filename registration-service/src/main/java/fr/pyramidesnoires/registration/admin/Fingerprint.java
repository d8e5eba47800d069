package fr.pyramidesnoires.registration.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * What an organiser's form saw when it was loaded, in a few characters: a page that sends every field compares it
 * with the stored values, so that saving a form opened before someone else's change does not undo that change.
 */
final class Fingerprint {

    private Fingerprint() {
    }

    static String of(Object... values) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Object value : values) {
                digest.update(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
                // a separator no field holds: ("ab", "c") and ("a", "bc") differ
                digest.update((byte) 0);
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
