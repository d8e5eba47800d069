package fr.pyramidesnoires.registration.payment;

import static fr.pyramidesnoires.registration.payment.Paying.count;
import static fr.pyramidesnoires.registration.payment.Paying.entry;
import static fr.pyramidesnoires.registration.payment.Paying.holdAndSweep;
import static fr.pyramidesnoires.registration.payment.Paying.openCheckout;
import static fr.pyramidesnoires.registration.payment.Paying.register;
import static fr.pyramidesnoires.registration.payment.Paying.runner;
import static fr.pyramidesnoires.registration.payment.Paying.status;
import static fr.pyramidesnoires.registration.payment.Paying.stripe;
import static fr.pyramidesnoires.registration.payment.Paying.until;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.payment.emulator.PaymentEmulator;
import fr.pyramidesnoires.registration.entry.Entry;
import fr.pyramidesnoires.registration.entry.EntryStatus;
import fr.pyramidesnoires.registration.payment.stripe.EmulatedStripe;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A runner's paid entry, against the real database and the real Stripe client talking to the local emulation of
 * Stripe: the place is held while they pay, confirmed only on the provider's word, and every way a payment goes
 * wrong (twice, late, replayed, forged, the provider down) ends with no place sold twice and no money kept wrongly.
 */
@QuarkusTest
@TestProfile(EmulatedStripe.class)
class PaidEntryTest {

    @TestHTTPResource("/api/payments/stripe/webhook")
    URL webhook;

    @Inject
    MockMailbox mailbox;

    @BeforeEach
    void notificationsComeHere() {
        stripe().up();
        stripe().webhookUrl(webhook.toString());
    }

    @Test
    void aPlaceIsHeldWhileTheRunnerPaysThenConfirmedWithABibAndAReceipt() throws IOException {
        JsonPath held = register(runner("PAID-A", Map.of("lastName", "Payée", "answers", Map.of("bus", "oui"),
                "extras", List.of(Map.of("code", "meal", "quantity", 1),
                        Map.of("code", "donation", "quantity", 1, "donationCents", 500)))));
        assertEquals("HELD", held.getString("status"));
        assertNull(held.get("bib"), "no bib before the payment");
        // 30 € entry + 12 € meal + 5 € donation
        assertEquals(47.0f, held.getFloat("fee"));
        assertNotNull(held.getString("holdUntil"));
        String token = held.getString("token");

        String checkout = openCheckout(token);
        PaymentEmulator.Delivery delivery = stripe().pay(checkout);
        assertTrue(delivery.delivered(), "the signed notification reached the service: " + delivery.failure());

        JsonPath paid = entry(token);
        assertEquals("CONFIRMED", paid.getString("status"));
        assertTrue(paid.getInt("bib") >= 4001 && paid.getInt("bib") <= 4100, "a bib of PAID-A");
        assertEquals(47.0f, paid.getFloat("paid"));

        String page = given().get("/entry/" + token).then().statusCode(200).extract().asString();
        Matcher receipt = Pattern.compile("/entry/" + token + "/receipts/([0-9a-f-]{36})").matcher(page);
        assertTrue(receipt.find(), "the runner's page links the receipt");
        byte[] pdf = given().get(receipt.group()).then().statusCode(200).contentType("application/pdf")
                .extract().asByteArray();
        String text = new PDFTextStripper().getText(Loader.loadPDF(pdf));
        assertTrue(text.contains("Payée"), text);
        assertTrue(text.contains("47"), text);
        assertTrue(text.contains("Repas / Meal"), text);
        mailTo(paid, mail -> mail.getText().contains("Payé : 47 €"));
    }

    @Test
    void comingBackFromTheProviderProvesNothingAskingItDoes() {
        String token = register("PAID-A").getString("token");
        String checkout = openCheckout(token);
        given().get("/payment/return?checkout=" + checkout).then().statusCode(200)
                .body(containsString("pas (encore) reçu"));
        assertEquals(EntryStatus.HELD, status(token));

        // the notification is lost on the way: the return page asks Stripe, which says it was paid
        stripe().webhookUrl("http://127.0.0.1:9/nowhere");
        stripe().pay(checkout);
        assertEquals(EntryStatus.HELD, status(token));
        given().get("/payment/return?checkout=" + checkout).then().statusCode(200)
                .body(containsString("Paiement reçu"));
        assertEquals(EntryStatus.CONFIRMED, status(token));
    }

