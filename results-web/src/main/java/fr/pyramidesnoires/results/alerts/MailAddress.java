package fr.pyramidesnoires.results.alerts;

import java.util.Locale;
import java.util.Optional;

/**
 * An address a follower types: something a mail server may deliver to, or the reason it is not. Only the shape is
 * checked; the confirmation mail proves the address is theirs.
 */
public final class MailAddress {

    /** The longest path a mail server takes (RFC 5321). */
    static final int LONGEST = 254;

    private MailAddress() {
    }

    /**
     * The address as stored, lower case and without surrounding spaces, so that the same address typed twice is one
     * follower; empty when it cannot be an address.
     */
    public static Optional<String> of(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String address = typed.strip().toLowerCase(Locale.ROOT);
        int at = address.lastIndexOf('@');
        if (address.isEmpty() || address.length() > LONGEST || at < 1 || at != address.indexOf('@')) {
            return Optional.empty();
        }
        String domain = address.substring(at + 1);
        boolean plain = address.chars().allMatch(c -> c > ' ' && c < 127 && c != '<' && c != '>' && c != ','
                && c != ';' && c != '"' && c != '\\' && c != '(' && c != ')');
        boolean dottedDomain = domain.contains(".") && !domain.startsWith(".") && !domain.endsWith(".")
                && !domain.contains("..");
        return plain && dottedDomain ? Optional.of(address) : Optional.empty();
    }
}
