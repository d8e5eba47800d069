package fr.pyramidesnoires.registration.entry;

import static fr.pyramidesnoires.registration.entry.EntryChangeTest.entered;
import static fr.pyramidesnoires.registration.entry.EntryChangeTest.post;
import static fr.pyramidesnoires.registration.entry.EntryChangeTest.runnerIn;
import static fr.pyramidesnoires.registration.entry.RegistrationTest.register;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** STARTED left its entries window open (none given), but its start is past: it takes no entry. */
@QuarkusTest
class RaceStartedTest {

    @Test
    void aRaceThatStartedRefusesEntriesThoughItsWindowIsOpen() {
        register(runnerIn("STARTED")).statusCode(422).contentType("application/problem+json")
                .body("type", containsString("race-started"))
                .body("title", equalTo("Inscription refusée / Entry refused"))
                .body("detail", containsString("Le STARTED est parti le "))
                .body("detail", containsString("STARTED started on "));
    }

    @Test
    void noRunnerMovesIntoARaceThatStarted() {
        JsonPath entry = entered(runnerIn("22K"));

        post(entry.getString("token"), "race-change", Map.of("raceCode", "STARTED"))
                .statusCode(422).contentType("application/problem+json")
                .body("type", containsString("race-started"));
        given().get("/api/entries/by-token/" + entry.getString("token")).then().body("raceCode", equalTo("22K"));
    }
}
