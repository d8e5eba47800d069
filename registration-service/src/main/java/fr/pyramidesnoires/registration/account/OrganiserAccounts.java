package fr.pyramidesnoires.registration.account;

import fr.pyramidesnoires.signin.Passwords;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Makes the organiser accounts exactly those of the configuration (ORGANISER_ACCOUNTS, {@code user:password,...}),
 * so that no password sits in code, a password is changed by changing it there, and an account is removed by
 * leaving it out. Anything wrong in the list stops the start, naming the account, never its password.
 */
@ApplicationScoped
public class OrganiserAccounts {

    private static final Logger LOG = Logger.getLogger(OrganiserAccounts.class);

    @ConfigProperty(name = "registration.organiser-accounts")
    Optional<List<String>> accounts;

    void onStart(@Observes StartupEvent start) {
        apply(accounts.orElse(List.of()));
    }

    /**
     * Creates the accounts listed and missing, sets a changed password, deletes the accounts not listed. Instances
     * started together take turns (a transaction-long advisory lock): with the same list, the later one changes
     * nothing.
     */
    @Transactional
    void apply(List<String> entries) {
        Map<String, String> wanted = parse(entries);
        if (wanted.isEmpty()) {
            LOG.warn("No organiser account configured (ORGANISER_ACCOUNTS): nobody can sign in as organiser");
        }
        OrganiserAccount.getEntityManager().createNativeQuery(
                "SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext('registration.organiser-accounts'))) l")
                .getSingleResult();
        Map<String, OrganiserAccount> stored = OrganiserAccount.<OrganiserAccount>listAll().stream()
                .collect(Collectors.toMap(a -> a.username, Function.identity()));
        // one bcrypt check per account, hashing only new and changed passwords: a restart stays quick
        Map<String, String> newHashes = wanted.entrySet().parallelStream()
                .filter(w -> !stored.containsKey(w.getKey())
                        || !Passwords.matches(w.getValue(), stored.get(w.getKey()).passwordHash))
                .collect(Collectors.toConcurrentMap(Map.Entry::getKey, w -> Passwords.hash(w.getValue())));
        for (String username : wanted.keySet()) {
            OrganiserAccount account = stored.remove(username);
            if (account == null) {
                account = new OrganiserAccount();
                account.username = username;
                account.passwordHash = newHashes.get(username);
                account.persist();
                LOG.infof("Organiser account %s created", username);
            } else if (newHashes.containsKey(username)) {
                account.passwordHash = newHashes.get(username);
                LOG.infof("Organiser account %s has a new password", username);
            }
        }
        for (OrganiserAccount gone : stored.values()) {
            gone.delete();
            LOG.infof("Organiser account %s removed: registration.organiser-accounts no longer lists it", gone.username);
        }
    }

    private static Map<String, String> parse(List<String> entries) {
        Map<String, String> accounts = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i);
            // the password may itself hold colons: only the first one separates
            int colon = entry.indexOf(':');
            String username = colon < 0 ? "" : entry.substring(0, colon).strip();
            if (username.isEmpty()) {
                // the entry itself is not quoted: it may hold a password
                throw new IllegalArgumentException("Entry " + (i + 1) + " of registration.organiser-accounts is not"
                        + " user:password");
            }
            String password = entry.substring(colon + 1);
            Passwords.requireStrong(username, password);
            if (accounts.put(username, password) != null) {
                throw new IllegalArgumentException("Organiser account " + username + " is listed twice");
            }
        }
        return accounts;
    }
}
