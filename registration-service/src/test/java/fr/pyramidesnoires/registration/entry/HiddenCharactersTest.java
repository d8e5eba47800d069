package fr.pyramidesnoires.registration.entry;

import static fr.pyramidesnoires.registration.entry.EntryChangeTest.entered;
import static fr.pyramidesnoires.registration.entry.EntryChangeTest.post;
import static fr.pyramidesnoires.registration.entry.EntryChangeTest.runnerIn;
import static fr.pyramidesnoires.registration.entry.RegistrationTest.register;
import static fr.pyramidesnoires.registration.entry.RegistrationTest.uniqueName;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.pyramidesnoires.registration.signup.SignupPageTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.stream.Stream;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Characters that are not shown as themselves (NUL, escapes, backspace, bidi overrides, zero-width spaces) are
 * refused where they are typed, naming the field: none reaches the database, a log or a published ranking.
 */
@QuarkusTest
class HiddenCharactersTest {

    /** 43 characters like a private link, one of them a NUL. */
    private static final String NUL_TOKEN = "A".repeat(20) + "%00" + "A".repeat(22);

    static Stream<Arguments> refusedCharacters() {
        return Stream.of("lastName", "club").flatMap(field -> Stream.of(
                Arguments.of(field, "\u0000", "U+0000"),
                Arguments.of(field, "\u202E", "U+202E"),
                Arguments.of(field, "\u001B[31m", "U+001B"),
                Arguments.of(field, "\b\b", "U+0008"),
                Arguments.of(field, "\u200B", "U+200B")));
    }

