package fr.pyramidesnoires.registration.entry;

import static fr.pyramidesnoires.registration.entry.EntryChangeTest.runnerIn;
import static fr.pyramidesnoires.registration.entry.RegistrationTest.register;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With the limit on, as in production: three registrations an hour from one address, here. */
@QuarkusTest
@TestProfile(RegistrationRateLimitTest.ThreeAnHour.class)
class RegistrationRateLimitTest {

    public static class ThreeAnHour implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("registration.rate-limit.count", "3", "registration.rate-limit.window", "1H");
        }
    }

    @Test
    void anAddressPastItsRegistrationsIsToldToComeBackLater() {
        String token = register(runnerIn("22K")).statusCode(201).extract().path("token");
        // a refused registration counts too: a script's attempts cost it as much
        Map<String, Object> refused = runnerIn("22K");
        refused.remove("email");
        register(refused).statusCode(400);
        // the same resource reached by a path spelled otherwise counts as well
        given().urlEncodingEnabled(false).contentType(ContentType.JSON).body(runnerIn("35K"))
                .when().post("/api/%65ntries")
                .then().statusCode(201);

        register(runnerIn("55K")).statusCode(429).contentType("application/problem+json")
                .header("Retry-After", Integer::valueOf, allOf(greaterThan(3500), lessThanOrEqualTo(3601)))
                .body("type", equalTo("https://pyramides-noires.fr/problems/too-many-registrations"))
                .body("detail", containsString("Too many registrations from your address"));
        given().accept("text/html").contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("lastName", "Dupont").when().post("/")
                .then().statusCode(429).contentType(containsString("text/html"))
                .body(containsString("Trop d'inscriptions depuis votre adresse"));

        // the runner's own link and the form's page still answer
        given().get("/api/entries/by-token/" + token).then().statusCode(200);
        given().accept("text/html").get("/").then().statusCode(200);
    }
}
