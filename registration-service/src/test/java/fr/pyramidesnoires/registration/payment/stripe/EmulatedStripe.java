package fr.pyramidesnoires.registration.payment.stripe;

import fr.pyramidesnoires.payment.emulator.PaymentEmulator;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

/**
 * Registration paid through Stripe, played by the payment emulator on loopback: @TestProfile(EmulatedStripe.class).
 * The emulator outlives the profile's tests, which share it; each points its webhooks at the service once started
 * (its port is chosen then), e.g. {@code EmulatedStripe.emulator().webhookUrl(webhook.toString())} with a
 * {@code @TestHTTPResource("/api/payments/stripe/webhook") URL webhook}.
 */
public class EmulatedStripe implements QuarkusTestProfile {

    public static final String SECRET_KEY = "sk_test_emulated";
    public static final String WEBHOOK_SECRET = "whsec_emulated";

    public static final Duration HOLD = Duration.ofSeconds(5);

    private static PaymentEmulator emulator;

    public static synchronized PaymentEmulator emulator() {
        if (emulator == null) {
            try {
                emulator = PaymentEmulator.start(0, SECRET_KEY, WEBHOOK_SECRET, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return emulator;
    }

    /**
     * For a test of the profile once the service is started: the provider up and its notifications coming to this
     * service, whatever an earlier test left.
     */
    public static void answeringThisService() {
        emulator().up();
        emulator().webhookUrl(RestAssured.baseURI + ":" + RestAssured.port + "/api/payments/stripe/webhook");
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("registration.payment.provider", "stripe",
                "registration.payment.stripe.api-base", emulator().url(),
                "registration.payment.stripe.secret-key", SECRET_KEY,
                "registration.payment.stripe.webhook-secret", WEBHOOK_SECRET,
                // short enough for a test to watch a hold and an offer run out, and the sweeper end them
                "registration.payment.hold", HOLD.toString(), "registration.payment.offer", HOLD.toString(),
                "registration.payment.sweep-every", "PT0.3S");
    }
}
