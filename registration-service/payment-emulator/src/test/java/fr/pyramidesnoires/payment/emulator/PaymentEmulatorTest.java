package fr.pyramidesnoires.payment.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a drill does with curl: the emulator's controls over HTTP, and the Stripe answers that registration's
 * StripeProviderTest does not reach through stripe-java (Stripe's own refusals of a key used twice).
 */
class PaymentEmulatorTest {

    private static final String KEY = "sk_test_drill";
    private final HttpClient http = HttpClient.newHttpClient();
    private PaymentEmulator emulator;

    @BeforeEach
    void start() throws Exception {
        // nobody listens for the webhooks: their failure is recorded, not thrown
        emulator = PaymentEmulator.start(0, KEY, "whsec_drill", "http://127.0.0.1:9/webhook");
    }

    @AfterEach
    void stop() {
        emulator.stop();
    }

    private HttpResponse<String> call(String method, String path, String form, String idempotencyKey)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.url() + path))
                .header("Authorization", "Bearer " + KEY)
                .method(method, form == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(form));
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String session(long amountCents) {
        long expiresAt = Instant.now().plusSeconds(3600).getEpochSecond();
        return "mode=payment&line_items[0][quantity]=1&line_items[0][price_data][currency]=eur"
                + "&line_items[0][price_data][unit_amount]=" + amountCents
                + "&line_items[0][price_data][product_data][name]=Trail&success_url=http://x/ok&expires_at=" + expiresAt;
    }

    private static String id(String json) {
        Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(json);
        assertTrue(id.find(), json);
        return id.group(1);
    }

    @Test
    void aDrillPaysTakesStripeDownAndReadsTheWebhooksOverHttp() throws Exception {
        String id = id(call("POST", "/v1/checkout/sessions", session(2500), null).body());

        HttpResponse<String> paid = call("POST", "/emulator/sessions/" + id + "/pay", null, null);
        assertEquals(200, paid.statusCode());
        assertTrue(paid.body().contains("\"type\":\"checkout.session.completed\""), paid.body());
        assertTrue(paid.body().contains("\"status\":0"), "nobody listened: " + paid.body());
        assertEquals(409, call("POST", "/emulator/sessions/" + id + "/pay", null, null).statusCode(),
                "paid once only");

        assertEquals(204, call("POST", "/emulator/down", null, null).statusCode());
        HttpResponse<String> down = call("GET", "/v1/checkout/sessions/" + id, null, null);
        assertEquals(503, down.statusCode());
        assertTrue(down.body().contains("\"type\":\"api_error\""), down.body());
        assertEquals(204, call("POST", "/emulator/up", null, null).statusCode());
        assertTrue(call("GET", "/v1/checkout/sessions/" + id, null, null).body().contains("\"payment_status\":\"paid\""));

        HttpResponse<String> deliveries = call("GET", "/emulator/deliveries", null, null);
        assertTrue(deliveries.body().contains("\"signatureHeader\":\"t="), deliveries.body());
        assertEquals(200, call("POST", "/emulator/deliveries/0/replay", null, null).statusCode());
        assertEquals(2, emulator.deliveries().size());
        assertFalse(emulator.deliveries().get(1).delivered());
    }

    @Test
    void stripeRefusesAKeyWithoutTheSecretOrAnIdempotencyKeyReusedForOtherParameters() throws Exception {
        HttpResponse<String> noKey = http.send(HttpRequest.newBuilder(URI.create(emulator.url() + "/v1/refunds"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, noKey.statusCode());

        HttpResponse<String> first = call("POST", "/v1/checkout/sessions", session(2500), "entry-1");
        HttpResponse<String> again = call("POST", "/v1/checkout/sessions", session(2500).replace("expires_at=",
                "expires_at=1"), "entry-1");
        assertEquals(200, first.statusCode());
        assertEquals(400, again.statusCode());
        assertTrue(again.body().contains("idempotency_error"), again.body());
    }

    @Test
    void aSessionWhoseTimeHasComeExpiresAndItsPageSaysSo() throws Exception {
        String id = id(call("POST", "/v1/checkout/sessions", session(2500), null).body());

        emulator.lapse(id);

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(emulator.url() + "/pay/" + id))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(410, page.statusCode());
        assertTrue(page.body().contains("Paiement simulé localement : aucun argent n'est pris"), page.body());
        assertTrue(page.body().contains("This payment page has expired"), page.body());
        assertTrue(call("GET", "/v1/checkout/sessions/" + id, null, null).body().contains("\"status\":\"expired\""));
    }
}
