package fr.pyramidesnoires.registration.entry;

import static fr.pyramidesnoires.registration.entry.EntryChangeTest.entered;
import static fr.pyramidesnoires.registration.entry.EntryChangeTest.post;
import static fr.pyramidesnoires.registration.entry.EntryChangeTest.runnerIn;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The private link manages the entry: the database keeps only its hash, and no cache or referrer keeps the link. */
@QuarkusTest
class PrivateLinkTest {

    @Test
    void theDatabaseHoldsTheLinksHashNotTheLink() throws Exception {
        JsonPath entry = entered(runnerIn("22K"));
        String token = entry.getString("token");

        String stored = storedToken(entry.getString("id"));
        assertNotEquals(token, stored);
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.UTF_8))), stored);

        given().get("/api/entries/by-token/" + token).then().statusCode(200).body("token", equalTo(token));
        // what a copy of the database gives is no link
        given().get("/api/entries/by-token/" + stored).then().statusCode(404);
    }

    @Test
    void aTransferredEntryKeepsTheNewLinksHashOnly() throws Exception {
        JsonPath entry = entered(runnerIn("22K"));
        String newToken = post(entry.getString("token"), "transfer", runnerIn("22K")).statusCode(200)
                .extract().path("token");

        assertNotEquals(newToken, storedToken(entry.getString("id")));
        given().get("/api/entries/by-token/" + newToken).then().statusCode(200);
        given().get("/api/entries/by-token/" + entry.getString("token")).then().statusCode(404);
    }

    @Test
    void privatePagesAreNeitherCachedNorToldToOtherSites() {
        String token = entered(runnerIn("22K")).getString("token");

        for (ValidatableResponse answer : List.of(
                given().get("/api/entries/by-token/" + token).then().statusCode(200),
                given().accept("text/html").get("/entry/" + token).then().statusCode(200),
                given().accept("text/html").get("/entry/" + token + "/transfer").then().statusCode(200),
                given().accept("text/html").get("/entry/not-a-link").then().statusCode(404))) {
            answer.header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer");
        }
        post(token, "race-change", Map.of("raceCode", "22K")).statusCode(409)
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer");
    }

    private static String storedToken(String id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) Entry.getEntityManager()
                .createNativeQuery("SELECT tokenhash FROM entry WHERE id = ?1")
                .setParameter(1, UUID.fromString(id)).getSingleResult());
    }
}
