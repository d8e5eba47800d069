package fr.pyramidesnoires.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.payment.emulator.PaymentEmulator;
import fr.pyramidesnoires.simulator.SimulatorMain;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo with payments, as deploy/run.sh starts it: registration-service paid through the payment emulator. Every
 * sample race has a fee, so each simulated runner's place is held until they pay on the emulator's page; they must
 * all end with a bib, and the simulator must pay nothing but the emulator's pages.
 */
class PaidSimulatedRunnersTest {

    static final Path COURSES = Platform.ROOT.resolve("timing-service/src/main/resources/courses-sample.json");
    static final Instant FIRST_GUN = Instant.parse("2027-03-20T04:00:00Z");

    static PaymentEmulator stripe;
    static Service registration;

    @BeforeAll
    static void startRegistrationPaidThroughTheEmulator() throws Exception {
        // one registration-service on the shared database and topics at a time
        Platform.stopSample();
        String secretKey = "sk_test_" + UUID.randomUUID().toString().replace("-", "");
        String webhookSecret = "whsec_" + UUID.randomUUID().toString().replace("-", "");
        stripe = PaymentEmulator.start(0, secretKey, webhookSecret, null);
        List<String> settings = new ArrayList<>(Platform.stack("EVENT_ZONE=Europe/Paris"));
        settings.addAll(List.of("quarkus.mailer.mock=true", "registration.rate-limit.count=0",
                "registration.payment.provider=stripe", "registration.payment.stripe.secret-key=" + secretKey,
                "registration.payment.stripe.webhook-secret=" + webhookSecret,
                "registration.payment.stripe.api-base=" + stripe.url()));
        registration = Service.start(Platform.ROOT, "registration-service", settings);
        registration.awaitReady(Duration.ofSeconds(90));
        stripe.webhookUrl(registration.url() + "/api/payments/stripe/webhook");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (registration != null) {
            registration.close();
        }
        if (stripe != null) {
            stripe.stop();
        }
    }

    @Test
    void theSimulatedRunnersPayOnTheEmulatorsPageAndAllGetTheirBib() throws Exception {
        int paidBefore = completedPayments();

        var day = SimulatorMain.prepare(registration.url(), COURSES, 12, 31, FIRST_GUN, URI.create(stripe.url()));

        assertEquals(12, day.registeredRunners(), "every runner paid and was given a bib");
        assertEquals(12, completedPayments() - paidBefore, "one payment on the emulator's page per runner");
    }

    @Test
    void withoutTheEmulatorsAddressTheSimulatorPaysNothing() {
        int paidBefore = completedPayments();

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> SimulatorMain.prepare(registration.url(), COURSES, 8, 32, FIRST_GUN));

        assertTrue(refused.getMessage().contains("pays no real provider"), refused.getMessage());
        assertEquals(paidBefore, completedPayments());
    }

    @Test
    void anEmulatorAddressOffThisMachineIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> SimulatorMain.prepare(registration.url(), COURSES, 8, 33, FIRST_GUN,
                        URI.create("https://checkout.stripe.com")));

        assertTrue(refused.getMessage().contains("loopback"), refused.getMessage());
    }

    private static int completedPayments() {
        return (int) stripe.deliveries().stream()
                .filter(d -> d.type().equals("checkout.session.completed") && d.delivered()).count();
    }
}
