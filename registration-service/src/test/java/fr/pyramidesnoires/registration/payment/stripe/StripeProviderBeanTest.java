package fr.pyramidesnoires.registration.payment.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.registration.payment.PaymentProvider;
import fr.pyramidesnoires.registration.payment.PaymentProvider.Checkout;
import fr.pyramidesnoires.registration.payment.PaymentProvider.CheckoutRequest;
import fr.pyramidesnoires.registration.payment.PaymentProvider.CheckoutStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** With PAYMENT_PROVIDER=stripe the service has exactly one payment provider: Stripe, at the configured api base. */
@QuarkusTest
@TestProfile(EmulatedStripe.class)
class StripeProviderBeanTest {

    @Inject
    Instance<PaymentProvider> providers;

    @Test
    void stripeIsTheOneProviderAndTalksToTheConfiguredStripe() {
        assertTrue(providers.isResolvable());
        assertEquals(1, providers.stream().count());
        PaymentProvider stripe = providers.get();
        assertFalse(stripe.live(), "the emulator is not the live Stripe");

        Checkout checkout = stripe.openCheckout(new CheckoutRequest("bean-test", "payment-bean", 1800, "EUR",
                "Trail des Pyramides Noires 10 km", "runner@example.org", "http://localhost/return?c={CHECKOUT_ID}",
                "http://localhost/cancelled", Instant.now().plus(Duration.ofHours(1))));
        EmulatedStripe.emulator().pay(checkout.id());

        assertEquals(CheckoutStatus.PAID, stripe.checkout(checkout.id()).status());
    }
}