    @Test
    void aNotificationDeliveredAgainOrOutOfOrderChangesNothing() {
        String token = register("PAID-A").getString("token");
        String checkout = openCheckout(token);
        PaymentEmulator.Delivery completed = stripe().pay(checkout);
        assertEquals(EntryStatus.CONFIRMED, status(token));
        int bib = entry(token).getInt("bib");

        PaymentEmulator.Delivery again = stripe().replay(completed);
        assertEquals(200, again.status());
        // an "expired" written before the payment, arriving after it, signed as Stripe signs
        String expired = completed.payload().replace("\"checkout.session.completed\"", "\"checkout.session.expired\"")
                .replace(completed.eventId(), "evt_late_" + UUID.randomUUID().toString().replace("-", ""))
                .replace("\"status\":\"complete\"", "\"status\":\"expired\"")
                .replace("\"payment_status\":\"paid\"", "\"payment_status\":\"unpaid\"");
        given().contentType(ContentType.JSON)
                .header("Stripe-Signature", PaymentEmulator.signatureHeader(EmulatedStripe.WEBHOOK_SECRET, expired,
                        Instant.now()))
                .body(expired).post("/api/payments/stripe/webhook").then().statusCode(200);

        JsonPath after = entry(token);
        assertEquals("CONFIRMED", after.getString("status"));
        assertEquals(bib, after.getInt("bib"));
        assertEquals(30.0f, after.getFloat("paid"), "paid once, whatever was delivered");
        assertNull(after.get("refunded"));
    }

    @Test
    void aForgedOrUnsignedNotificationIsRefusedAndKept() {
        String token = register("PAID-A").getString("token");
        String checkout = openCheckout(token);
        String forged = "{\"id\":\"evt_forged\",\"object\":\"event\",\"type\":\"checkout.session.completed\","
                + "\"data\":{\"object\":{\"id\":\"" + checkout + "\",\"object\":\"checkout.session\","
                + "\"payment_status\":\"paid\",\"status\":\"complete\",\"amount_total\":3000}}}";
        given().contentType(ContentType.JSON).body(forged).post("/api/payments/stripe/webhook").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", containsString("notification-refused"));
        given().contentType(ContentType.JSON)
                .header("Stripe-Signature", PaymentEmulator.signatureHeader("whsec_not_ours", forged, Instant.now()))
                .body(forged).post("/api/payments/stripe/webhook").then().statusCode(400);

        assertEquals(EntryStatus.HELD, status(token), "a forged payment confirms nothing");
        long kept = QuarkusTransaction.requiringNew().call(() -> ProviderNotice.count(
                "signatureOk = false and payload like ?1", "%" + checkout + "%"));
        assertEquals(2, kept, "both refused notifications are kept for the organisers");
    }

    @Test
    void aSecondPaymentFromAnotherTabIsRefundedInFull() {
        String token = register("PAID-A").getString("token");
        String first = openCheckout(token);
        String second = openCheckout(token);
        stripe().pay(first);
        stripe().pay(second);

        until("the second payment refunded at the provider", Duration.ofSeconds(20), () ->
                QuarkusTransaction.requiringNew().call(() -> PaymentRefund.count(
                        "reason = ?1 and providerRefundId is not null and paymentId in (select p.id from Payment p"
                                + " where p.checkoutId = ?2)", PaymentRefund.Reason.DUPLICATE, second)) == 1);
        JsonPath after = entry(token);
        assertEquals("CONFIRMED", after.getString("status"));
        assertEquals(60.0f, after.getFloat("paid"));
        assertEquals(30.0f, after.getFloat("refunded"));
    }

