package fr.pyramidesnoires.registration.payment.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.Stripe;
import com.stripe.StripeClient;
import com.stripe.model.checkout.Session;
import com.stripe.param.checkout.SessionListParams;
import com.sun.net.httpserver.HttpServer;
import fr.pyramidesnoires.payment.emulator.PaymentEmulator;
import fr.pyramidesnoires.registration.payment.PaymentProvider.Checkout;
import fr.pyramidesnoires.registration.payment.PaymentProvider.CheckoutRequest;
import fr.pyramidesnoires.registration.payment.PaymentProvider.CheckoutState;
import fr.pyramidesnoires.registration.payment.PaymentProvider.CheckoutStatus;
import fr.pyramidesnoires.registration.payment.PaymentProvider.Notification;
import fr.pyramidesnoires.registration.payment.PaymentProvider.NotificationRefused;
import fr.pyramidesnoires.registration.payment.PaymentProvider.Refund;
import fr.pyramidesnoires.registration.payment.PaymentProvider.RefundRequest;
import fr.pyramidesnoires.registration.payment.PaymentProvider.Statement;
import fr.pyramidesnoires.registration.payment.PaymentProvider.Unavailable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Registration's Stripe provider, through the real stripe-java client, against Stripe played by the emulator. */
class StripeProviderTest {

    private static final String SECRET_KEY = "sk_test_pyramides_" + UUID.randomUUID();
    private static final String WEBHOOK_SECRET = "whsec_pyramides_" + UUID.randomUUID();

    private record Received(String payload, String signature) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpClient browser = HttpClient.newHttpClient();
    private HttpServer registration;
    private PaymentEmulator stripe;
    private StripeProvider provider;

