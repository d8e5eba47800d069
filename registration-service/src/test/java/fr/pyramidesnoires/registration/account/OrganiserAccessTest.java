package fr.pyramidesnoires.registration.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrganiserAccessTest {

    @Test
    void theOrganiserApiWantsSigningIn() {
        given().when().get("/api/admin/entries")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Basic"))
                .body("type", containsString("unauthenticated"));
        given().when().get("/api/admin/races/ADMIN-A/start-list.csv").then().statusCode(401);
        given().when().get("/api/admin/dashboard").then().statusCode(401);
    }

    @Test
    void aWrongPasswordIsRefused() {
        given().auth().preemptive().basic("organiser", "not-the-password")
                .when().get("/api/admin/entries")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().preemptive().basic("nobody", "organiser-secret")
                .when().get("/api/admin/entries")
                .then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "someone", roles = "runner")
    void signedInWithoutTheOrganiserRoleIsForbidden() {
        given().when().get("/api/admin/entries")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", containsString("forbidden"));
        given().when().put("/api/admin/races/ADMIN-C/settings").then().statusCode(403);
    }

    @Test
    void theTestOrganiserSignsInAndIsStoredHashed() {
        given().auth().preemptive().basic("organiser", "organiser-secret")
                .when().get("/api/admin/entries")
                .then().statusCode(200);

        String hash = QuarkusTransaction.requiringNew().call(() -> OrganiserAccount.named("organiser").passwordHash);
        assertTrue(hash.startsWith("$2"), "a bcrypt hash");
        assertNotEquals("organiser-secret", hash);
    }

    @Test
    void theRunnersApiStaysOpen() {
        given().when().get("/api/entries/by-token/no-such-token").then().statusCode(404);
    }
}
