package fr.pyramidesnoires.results.race;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import fr.pyramidesnoires.events.RaceEvent;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.Eventually;
import fr.pyramidesnoires.events.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The spectators' site cannot be framed, and what it cannot answer is a problem in French and English. */
@QuarkusTest
class HttpGuardsTest {

    static TopicProbe kafka() {
        return TopicProbe.shared();
    }

    @Test
    void noPageOrAnswerMayBeFramed() {
        String race = "G" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        kafka().send(Topics.RACES, race, new RaceEvent(race, "Trail " + race, 22, 400,
                OffsetDateTime.parse("2027-03-20T09:00:00+01:00"), 100));
        Eventually.until(() -> given().when().get("/races/" + race).statusCode(), status -> status == 200,
                Duration.ofSeconds(30), status -> race + " never shown: " + status);

        framingForbidden(given().accept("text/html").when().get("/").then().statusCode(200));
        // rendered once, then sent straight from the page cache, outside the resource layer
        framingForbidden(given().accept("text/html").when().get("/races/" + race).then().statusCode(200));
        framingForbidden(given().accept("text/html").when().get("/races/" + race).then().statusCode(200));
        framingForbidden(given().when().get("/api/races/" + race + "/ranking").then().statusCode(200));
        framingForbidden(given().when().get("/races/NO-SUCH-RACE").then().statusCode(404));
    }

    static void framingForbidden(ValidatableResponse answer) {
        answer.header("X-Frame-Options", "DENY").header("Content-Security-Policy", "frame-ancestors 'none'");
    }

    @Test
    void whatIsNotThereIsAProblemOrAPage() {
        given().when().get("/api/races/NO-SUCH-RACE/ranking").then().statusCode(404)
                .contentType("application/problem+json")
                .body("title", equalTo("Introuvable / Not found"))
                .body("detail", containsString("Course inconnue / Unknown race"));
        given().when().get("/api/races/NO-SUCH-RACE/runners/1").then().statusCode(404)
                .contentType("application/problem+json").body("title", equalTo("Introuvable / Not found"));
        given().when().get("/no/such/page").then().statusCode(404).contentType("application/problem+json")
                .body("title", equalTo("Introuvable / Not found"));
        given().accept("text/html").when().get("/races/NO-SUCH-RACE/runners/1").then().statusCode(404)
                .contentType(containsString("text/html")).body(containsString("Introuvable / Not found"));
    }

    @Test
    void anotherSitesPageCannotPostHere() {
        given().header("Origin", "https://results.example.net").contentType("application/json").body("{}")
                .when().post("/api/races/22K/ranking").then().statusCode(403)
                .contentType("application/problem+json").body("type", containsString("cross-site"));
    }

    @Test
    void anUnexpectedFailureIsAProblemWithoutItsStackTrace() {
        given().when().get("/test-only/failure").then().statusCode(500).contentType("application/problem+json")
                .body("title", equalTo("Erreur du serveur / Server error"))
                .body(not(containsString("IllegalStateException")), not(containsString("at fr.")));
    }
}
