package fr.pyramidesnoires.registration.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether the event takes payments, and how long a place waits for one. Without a provider (the default) entries
 * are confirmed at once and the fee is paid elsewhere, as before.
 */
@ApplicationScoped
public class PaymentSettings {

    final Instance<PaymentProvider> providers;
    final Duration hold;
    final Duration offer;

    PaymentSettings(Instance<PaymentProvider> providers,
                    @ConfigProperty(name = "registration.payment.hold") Duration hold,
                    @ConfigProperty(name = "registration.payment.offer") Duration offer) {
        this.providers = providers;
        this.hold = hold;
        this.offer = offer;
    }

    public Optional<PaymentProvider> provider() {
        return providers.isResolvable() ? Optional.of(providers.get()) : Optional.empty();
    }

    /** Whether an entry owing this much waits for its payment before it is confirmed. */
    public boolean waitsForPayment(long amountDueCents) {
        return amountDueCents > 0 && providers.isResolvable();
    }

    /** How long a runner who just registered has to pay. */
    public Duration hold() {
        return hold;
    }

    /** How long a waitlisted runner offered a freed place has to pay, through the link they are sent. */
    public Duration offer() {
        return offer;
    }
}
