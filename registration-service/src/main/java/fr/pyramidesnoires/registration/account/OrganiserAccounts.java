package fr.pyramidesnoires.registration.account;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the organiser accounts named in configuration (ORGANISER_ACCOUNTS, {@code user:password,...}) that do
 * not exist yet, so that no password sits in code; an existing account keeps its password.
 */
@ApplicationScoped
public class OrganiserAccounts {

    private static final Logger LOG = Logger.getLogger(OrganiserAccounts.class);

    @ConfigProperty(name = "registration.organiser-accounts")
    Optional<List<String>> accounts;

    @Transactional
    void create(@Observes StartupEvent start) {
        for (String account : accounts.orElse(List.of())) {
            int colon = account.indexOf(':');
            if (colon < 1 || colon == account.length() - 1) {
                // the entry itself is not repeated: it may hold a password
                throw new IllegalArgumentException("registration.organiser-accounts wants user:password,...");
            }
            // the password may itself hold colons: only the first one separates
            String username = account.substring(0, colon).strip();
            if (OrganiserAccount.named(username) == null) {
                OrganiserAccount.create(username, account.substring(colon + 1));
                LOG.infof("Organiser account %s created", username);
            }
        }
    }
}