    @ParameterizedTest(name = "{0} with {2}")
    @MethodSource("refusedCharacters")
    void aHiddenCharacterInANameOrClubIsRefusedNamingTheFieldAndNothingIsStored(String field, String hidden,
                                                                               String code) {
        String lastName = uniqueName();
        Map<String, Object> body = runnerIn("22K");
        body.put("lastName", lastName);
        body.put(field, field.equals("lastName") ? "Du" + hidden + "pont" : "AC " + hidden + "Oignies");

        register(body).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://pyramides-noires.fr/problems/invalid-fields"))
                .body("errors.field", hasItem(field))
                .body("errors.find { it.field == '" + field + "' }.message",
                        startsWith("contient un caractère invisible ou de contrôle (" + code + ")"))
                .body("errors.find { it.field == '" + field + "' }.message",
                        containsString("/ holds an invisible or control character (" + code + ")"));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> Entry.count("lastName like ?1",
                "%" + lastName.substring(7) + "%")));
    }

    @Test
    void everyOtherTextFieldOfARegistrationRefusesThemToo() {
        for (String field : new String[] {"firstName", "email", "phone", "emergencyContactName",
                "emergencyContactPhone", "licenceNumber", "ppsNumber", "nationality", "raceCode"}) {
            Map<String, Object> body = runnerIn("22K");
            body.put(field, body.getOrDefault(field, "06 12 34 56 78") + "\u0000");
            register(body).statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem(field));
        }
    }

    @Test
    void namesKeepTheirAccentsApostrophesHyphensAndSpaces() {
        Map<String, Object> body = runnerIn("22K");
        String lastName = "D'Artagnan-Lefèvre " + uniqueName().substring(7);
        body.put("firstName", "Zoë Anaïs");
        body.put("lastName", lastName);
        body.put("club", "Athlétic Club d’Hénin-Beaumont");
        String id = register(body).statusCode(201).extract().path("id");

        Entry entry = QuarkusTransaction.requiringNew().call(() -> Entry.findById(UUID.fromString(id)));
        assertEquals("Zoë Anaïs", entry.firstName);
        assertEquals(lastName, entry.lastName);
        assertEquals("Athlétic Club d’Hénin-Beaumont", entry.club);
    }

    @Test
    void aZeroWidthNonJoinerIsKeptInsideAPersianNameOnly() {
        Map<String, Object> persian = runnerIn("22K");
        // "Fatemeh-Zahra", written with the non-joiner that Persian needs between its two parts
        persian.put("firstName", "فاطمه\u200Cزهرا");
        register(persian).statusCode(201);

        Map<String, Object> latin = runnerIn("22K");
        latin.put("firstName", "Lé\u200Ca");
        register(latin).statusCode(400).body("errors.field", hasItem("firstName"));
        Map<String, Object> atTheEnd = runnerIn("22K");
        atTheEnd.put("firstName", "فاطمه\u200C");
        register(atTheEnd).statusCode(400).body("errors.field", hasItem("firstName"));
    }

    @Test
    void aTransferAndARaceChangeRefuseThemToo() {
        String token = entered(runnerIn("35K")).getString("token");
        Map<String, Object> newRunner = runnerIn("35K");
        newRunner.put("firstName", "Karim\u202Egnp.exe");

        post(token, "transfer", newRunner).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("firstName"));
        post(token, "race-change", Map.of("raceCode", "55K\u0000")).statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("raceCode"));
        given().get("/api/entries/by-token/" + token).then().statusCode(200).body("raceCode", equalTo("35K"));
    }

    @Test
    void theFormShowsTheReasonBesideTheField() {
        Map<String, String> form = SignupPageTest.filledForm(uniqueName(), "22K");
        form.put("club", "AC \u202EOignies");

        given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(form).when().post("/")
                .then().statusCode(400).contentType(containsString("text/html"))
                .body(allOf(containsString("id=\"club\" name=\"club\""), containsString("aria-invalid=\"true\""),
                        containsString("<span id=\"club-error\" class=\"error\">contient un caractère invisible"
                                + " ou de contrôle (U+202E)")));
    }

    @Test
    void aLinkWithANulIsAnUnknownLinkWhereverItIsUsed() {
        given().urlEncodingEnabled(false).when().get("/api/entries/by-token/" + NUL_TOKEN)
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://pyramides-noires.fr/problems/unknown-entry"));
        given().urlEncodingEnabled(false).when().get("/api/entries/by-token/%00")
                .then().statusCode(404).contentType("application/problem+json");
        given().urlEncodingEnabled(false).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/entries/by-token/" + NUL_TOKEN + "/cancellation")
                .then().statusCode(404).contentType("application/problem+json");
        given().urlEncodingEnabled(false).contentType(ContentType.JSON).body(runnerIn("22K"))
                .when().post("/api/entries/by-token/" + NUL_TOKEN + "/transfer")
                .then().statusCode(404).contentType("application/problem+json");
        for (String page : new String[] {"", "/transfer"}) {
            given().urlEncodingEnabled(false).accept("text/html").when().get("/entry/" + NUL_TOKEN + page)
                    .then().statusCode(404).contentType(containsString("text/html"))
                    .body(containsString("No entry has this link"));
        }
    }

    @Test
    void anOrganiserSearchOrCorrectionWithANulIsAProblemNotAServerError() {
        given().auth().preemptive().basic("organiser", "organiser-secret").urlEncodingEnabled(false)
                .when().get("/api/admin/entries?name=Du%00pont")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("name"));
        given().auth().preemptive().basic("organiser", "organiser-secret").urlEncodingEnabled(false)
                .when().get("/api/admin/entries?club=%E2%80%AE")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().preemptive().basic("organiser", "organiser-secret").urlEncodingEnabled(false)
                .accept("text/html").when().get("/admin/entries?name=Du%00pont&bib=&club=&race=&status=")
                .then().statusCode(400).contentType(containsString("text/html"));

        String id = entered(runnerIn("22K")).getString("id");
        given().auth().preemptive().basic("organiser", "organiser-secret").contentType(ContentType.JSON)
                .body(Map.of("emergencyContactName", "Marc\u0000Dupont")).when().patch("/api/admin/entries/" + id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("emergencyContactName"));
    }
}
