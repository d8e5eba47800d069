package fr.pyramidesnoires.timing.account;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Where an account may act: the timing points a volunteer records at, the mats a device reads for. Written
 * {@code id|id} in TIMING_ACCOUNTS, or {@code *} for every one of them.
 *
 * @param ids the points or mats; empty when {@code everywhere}
 */
public record Scope(boolean everywhere, Set<String> ids) {

    public static final String ALL = "*";
    /** The scope of an account that has none: nowhere. */
    static final Scope NOWHERE = new Scope(false, Set.of());

    static Scope parse(String text) {
        if (text == null || text.isBlank()) {
            return NOWHERE;
        }
        if (text.strip().equals(ALL)) {
            return new Scope(true, Set.of());
        }
        Set<String> ids = new LinkedHashSet<>();
        Arrays.stream(text.split("\\|")).map(String::strip).filter(id -> !id.isEmpty()).forEach(ids::add);
        return new Scope(false, Set.copyOf(ids));
    }

    /** The scope of whoever signed in; nowhere for an account that has none (an official's). */
    public static Scope of(SecurityIdentity identity) {
        Scope scope = identity.getAttribute(AccountIdentityProvider.SCOPE);
        return scope == null ? NOWHERE : scope;
    }

    public boolean allows(String id) {
        return everywhere || ids.contains(id);
    }

    @Override
    public String toString() {
        return everywhere ? ALL : String.join("|", ids.stream().sorted().toList());
    }
}
