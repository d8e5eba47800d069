package fr.pyramidesnoires.registration.entry;

import static fr.pyramidesnoires.registration.entry.RegistrationTest.register;
import static fr.pyramidesnoires.registration.entry.RegistrationTest.runner;
import static fr.pyramidesnoires.registration.entry.RegistrationTest.uniqueName;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whatever a client sends, the answer is a problem naming what is wrong, never a server error or half an entry. */
@QuarkusTest
class BadInputTest {

    @Test
    void aThreeMegabyteNameIsRefusedWithoutEchoingIt() {
        String huge = "x".repeat(3 * 1024 * 1024);
        Map<String, Object> body = new HashMap<>(runner(huge, "22K"));

        register(body).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("lastName"))
                .body("detail", not(containsString("xxxxxxxxxx")));
    }

    @Test
    void aBodyOverTheLimitIsAProblemForTheApiAndAPageForABrowser() {
        String eleven = "x".repeat(11 * 1024 * 1024);

        given().contentType(ContentType.JSON).body(eleven).when().post("/api/entries")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", containsString("body-too-large"))
                .body("detail", equalTo("Ce que vous envoyez dépasse 10 Mo / What you send is over 10 MB"));
        given().accept("text/html,application/xhtml+xml;q=0.9").contentType(ContentType.URLENC)
                .body("lastName=" + eleven).when().post("/")
                .then().statusCode(413).contentType(containsString("text/html"))
                .body(containsString("Ce que vous envoyez dépasse 10 Mo"));
    }

    @Test
    void aPpsFromTheFutureIsAbsurd() {
        Map<String, Object> body = new HashMap<>(runner(uniqueName(), "22K"));
        body.remove("licenceNumber");
        body.put("ppsNumber", "PPS-1");
        body.put("ppsDate", "2999-01-01");

        register(body).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("ppsDate"));
    }

    @Test
    void eachFieldAtFaultIsNamedInFrenchThenEnglish() {
        Map<String, Object> body = new HashMap<>(runner(" ", "22K"));
        body.put("email", "not an address");
        body.put("nationality", "France");

        register(body).statusCode(400).contentType("application/problem+json")
                .body("errors.find { it.field == 'lastName' }.message", equalTo("à remplir / required"))
                .body("errors.find { it.field == 'email' }.message",
                        equalTo("adresse e-mail invalide / not a valid e-mail address"))
                .body("errors.find { it.field == 'nationality' }.message",
                        startsWith("le code pays ISO 3166 en trois lettres, par exemple FRA / "));
    }

    @Test
    void aBodyThatIsNotJsonOrNotARunnerIsAProblem() {
        given().contentType(ContentType.TEXT).body("firstName=Léa").when().post("/api/entries")
                .then().statusCode(415).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("[1, 2]").when().post("/api/entries")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).when().post("/api/entries")
                .then().statusCode(400).contentType("application/problem+json");
        Map<String, Object> body = new HashMap<>(runner(uniqueName(), "22K"));
        body.put("sex", "Q");
        register(body).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("sex"));
    }

    @Test
    void aBibOrChipAskedForIsRefusedNotIgnored() {
        Map<String, Object> body = new HashMap<>(runner(uniqueName(), "22K"));
        body.put("bib", 7);
        body.put("chip", "E200-0001");

        register(body).statusCode(400).contentType("application/problem+json")
                .body("errors.find { it.field == 'bib' }.message", equalTo(RegistrationRequest.ORGANISER_BIB))
                .body("errors.find { it.field == 'chip' }.message", equalTo(RegistrationRequest.ORGANISER_CHIP))
                .body("detail", containsString("seul l'organisateur attribue les dossards"));
    }

    @Test
    void theLinkActionsRefuseMissingOrUnknownThings() {
        String token = register(runner(uniqueName(), "22K")).statusCode(201).extract().path("token");

        given().contentType(ContentType.JSON).body("{}").when()
                .post("/api/entries/by-token/" + token + "/race-change")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("raceCode"));
        given().contentType(ContentType.JSON).body("{\"raceCode\": \"22K\"}").when()
                .post("/api/entries/by-token/" + token + "/race-change")
                .then().statusCode(409).body("type", containsString("same-race"));
        given().contentType(ContentType.JSON).body("{\"firstName\": ").when()
                .post("/api/entries/by-token/" + token + "/transfer")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(runner(uniqueName(), "22K")).when()
                .post("/api/entries/by-token/not-a-token/transfer")
                .then().statusCode(404).contentType("application/problem+json");
        given().contentType("application/pdf").body(new byte[] {1, 2, 3}).when()
                .put("/api/entries/by-token/not-a-token/certificate")
                .then().statusCode(404).contentType("application/problem+json");

        given().get("/api/entries/by-token/" + token).then().statusCode(200).body("raceCode", equalTo("22K"));
    }
}
