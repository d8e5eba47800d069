package fr.pyramidesnoires.registration.payment;

import static fr.pyramidesnoires.registration.payment.Paying.entry;
import static fr.pyramidesnoires.registration.payment.Paying.openCheckout;
import static fr.pyramidesnoires.registration.payment.Paying.register;
import static fr.pyramidesnoires.registration.payment.Paying.runner;
import static fr.pyramidesnoires.registration.payment.Paying.stripe;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.registration.entry.RegistrationTest;
import fr.pyramidesnoires.registration.payment.PaymentProvider.CheckoutRequest;
import fr.pyramidesnoires.registration.payment.stripe.EmulatedStripe;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the organisers set and see of the money: discount codes (free entries among them), extras' stock, payments
 * received by hand, and the treasurer's accounts, CSV and reconciliation with the provider.
 */
@QuarkusTest
@TestProfile(EmulatedStripe.class)
class TreasuryTest {

    @TestHTTPResource("/api/payments/stripe/webhook")
    URL webhook;

    @Inject
    PaymentProvider provider;

    @BeforeEach
    void notificationsComeHere() {
        stripe().up();
        stripe().webhookUrl(webhook.toString());
    }

    private static RequestSpecification organiser() {
        return given().auth().preemptive().basic("organiser", "organiser-secret");
    }

    private static String newCode(Map<String, Object> code) {
        return organiser().contentType(ContentType.JSON).body(code).post("/api/admin/discount-codes").then()
                .statusCode(201).extract().path("code");
    }

    private static String uniqueCode(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void aFreeEntryCodeConfirmsAtOnceAndIsUsedUpAfterItsUses() {
        String code = newCode(Map.of("code", uniqueCode("invite").toLowerCase(), "percentOff", 100,
                "raceCode", "PAID-A", "maxUses", 1));
        JsonPath invited = register(runner("PAID-A", Map.of("discountCode", code.toLowerCase())));
        assertEquals("CONFIRMED", invited.getString("status"), "nothing to pay: no payment page");
        assertEquals(0.0f, invited.getFloat("fee"));

        RegistrationTest.register(runner("PAID-A", Map.of("discountCode", code))).statusCode(409)
                .contentType("application/problem+json")
                .body("type", containsString("discount-used-up"))
                .body("errors.field", hasItem("discountCode"));
        RegistrationTest.register(runner("PAID-A", Map.of("discountCode", "NO-SUCH-CODE"))).statusCode(422)
                .body("type", containsString("discount-unknown"));
        organiser().get("/api/admin/discount-codes").then().statusCode(200)
                .body("find { it.code == '" + code + "' }.uses", equalTo(1));
    }

    @Test
    void anAmountOffComesOffTheEntryFeeAndTheBillIsWhatIsCharged() {
        String code = newCode(Map.of("code", uniqueCode("CLUB"), "amountOff", 7.5));
        JsonPath held = register(runner("PAID-A", Map.of("discountCode", code)));
        assertEquals("HELD", held.getString("status"));
        assertEquals(22.5f, held.getFloat("fee"));
        String checkout = openCheckout(held.getString("token"));
        assertEquals(2250, provider.checkout(checkout).amountCents(), "the provider charges the bill");
    }

    @Test
    void anExtraSoldOutAndAMissingAnswerAreRefusedNamingTheField() {
        RegistrationTest.register(runner("PAID-A", Map.of("answers", Map.of()))).statusCode(422)
                .body("type", containsString("answer-required"))
                .body("errors.field", hasItem("answers.bus"));
        RegistrationTest.register(runner("PAID-A", Map.of("extras", List.of(Map.of("code", "tshirt",
                        "quantity", 1))))).statusCode(422)
                .body("errors.field", hasItem("extras[0].size"));
        // the meal's stock is 3 for the whole race: what held or confirmed entries took counts
        RegistrationTest.register(runner("PAID-A", Map.of("extras", List.of(Map.of("code", "meal",
                "quantity", 4))))).statusCode(409).body("type", containsString("sold-out"))
                .body("detail", containsString("Repas / Meal"));
    }

    @Test
    void aChequeReceivedByHandConfirmsAHeldPlace() {
        JsonPath held = register("PAID-C");
        organiser().contentType(ContentType.JSON)
                .body(Map.of("method", "CHEQUE", "amount", 40, "note", "chèque n° 1234567"))
                .post("/api/admin/entries/" + held.getString("id") + "/payments").then().statusCode(200)
                .body("status", equalTo("CONFIRMED"));
        organiser().contentType(ContentType.JSON).body(Map.of("method", "CARD", "amount", 40))
                .post("/api/admin/entries/" + held.getString("id") + "/payments").then().statusCode(422)
                .body("errors.field", hasItem("method"));
        JsonPath paid = entry(held.getString("token"));
        assertEquals(40.0f, paid.getFloat("paid"));
    }

    @Test
    void theTreasurerSeesTheMoneyAndWhatTheProviderHasThatWeDoNot() {
        Instant since = Instant.now().minusSeconds(1);
        String token = register("PAID-D").getString("token");
        stripe().pay(openCheckout(token));
        // paid at the provider by a checkout registration never opened: a difference to explain
        PaymentProvider.Checkout stray = provider.openCheckout(new CheckoutRequest("stray-" + UUID.randomUUID(),
                UUID.randomUUID().toString(), 1234, "EUR", "Versement inconnu / Unknown payment", null,
                "http://127.0.0.1/back", "http://127.0.0.1/cancel", Instant.now().plus(Duration.ofHours(1))));
        stripe().pay(stray.id());

        // the provider's fee, 1.5 % + 25 c of 40 €, is read from it after the payment
        Paying.until("the provider's fee of the payment", Duration.ofSeconds(10), () -> organiser()
                .get("/api/admin/treasury").then().extract().jsonPath()
                .getLong("races.find { it.raceCode == 'PAID-D' }.feeCents") >= 85);
        JsonPath accounts = organiser().get("/api/admin/treasury").then().statusCode(200).extract().jsonPath();
        Map<String, Object> race = accounts.getMap("races.find { it.raceCode == 'PAID-D' }");
        assertTrue(((Number) race.get("grossCents")).longValue() >= 4000);
        assertEquals(accounts.getLong("total.grossCents") - accounts.getLong("total.feeCents")
                - accounts.getLong("total.refundCents"), accounts.getLong("total.netCents"));

        String csv = organiser().get("/api/admin/treasury/payments.csv").then().statusCode(200)
                .header("Content-Disposition", containsString("tresorerie.csv")).extract().asString();
        assertTrue(csv.contains("PAID-D"), csv);

        List<Map<String, Object>> differences = organiser().queryParam("since", since.toString())
                .get("/api/admin/treasury/reconciliation").then().statusCode(200).extract().jsonPath().getList("$");
        assertTrue(differences.stream().anyMatch(d -> d.get("kind").equals("PAID_AT_PROVIDER_NOT_RECORDED")
                && stray.id().equals(d.get("providerId"))), differences.toString());
        assertFalse(differences.stream().anyMatch(d -> String.valueOf(d.get("providerId")).equals(
                entryCheckout(token))), "our own payment matches the provider's");

        organiser().get("/admin/treasury").then().statusCode(200)
                .body(containsString("Trésorerie"), containsString("PAID-D"),
                        containsString(stray.id()));
    }

    private static String entryCheckout(String token) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> Payment.<Payment>find(
                "entryId = ?1 and status = ?2", UUID.fromString(entry(token).getString("id")), Payment.Status.PAID)
                .firstResult().checkoutId);
    }
}
