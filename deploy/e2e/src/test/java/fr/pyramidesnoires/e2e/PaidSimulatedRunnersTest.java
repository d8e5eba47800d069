package fr.pyramidesnoires.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.payment.emulator.PaymentEmulator;
import fr.pyramidesnoires.simulator.SimulatorMain;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo with payments, as deploy/run.sh starts it: registration-service paid through the payment emulator. Every
 * sample race has a fee, so each simulated runner's place is held until they pay on the emulator's page; they must
 * all end with a bib, and the simulator must pay nothing but the emulator's pages. A runner who cancels is refunded
 * by the sample races' policy.
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

    @Test
    void aRunnerPaysOnTheEmulatorsPageThenCancelsAndIsRefunded() throws Exception {
        JsonPath held = given().baseUri(registration.url()).contentType(ContentType.JSON)
                .body(Map.of("firstName", "Dominique", "lastName", "Rembourse-" + UUID.randomUUID().toString()
                                .substring(0, 6), "sex", "H", "birthDate", "1985-06-01", "raceCode", "35K",
                        "nationality", "FRA", "email", "dominique@example.org", "licenceNumber", Platform.licence()))
                .post("/api/entries").then().statusCode(201).extract().jsonPath();
        assertEquals("HELD", held.getString("status"));
        String entry = "/api/entries/by-token/" + held.getString("token");
        String page = given().baseUri(registration.url()).contentType(ContentType.JSON).post(entry + "/checkout")
                .then().statusCode(201).extract().path("url");
        assertTrue(page.startsWith(stripe.url() + "/pay/"), page);

        given().redirects().follow(false).formParam("action", "pay").post(page).then().statusCode(303);
        JsonPath paid = given().baseUri(registration.url()).get(entry).then().statusCode(200).extract().jsonPath();
        assertEquals("CONFIRMED", paid.getString("status"));
        assertNotNull(paid.get("bib"));
        assertEquals(38.0f, paid.getFloat("paid"));

        given().baseUri(registration.url()).post(entry + "/cancellation").then().statusCode(200);
        long end = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (given().baseUri(registration.url()).get(entry).path("refunded") == null && System.nanoTime() < end) {
            Thread.sleep(500);
        }
        JsonPath cancelled = given().baseUri(registration.url()).get(entry).then().extract().jsonPath();
        assertEquals("CANCELLED", cancelled.getString("status"));
        assertNotNull(cancelled.get("refunded"), "a refund by the race's policy, months before the race");
        assertTrue(cancelled.getFloat("refunded") > 0, "refunded " + cancelled.getFloat("refunded"));
    }

    private static int completedPayments() {
        return (int) stripe.deliveries().stream()
                .filter(d -> d.type().equals("checkout.session.completed") && d.delivered()).count();
    }
}