    @BeforeEach
    void start() throws IOException {
        // registration's webhook endpoint, as far as the emulator can tell
        registration = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        registration.createContext("/api/payments/stripe/webhook", exchange -> {
            received.add(new Received(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("Stripe-Signature")));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        registration.start();
        stripe = PaymentEmulator.start(0, SECRET_KEY, WEBHOOK_SECRET, "http://127.0.0.1:"
                + registration.getAddress().getPort() + "/api/payments/stripe/webhook");
        provider = new StripeProvider(stripe.url(), SECRET_KEY, WEBHOOK_SECRET);
    }

    @AfterEach
    void stop() {
        stripe.stop();
        registration.stop(0);
    }

    private static CheckoutRequest request(String key, long amountCents, Instant expiresAt) {
        return new CheckoutRequest(key, "payment-" + key, amountCents, "EUR", "Trail des Pyramides Noires 21 km",
                "runner@example.org", "https://registration.example/payments/{CHECKOUT_ID}/paid",
                "https://registration.example/payments/cancelled", expiresAt);
    }

    private static CheckoutRequest request(String key, long amountCents) {
        return request(key, amountCents, Instant.now().plus(Duration.ofHours(1)));
    }

    private String paid(String key, long amountCents) {
        String id = provider.openCheckout(request(key, amountCents)).id();
        assertTrue(stripe.pay(id).delivered());
        return id;
    }

    private HttpResponse<String> page(URI url, String action) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url);
        if (action != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("action=" + action));
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertNoSecret(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(SECRET_KEY), "the secret key is in " + t);
            assertFalse(String.valueOf(t.getMessage()).contains(WEBHOOK_SECRET), "the webhook secret is in " + t);
        }
    }

    @Test
    void aCheckoutOpensOnAPageThatSaysNoMoneyIsTaken() throws Exception {
        Checkout checkout = provider.openCheckout(request("open", 2500));

        assertTrue(checkout.url().toString().startsWith(stripe.url() + "/pay/"), checkout.url().toString());
        HttpResponse<String> page = page(checkout.url(), null);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Paiement simulé localement : aucun argent n'est pris"), page.body());
        assertTrue(page.body().contains("Payments emulated locally: no money is taken"), page.body());
        assertTrue(page.body().contains("25,00 EUR"), page.body());
        assertTrue(page.body().contains("Payer / Pay") && page.body().contains("Annuler / Cancel"), page.body());
        StripeClient client = StripeClient.builder().setApiKey(SECRET_KEY).setApiBase(stripe.url()).build();
        assertEquals(List.of("card"), client.v1().checkout().sessions().retrieve(checkout.id())
                .getPaymentMethodTypes(), "paid once the checkout completes, never days later");
        assertFalse(provider.live());
        assertTrue(new StripeProvider("https://api.stripe.com", SECRET_KEY, WEBHOOK_SECRET).live());
        assertFalse(provider.toString().contains(SECRET_KEY));
    }

    @Test
    void theSameIdempotencyKeyAnswersTheSameCheckoutAndNeverOpensTwo() throws Exception {
        Checkout first = provider.openCheckout(request("twice", 2500));
        Checkout again = provider.openCheckout(request("twice", 2500));
        Checkout other = provider.openCheckout(request("other", 2500));

        assertEquals(first, again);
        assertNotEquals(first.id(), other.id());
        StripeClient client = StripeClient.builder().setApiKey(SECRET_KEY).setApiBase(stripe.url()).build();
        long opened = 0;
        for (Session session : client.v1().checkout().sessions()
                .list(SessionListParams.builder().setLimit(1L).build()).autoPagingIterable()) {
            opened++;
        }
        assertEquals(2, opened, "one checkout per key, read a page of one at a time");
    }

    @Test
    void aCheckoutIsOpenUntilPaidThenPaidWithItsPaymentAmountAndFee() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        Checkout checkout = provider.openCheckout(request("pay", 2500));
        CheckoutState open = provider.checkout(checkout.id());
        assertEquals(CheckoutStatus.OPEN, open.status());
        assertEquals("payment-pay", open.reference());
        assertEquals(2500, open.amountCents());
        assertNull(open.paymentId());
        assertNull(open.paidAt());

        HttpResponse<String> paying = page(checkout.url(), "pay");
        assertEquals(303, paying.statusCode());
        assertEquals("https://registration.example/payments/" + checkout.id() + "/paid",
                paying.headers().firstValue("Location").orElseThrow());

        CheckoutState paid = provider.checkout(checkout.id());
        assertEquals(CheckoutStatus.PAID, paid.status());
        assertTrue(paid.paymentId().startsWith("pi_"), paid.paymentId());
        assertEquals(2500, paid.amountCents());
        // 1.5 % of 25.00 is 0.375, to the cent 0.38, and 0.25 more
        assertEquals(63L, paid.feeCents());
        assertFalse(paid.paidAt().isBefore(before));
        assertEquals(410, page(checkout.url(), null).statusCode(), "a paid page is not offered again");
    }

    @Test
    void cancellingOnThePageSendsTheRunnerBackAndLeavesItOpen() throws Exception {
        Checkout checkout = provider.openCheckout(request("cancel", 2500));

        HttpResponse<String> cancelling = page(checkout.url(), "cancel");

        assertEquals(303, cancelling.statusCode());
        assertEquals("https://registration.example/payments/cancelled",
                cancelling.headers().firstValue("Location").orElseThrow());
        assertEquals(CheckoutStatus.OPEN, provider.checkout(checkout.id()).status());
    }

    @Test
    void anExpiredCheckoutCanNoLongerBePaid() throws Exception {
        Checkout checkout = provider.openCheckout(request("expire", 2500));

        assertEquals(CheckoutStatus.EXPIRED, provider.expire(checkout.id()).status());

        assertEquals(CheckoutStatus.EXPIRED, provider.checkout(checkout.id()).status());
        assertThrows(IllegalStateException.class, () -> stripe.pay(checkout.id()));
        HttpResponse<String> paying = page(checkout.url(), "pay");
        assertEquals(410, paying.statusCode());
        assertTrue(paying.body().contains("Cette page de paiement a expiré"), paying.body());
        assertEquals(CheckoutStatus.EXPIRED, provider.checkout(checkout.id()).status());
        assertEquals(CheckoutStatus.EXPIRED, provider.expire(checkout.id()).status(), "expiring again says so");
    }

    @Test
    void expiringACheckoutPaidJustBeforeAnswersPaid() {
        String id = paid("late", 2500);

        CheckoutState state = provider.expire(id);

        assertEquals(CheckoutStatus.PAID, state.status());
        assertEquals(63L, state.feeCents());
        assertNotNull(state.paymentId());
    }

    @Test
    void aPaymentIsRefundedInPartsButNeverBeyondWhatWasPaid() {
        String paymentId = provider.checkout(paid("refund", 2500)).paymentId();

        Refund part = provider.refund(new RefundRequest("refund-1", paymentId, 1000, "course annulée"));
        Refund sameAgain = provider.refund(new RefundRequest("refund-1", paymentId, 1000, "course annulée"));
        Refund rest = provider.refund(new RefundRequest("refund-2", paymentId, 1500, null));
        Unavailable beyond = assertThrows(Unavailable.class,
                () -> provider.refund(new RefundRequest("refund-3", paymentId, 1, null)));

        assertTrue(part.id().startsWith("re_"));
        assertEquals(paymentId, part.paymentId());
        assertEquals(1000, part.amountCents());
        assertEquals(part, sameAgain, "a retried refund is not made twice");
        assertEquals(1500, rest.amountCents());
        assertTrue(beyond.getMessage().contains("refused"), beyond.getMessage());
        assertNoSecret(beyond);
        Unavailable tooMuch = assertThrows(Unavailable.class, () -> provider.refund(
                new RefundRequest("refund-4", provider.checkout(paid("more", 2000)).paymentId(), 2001, null)));
        assertTrue(tooMuch.getMessage().contains("greater than"), tooMuch.getMessage());
    }

    @Test
    void theWebhooksTheEmulatorSendsAreVerifiedAndRead() throws Exception {
        String id = paid("webhook", 2500);
        String expiring = provider.openCheckout(request("webhook-expired", 2500)).id();
        provider.expire(expiring);
        provider.refund(new RefundRequest("webhook-refund", provider.checkout(id).paymentId(), 500, null));
        awaitDeliveries(3);

        Received completed = received.get(0);
        Notification paid = provider.verify(completed.payload(), completed.signature());
        assertTrue(paid.id().startsWith("evt_"));
        assertEquals("checkout.session.completed", paid.type());
        assertEquals(id, paid.checkout().id());
        assertEquals(CheckoutStatus.PAID, paid.checkout().status());
        assertEquals("payment-webhook", paid.checkout().reference());
        assertEquals(2500, paid.checkout().amountCents());
        assertEquals(provider.checkout(id).paymentId(), paid.checkout().paymentId());
        assertNotNull(paid.checkout().paidAt());
        assertTrue(completed.payload().contains("\"api_version\":\"" + Stripe.API_VERSION + "\""),
                "the emulator's events are of the version stripe-java reads");

        Notification expired = provider.verify(received.get(1).payload(), received.get(1).signature());
        assertEquals("checkout.session.expired", expired.type());
        assertEquals(CheckoutStatus.EXPIRED, expired.checkout().status());
        assertEquals("payment-webhook-expired", expired.checkout().reference());

        Notification refunded = provider.verify(received.get(2).payload(), received.get(2).signature());
        assertEquals("charge.refunded", refunded.type());
        assertNull(refunded.checkout());

        // a webhook replayed, out of order, verifies the same
        PaymentEmulator.Delivery replayed = stripe.replay(stripe.deliveries().get(0));
        assertTrue(replayed.delivered());
        assertEquals(paid, provider.verify(replayed.payload(), replayed.signatureHeader()));
    }

    @Test
    void anEventOfAnotherApiVersionIsStillRead() {
        String id = paid("version", 2500);
        String payload = stripe.deliveries().get(0).payload()
                .replace("\"api_version\":\"" + Stripe.API_VERSION + "\"", "\"api_version\":\"2024-06-20\"");

        Notification notification = provider.verify(payload,
                PaymentEmulator.signatureHeader(WEBHOOK_SECRET, payload, Instant.now()));

        assertEquals(id, notification.checkout().id());
        assertEquals(CheckoutStatus.PAID, notification.checkout().status());
    }

    @Test
    void aNotificationNotSignedByStripeNowIsRefused() {
        paid("forged", 2500);
        PaymentEmulator.Delivery delivery = stripe.deliveries().get(0);
        String payload = delivery.payload();
        String tampered = payload.replace("\"amount_total\":2500", "\"amount_total\":1");
        assertNotEquals(payload, tampered);
        StripeProvider otherSecret = new StripeProvider(stripe.url(), SECRET_KEY, "whsec_someone_else");
        String old = PaymentEmulator.signatureHeader(WEBHOOK_SECRET, payload, Instant.now().minusSeconds(600));
        String notJson = "not an event";

        List<Runnable> refused = List.of(
                () -> provider.verify(tampered, delivery.signatureHeader()),
                () -> otherSecret.verify(payload, delivery.signatureHeader()),
                () -> provider.verify(payload, null),
                () -> provider.verify(payload, ""),
                () -> provider.verify(payload, old),
                () -> provider.verify(notJson, PaymentEmulator.signatureHeader(WEBHOOK_SECRET, notJson,
                        Instant.now())));
        for (Runnable verifying : refused) {
            NotificationRefused refusal = assertThrows(NotificationRefused.class, verifying::run);
            assertNoSecret(refusal);
        }
    }

    @Test
    void stripeDownOrUnreachableIsUnavailable() throws Exception {
        String id = provider.openCheckout(request("down", 2500)).id();
        stripe.down();

        Unavailable down = assertThrows(Unavailable.class, () -> provider.checkout(id));
        assertThrows(Unavailable.class, () -> provider.openCheckout(request("down-2", 2500)));
        assertNoSecret(down);

        stripe.up();
        assertEquals(CheckoutStatus.OPEN, provider.checkout(id).status());
        int closed;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = free.getLocalPort();
        }
        StripeProvider unreachable = new StripeProvider("http://127.0.0.1:" + closed, SECRET_KEY, WEBHOOK_SECRET);
        Unavailable nobody = assertThrows(Unavailable.class, () -> unreachable.checkout(id));
        assertTrue(nobody.getMessage().contains("could not be reached"), nobody.getMessage());
        assertNoSecret(nobody);
    }

    @Test
    void aWrongSecretKeyIsRefusedWithoutBeingRepeated() {
        String wrongKey = "sk_test_wrong_" + UUID.randomUUID();
        StripeProvider wrong = new StripeProvider(stripe.url(), wrongKey, WEBHOOK_SECRET);

        Unavailable refused = assertThrows(Unavailable.class, () -> wrong.openCheckout(request("wrong", 2500)));

        assertTrue(refused.getMessage().contains("registration.payment.stripe.secret-key"), refused.getMessage());
        for (Throwable t = refused; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(wrongKey), t.toString());
        }
    }

    @Test
    void theStatementListsThePaidCheckoutsWithTheirFeesAndTheRefunds() {
        Instant since = Instant.now().minusSeconds(1);
        String first = paid("statement-1", 2500);
        String second = paid("statement-2", 3990);
        provider.openCheckout(request("statement-unpaid", 1000));
        String paymentId = provider.checkout(first).paymentId();
        Refund refund = provider.refund(new RefundRequest("statement-refund", paymentId, 700, null));

        Statement statement = provider.statement(since);

        assertEquals(List.of(second, first), statement.payments().stream().map(CheckoutState::id).toList());
        // 1.5 % of 39.90 is 0.5985, to the cent 0.60, and 0.25 more
        assertEquals(85L, statement.payments().get(0).feeCents());
        assertEquals(63L, statement.payments().get(1).feeCents());
        assertEquals(3990, statement.payments().get(0).amountCents());
        assertEquals(List.of(refund), statement.refunds());
        assertEquals(new Statement(List.of(), List.of()), provider.statement(Instant.now().plusSeconds(5)));
    }

    @Test
    void stripeTakesACheckoutOnlyThirtyMinutesToADayAhead() {
        Unavailable tooSoon = assertThrows(Unavailable.class, () -> provider.openCheckout(
                request("soon", 2500, Instant.now().plus(Duration.ofMinutes(29)))));
        Unavailable tooLate = assertThrows(Unavailable.class, () -> provider.openCheckout(
                request("late", 2500, Instant.now().plus(Duration.ofHours(25)))));

        assertTrue(tooSoon.getMessage().contains("30 minutes"), tooSoon.getMessage());
        assertTrue(tooLate.getMessage().contains("24 hours"), tooLate.getMessage());
        assertNoSecret(tooSoon);
    }

    @Test
    void theSettingsNameWhatIsMissingAndReadSecretsFromFiles(@TempDir Path dir) throws IOException {
        String api = stripe.url();
        assertNull(new StripeSettings("none", api, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()).stripe());
        IllegalStateException noKey = assertThrows(IllegalStateException.class, () -> new StripeSettings("stripe",
                api, Optional.empty(), Optional.empty(), Optional.of(WEBHOOK_SECRET), Optional.empty()));
        assertTrue(noKey.getMessage().contains("registration.payment.stripe.secret-key"), noKey.getMessage());
        IllegalStateException noWebhookSecret = assertThrows(IllegalStateException.class, () -> new StripeSettings(
                "stripe", api, Optional.of(SECRET_KEY), Optional.empty(), Optional.empty(), Optional.empty()));
        assertTrue(noWebhookSecret.getMessage().contains("registration.payment.stripe.webhook-secret"),
                noWebhookSecret.getMessage());
        assertNoSecret(noWebhookSecret);
        IllegalStateException unknown = assertThrows(IllegalStateException.class, () -> new StripeSettings("paypal",
                api, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        assertTrue(unknown.getMessage().contains("registration.payment.provider"), unknown.getMessage());

        Path key = Files.writeString(dir.resolve("stripe-key"), SECRET_KEY + "\n");
        Path webhook = Files.writeString(dir.resolve("stripe-webhook"), "  " + WEBHOOK_SECRET + "\n");
        StripeSettings fromFiles = new StripeSettings("stripe", api, Optional.empty(), Optional.of(key),
                Optional.empty(), Optional.of(webhook));
        String id = fromFiles.stripe().openCheckout(request("files", 2500)).id();
        stripe.pay(id);
        PaymentEmulator.Delivery delivery = stripe.deliveries().get(0);
        assertEquals(id, fromFiles.stripe().verify(delivery.payload(), delivery.signatureHeader()).checkout().id());
    }

    private void awaitDeliveries(int count) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(10);
        while (received.size() < count && Instant.now().isBefore(until)) {
            Thread.sleep(20);
        }
        assertEquals(count, received.size(), "webhooks received");
    }
}