    @Test
    void anUnpaidHoldEndsAndItsPlaceIsOfferedDownTheWaitlistUntilPaid() {
        emptyRace("PAID-B");
        JsonPath first = register("PAID-B");
        JsonPath second = register(runner("PAID-B", Map.of("email", "second-" + UUID.randomUUID() + "@example.org")));
        JsonPath third = register(runner("PAID-B", Map.of("email", "third-" + UUID.randomUUID() + "@example.org")));
        assertEquals("HELD", first.getString("status"));
        assertEquals("WAITLISTED", second.getString("status"));
        assertEquals("WAITLISTED", third.getString("status"));

        until("the first runner's hold ended and the second runner offered the place", holdAndSweep(),
                () -> heldRunner("PAID-B").equals(second.getString("id")));
        Entry gone = QuarkusTransaction.requiringNew().call(() -> Entry.findById(UUID.fromString(first.getString("id"))));
        assertEquals(EntryStatus.CANCELLED, gone.status);
        assertNotNull(gone.holdExpiredAt);
        mailTo(second, mail -> mail.getSubject().contains("à payer"));

        until("the second runner's offer ended and the third runner offered the place", holdAndSweep(),
                () -> heldRunner("PAID-B").equals(third.getString("id")));
        String offerLink = mailTo(third, mail -> mail.getSubject().contains("à payer")).getText();
        Matcher link = Pattern.compile("/entry/([A-Za-z0-9_-]+)").matcher(offerLink);
        assertTrue(link.find(), "the offer carries a link to pay through");
        stripe().pay(openCheckout(link.group(1)));

        assertEquals(EntryStatus.CONFIRMED, status(link.group(1)));
        assertEquals(1, count("PAID-B", EntryStatus.CONFIRMED));
        assertEquals(0, count("PAID-B", EntryStatus.HELD));
    }

    @Test
    void withTheProviderDownTheHoldWaitsThenEndsCleanly() {
        emptyRace("PAID-B");
        String token = register("PAID-B").getString("token");
        String checkout = openCheckout(token);
        stripe().down();
        given().contentType(ContentType.JSON).post("/api/entries/by-token/" + token + "/checkout").then()
                .statusCode(503).contentType("application/problem+json")
                .body("type", containsString("payment-provider-unavailable"))
                .body("detail", containsString("reste réservée"));

        sleep(holdAndSweep().minusSeconds(6));
        assertEquals(EntryStatus.HELD, status(token), "while the provider cannot say whether it was paid");

        stripe().up();
        until("the hold ended once the provider said it was not paid", holdAndSweep(),
                () -> status(token) == EntryStatus.CANCELLED);
        assertEquals(0, count("PAID-B", EntryStatus.HELD));
        // the provider's page no longer takes it
        given().when().post(stripe().url() + "/pay/" + checkout).then().statusCode(410);
    }

    @Test
    void aPaymentAfterTheRunnerCancelledGoesBackInFull() {
        String token = register("PAID-A").getString("token");
        String checkout = openCheckout(token);
        // the provider down, the sweeper cannot close the checkout the runner left open in a tab
        stripe().down();
        given().contentType(ContentType.JSON).post("/api/entries/by-token/" + token + "/cancellation").then()
                .statusCode(200).body("status", equalTo("CANCELLED"));
        stripe().pay(checkout);
        stripe().up();

        until("the late payment refunded at the provider", Duration.ofSeconds(20), () ->
                QuarkusTransaction.requiringNew().call(() -> PaymentRefund.count("reason = ?1 and providerRefundId"
                        + " is not null and paymentId in (select p.id from Payment p where p.checkoutId = ?2)",
                        PaymentRefund.Reason.LATE, checkout)) == 1);
    }

    @Test
    void aCancellationIsRefundedByTheRacesPolicy() {
        // 106 days or more before the race in PAID-A (100 % until D-60), less than 1000 in PAID-C (50 %) and PAID-D
        // (nothing after D-1000)
        assertEquals(30.0f, refundedOnCancellation("PAID-A", 30.0f));
        assertEquals(20.0f, refundedOnCancellation("PAID-C", 40.0f));
        assertEquals(0.0f, refundedOnCancellation("PAID-D", 40.0f));
    }

