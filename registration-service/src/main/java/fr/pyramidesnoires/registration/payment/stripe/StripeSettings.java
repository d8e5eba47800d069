package fr.pyramidesnoires.registration.payment.stripe;

import fr.pyramidesnoires.registration.payment.PaymentProvider;
import io.quarkus.arc.lookup.LookupIfProperty;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which payment provider registration uses (PAYMENT_PROVIDER: none or stripe) and Stripe's keys, read at start-up:
 * with stripe, a missing key stops the service naming its setting, rather than failing at a runner's first payment.
 * With none, no PaymentProvider resolves and entries are not paid online.
 */
@Startup
@ApplicationScoped
public class StripeSettings {

    static final String PROVIDER = "registration.payment.provider";
    private static final String SECRET_KEY = "registration.payment.stripe.secret-key";
    private static final String WEBHOOK_SECRET = "registration.payment.stripe.webhook-secret";

    private final StripeProvider stripe;

    StripeSettings(@ConfigProperty(name = PROVIDER) String provider,
                   @ConfigProperty(name = "registration.payment.stripe.api-base") String apiBase,
                   @ConfigProperty(name = SECRET_KEY) Optional<String> secretKey,
                   @ConfigProperty(name = SECRET_KEY + "-file") Optional<Path> secretKeyFile,
                   @ConfigProperty(name = WEBHOOK_SECRET) Optional<String> webhookSecret,
                   @ConfigProperty(name = WEBHOOK_SECRET + "-file") Optional<Path> webhookSecretFile) {
        this.stripe = switch (provider) {
            case "none" -> null;
            case "stripe" -> new StripeProvider(apiBase, secret(SECRET_KEY, secretKey, secretKeyFile),
                    secret(WEBHOOK_SECRET, webhookSecret, webhookSecretFile));
            default -> throw new IllegalStateException(PROVIDER + " (PAYMENT_PROVIDER) is '" + provider
                    + "': it must be none or stripe");
        };
    }

    /** Stripe, when it is the provider; the bean is not there for a lookup otherwise. */
    @Produces
    @ApplicationScoped
    @LookupIfProperty(name = PROVIDER, stringValue = "stripe")
    PaymentProvider stripe() {
        return stripe;
    }

    /** The secret given itself, or in a file (a container secret); never both, and never logged. */
    private static String secret(String setting, Optional<String> value, Optional<Path> file) {
        if (value.isPresent() && file.isPresent()) {
            throw new IllegalStateException("set " + setting + " or " + setting + "-file, not both");
        }
        if (value.isPresent()) {
            return value.get().strip();
        }
        if (file.isEmpty()) {
            throw new IllegalStateException(setting + " (or " + setting + "-file) is missing: Stripe needs it");
        }
        try {
            String secret = Files.readString(file.get()).strip();
            if (secret.isEmpty()) {
                throw new IllegalStateException(setting + "-file " + file.get() + " is empty");
            }
            return secret;
        } catch (IOException e) {
            throw new IllegalStateException(setting + "-file " + file.get() + " cannot be read: " + e, e);
        }
    }
}
