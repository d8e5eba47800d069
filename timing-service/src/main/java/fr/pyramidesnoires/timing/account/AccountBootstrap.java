package fr.pyramidesnoires.timing.account;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the accounts named in configuration (environment TIMING_ACCOUNTS in production) that do not exist yet,
 * so that no password ever sits in code. Format: {@code user:password:role|role[:point]}, comma-separated.
 */
@ApplicationScoped
public class AccountBootstrap {

    private static final Logger LOG = Logger.getLogger(AccountBootstrap.class);

    @ConfigProperty(name = "timing.accounts")
    Optional<List<String>> accounts;

    @Transactional
    void create(@Observes StartupEvent start) {
        for (String spec : accounts.orElse(List.of())) {
            String[] parts = spec.strip().split(":");
            if (parts.length < 3) {
                throw new IllegalArgumentException("timing.accounts entry needs user:password:roles[:point]");
            }
            if (Account.named(parts[0]) == null) {
                Account.create(parts[0], parts[1], parts[2].replace('|', ','), parts.length > 3 ? parts[3] : null);
                LOG.infof("Account %s created with roles %s", parts[0], parts[2]);
            }
        }
    }
}
