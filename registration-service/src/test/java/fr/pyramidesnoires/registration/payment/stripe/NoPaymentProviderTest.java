package fr.pyramidesnoires.registration.payment.stripe;

import static org.junit.jupiter.api.Assertions.assertFalse;

import fr.pyramidesnoires.registration.payment.PaymentProvider;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Without PAYMENT_PROVIDER (none) no payment provider resolves, whatever Stripe settings are left unset. */
@QuarkusTest
class NoPaymentProviderTest {

    @Inject
    Instance<PaymentProvider> providers;

    @Test
    void noProviderResolves() {
        assertFalse(providers.isResolvable());
    }
}
