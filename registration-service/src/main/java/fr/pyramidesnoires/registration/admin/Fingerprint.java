package fr.pyramidesnoires.registration.admin;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What an organiser's form saw when it was loaded, in a few characters: a page that sends every field compares it
 * with the stored values, so that saving a form opened before someone else's change does not undo that change.
 */
final class Fingerprint {

    private Fingerprint() {
    }

    /**
     * Compares the form with what is stored and applies the change in one transaction, under the lock the change
     * takes, held until it commits: no one else's change can land between the comparison and this one.
     *
     * @param lockedCurrent locks what the form shows, answering its fingerprint as it is now
     * @return the current fingerprint when the form is stale, nothing then being changed; empty once applied
     */
    static Optional<String> applyUnlessChanged(String loaded, Supplier<String> lockedCurrent, Runnable change) {
        return QuarkusTransaction.requiringNew().call(() -> {
            String current = lockedCurrent.get();
            if (!current.equals(loaded)) {
                return Optional.of(current);
            }
            change.run();
            return Optional.empty();
        });
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
