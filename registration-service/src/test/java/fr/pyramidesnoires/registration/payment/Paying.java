package fr.pyramidesnoires.registration.payment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import fr.pyramidesnoires.payment.emulator.PaymentEmulator;
import fr.pyramidesnoires.registration.entry.Entry;
import fr.pyramidesnoires.registration.entry.EntryStatus;
import fr.pyramidesnoires.registration.entry.RegistrationTest;
import fr.pyramidesnoires.registration.payment.stripe.EmulatedStripe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** What the paid-entry tests do as a runner: register, open a checkout, pay it on the provider's page. */
final class Paying {

    private Paying() {
    }

    static PaymentEmulator stripe() {
        return EmulatedStripe.emulator();
    }

    static Map<String, Object> runner(String race, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(RegistrationTest.runner(RegistrationTest.uniqueName(), race));
        if (race.equals("PAID-A")) {
            // its one required question
            body.put("answers", Map.of("bus", "non"));
        }
        body.putAll(extra);
        return body;
    }

    static JsonPath register(String race) {
        return register(runner(race, Map.of()));
    }

    static JsonPath register(Map<String, Object> body) {
        return RegistrationTest.register(body).statusCode(201).extract().jsonPath();
    }

    /** @return the checkout's id at the provider, the last part of the page's address */
    static String openCheckout(String token) {
        String url = given().contentType(ContentType.JSON).post("/api/entries/by-token/" + token + "/checkout")
                .then().log().ifValidationFails().statusCode(201).extract().path("url");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    static JsonPath entry(String token) {
        return given().get("/api/entries/by-token/" + token).then().statusCode(200).extract().jsonPath();
    }

    static EntryStatus status(String token) {
        return EntryStatus.valueOf(entry(token).getString("status"));
    }

    static long count(String race, EntryStatus status) {
        return QuarkusTransaction.requiringNew().call(() -> Entry.count("raceCode = ?1 and status = ?2", race, status));
    }

    /** Waits for what the sweeper or a notification does in the background, failing with the reason after a while. */
    static void until(String what, Duration within, BooleanSupplier done) {
        long end = System.nanoTime() + within.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("Not seen within " + within + ": " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    /** A hold, and the sweeper's round that ends it, with room for a slow machine. */
    static Duration holdAndSweep() {
        return EmulatedStripe.HOLD.plusSeconds(10);
    }
}
