package fr.pyramidesnoires.timing.account;

import fr.pyramidesnoires.signin.Passwords;
import fr.pyramidesnoires.timing.course.CourseCatalog;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Makes the stored accounts exactly those of the configuration (environment TIMING_ACCOUNTS in production), so
 * that no password ever sits in code, a password is changed by changing it there, and an account is removed by
 * leaving it out. Format: {@code user:password:role[|role][:scope]}, comma-separated (see {@link AccountSpec}).
 * Anything wrong in the list stops the start, naming the account.
 */
@ApplicationScoped
public class AccountBootstrap {

    private static final Logger LOG = Logger.getLogger(AccountBootstrap.class);

    @ConfigProperty(name = "timing.accounts")
    Optional<List<String>> accounts;

    final CourseCatalog courses;

    AccountBootstrap(CourseCatalog courses) {
        this.courses = courses;
    }

    void onStart(@Observes StartupEvent start) {
        apply(accounts.orElse(List.of()));
    }

    /**
     * Creates the accounts listed and missing, sets every listed account's roles, scope and password, and deletes
     * the accounts not listed. Instances started together take turns (a transaction-long advisory lock): with the
     * same list, the later one finds nothing to change.
     */
    @Transactional
    void apply(List<String> entries) {
        List<AccountSpec> wanted = parse(entries);
        if (wanted.isEmpty()) {
            LOG.warn("No timing account configured (TIMING_ACCOUNTS): nobody can sign in to timing");
        }
        Account.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext('timing.accounts'))) l")
                .getSingleResult();
        Map<String, Account> stored = Account.<Account>listAll().stream()
                .collect(Collectors.toMap(a -> a.username, Function.identity()));
        // one bcrypt check per account, hashing only new and changed passwords: a restart stays quick
        Map<String, String> newHashes = wanted.parallelStream()
                .filter(w -> !stored.containsKey(w.username()) || !stored.get(w.username()).hasPassword(w.password()))
                .collect(Collectors.toConcurrentMap(AccountSpec::username, w -> Passwords.hash(w.password())));
        for (AccountSpec spec : wanted) {
            Account account = stored.remove(spec.username());
            if (account == null) {
                Account.create(spec, newHashes.get(spec.username()));
                LOG.infof("Account %s created with roles %s", spec.username(), spec.roles());
                continue;
            }
            boolean changed = account.setRolesAndScope(spec);
            if (newHashes.containsKey(spec.username())) {
                account.password = newHashes.get(spec.username());
                LOG.infof("Account %s has a new password", spec.username());
            }
            if (changed) {
                LOG.infof("Account %s now has roles %s, scope %s", spec.username(), account.roles, account.scope);
            }
        }
        for (Account gone : stored.values()) {
            gone.delete();
            LOG.infof("Account %s removed: timing.accounts no longer lists it", gone.username);
        }
    }

    private List<AccountSpec> parse(List<String> entries) {
        List<AccountSpec> specs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            AccountSpec spec = AccountSpec.parse(entries.get(i), i + 1);
            if (!names.add(spec.username())) {
                throw new IllegalArgumentException("Account " + spec.username() + " is listed twice in timing.accounts");
            }
            checkScope(spec);
            specs.add(spec);
        }
        return specs;
    }

    /** A point or mat misspelt would lock its volunteer or device out on race day: better not to start. */
    private void checkScope(AccountSpec spec) {
        if (spec.scope() == null) {
            return;
        }
        boolean volunteer = spec.roles().contains(Account.VOLUNTEER);
        Set<String> known = volunteer
                ? courses.courses().stream().flatMap(c -> c.points().stream()).map(p -> p.id())
                        .collect(Collectors.toSet())
                : courses.mats();
        List<String> unknown = spec.scope().ids().stream().filter(id -> !known.contains(id)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Account " + spec.username() + " names " + (volunteer
                    ? "timing points" : "mats") + " the courses do not have: " + String.join(", ", unknown));
        }
    }
}