    @Test
    void aTransferIsMadeOnceTheNewRunnerPaidItsFeeAndTheFeeGoesBackIfItCannotBe() {
        String token = register("PAID-C").getString("token");
        stripe().pay(openCheckout(token));
        String entryId = entry(token).getString("id");

        Map<String, Object> newRunner = runner("PAID-C", Map.of("lastName", "Reprise"));
        JsonPath fee = given().contentType(ContentType.JSON).body(newRunner)
                .post("/api/entries/by-token/" + token + "/transfer").then().statusCode(202).extract().jsonPath();
        assertEquals(500, fee.getInt("amountCents"));
        assertEquals("CONFIRMED", entry(token).getString("status"), "nothing changes before the fee is paid");
        String url = fee.getString("url");
        stripe().pay(url.substring(url.lastIndexOf('/') + 1));
        Entry transferred = QuarkusTransaction.requiringNew().call(() -> Entry.findById(UUID.fromString(entryId)));
        assertEquals("Reprise", transferred.lastName);

        // a new runner who entered the race themselves between the fee's page and its payment gets the fee back
        JsonPath second = register("PAID-C");
        stripe().pay(openCheckout(second.getString("token")));
        Map<String, Object> already = runner("PAID-C", Map.of());
        JsonPath secondFee = given().contentType(ContentType.JSON).body(already)
                .post("/api/entries/by-token/" + second.getString("token") + "/transfer").then().statusCode(202)
                .extract().jsonPath();
        register(already);
        String secondUrl = secondFee.getString("url");
        String checkout = secondUrl.substring(secondUrl.lastIndexOf('/') + 1);
        stripe().pay(checkout);
        until("the fee of a transfer that could not be made refunded", Duration.ofSeconds(20), () ->
                QuarkusTransaction.requiringNew().call(() -> PaymentRefund.count("reason = ?1 and providerRefundId"
                        + " is not null and paymentId in (select p.id from Payment p where p.checkoutId = ?2)",
                        PaymentRefund.Reason.TRANSFER_REFUSED, checkout)) == 1);
        assertEquals("CONFIRMED", entry(second.getString("token")).getString("status"));
    }

    private float refundedOnCancellation(String race, float fee) {
        String token = register(race).getString("token");
        stripe().pay(openCheckout(token));
        JsonPath paid = entry(token);
        assertEquals(fee, paid.getFloat("paid"));
        JsonPath cancelled = given().contentType(ContentType.JSON)
                .post("/api/entries/by-token/" + token + "/cancellation").then().statusCode(200).extract().jsonPath();
        float refunded = cancelled.get("refunded") == null ? 0 : cancelled.getFloat("refunded");
        if (refunded > 0) {
            until("the refund taken by the provider", Duration.ofSeconds(20), () ->
                    QuarkusTransaction.requiringNew().call(() -> PaymentRefund.count("providerRefundId is not null"
                            + " and paymentId in (select p.id from Payment p where p.entryId = ?1)",
                            UUID.fromString(paid.getString("id")))) == 1);
        }
        mailTo(paid, mail -> mail.getSubject().contains("annulée") && mail.getText().contains("Payé : "));
        return refunded;
    }

    /** The mail to the entry's runner that says this, once it was sent. */
    private Mail mailTo(JsonPath entry, Predicate<Mail> saying) {
        String address = QuarkusTransaction.requiringNew().call(() ->
                Entry.<Entry>findById(UUID.fromString(entry.getString("id"))).email);
        until("the mail to " + address, Duration.ofSeconds(10),
                () -> mailbox.getMailsSentTo(address).stream().anyMatch(saying));
        return mailbox.getMailsSentTo(address).stream().filter(saying).findFirst().orElseThrow();
    }

    private static String heldRunner(String race) {
        return QuarkusTransaction.requiringNew().call(() -> Entry.<Entry>find("raceCode = ?1 and status = ?2", race,
                EntryStatus.HELD).firstResultOptional().map(entry -> entry.id.toString()).orElse(""));
    }

    static void emptyRace(String race) {
        QuarkusTransaction.requiringNew().run(() -> {
            PaymentRefund.delete("raceCode", race);
            Payment.delete("raceCode", race);
            Entry.delete("raceCode", race);
        });
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
