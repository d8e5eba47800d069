package fr.pyramidesnoires.registration.signup;

import static fr.pyramidesnoires.registration.entry.RegistrationTest.uniqueLicence;
import static fr.pyramidesnoires.registration.entry.RegistrationTest.uniqueName;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.registration.entry.Entry;
import fr.pyramidesnoires.registration.entry.EntryChangeTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
public class SignupPageTest {

    private static final Pattern ENTRY_PAGE = Pattern.compile("/entry/([A-Za-z0-9_-]{43})\\?done=entered");

    @BeforeEach
    void emptyTheSmallRaces() {
        EntryChangeTest.emptySmallRaces();
    }

    public static Map<String, String> filledForm(String lastName, String race) {
        return new HashMap<>(Map.ofEntries(Map.entry("raceCode", race), Map.entry("firstName", "Léa"),
                Map.entry("lastName", lastName), Map.entry("sex", "F"), Map.entry("birthDate", "1990-05-14"),
                Map.entry("nationality", "fra"), Map.entry("club", "AC Oignies"),
                Map.entry("email", "lea@example.org"), Map.entry("phone", "+33 6 12 34 56 78"),
                Map.entry("emergencyContactName", "Marc Dupont"), Map.entry("emergencyContactPhone", "06 98 76 54 32"),
                Map.entry("proof", "licence"), Map.entry("licenceNumber", uniqueLicence()),
                Map.entry("rulesAccepted", "on"), Map.entry("publishName", "on")));
    }

    static ValidatableResponse post(String path, Map<String, String> form) {
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(form).when().post(path).then();
    }

    /** The private token an accepted form leads to. */
    static String tokenOf(ValidatableResponse accepted) {
        String location = accepted.statusCode(303).extract().header("Location");
        Matcher matcher = ENTRY_PAGE.matcher(location);
        assertTrue(matcher.find(), location);
        return matcher.group(1);
    }

    @Test
    void aDeadPrivateLinkIsAReadablePageInABrowserAndAProblemForTheApi() {
        given().accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .when().get("/entry/not-a-link-anyone-was-given")
                .then().statusCode(404).contentType(containsString("text/html"))
                .body(allOf(containsString("<html lang=\"fr\">"), containsString("No entry has this link"),
                        containsString("role=\"alert\""), not(containsString("\"status\""))));
        given().when().get("/api/entries/by-token/not-a-link-anyone-was-given")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("Aucune inscription n'a ce lien / No entry has this link"));
    }

    @Test
    void theFormSpeaksFrenchThenEnglishAndLabelsEveryField() {
        String page = given().when().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(allOf(containsString("<html lang=\"fr\">"), containsString("Prénom / First name"),
                        containsString("Date de naissance / Birth date"), containsString("Personne à prévenir"),
                        containsString("accepte le règlement / I have read and accept the rules"),
                        containsString("places restantes"), containsString("Trail du 9-9bis 22 km"),
                        containsString("22 km · 400 m D+ · 25 € <span class=\"en\">/ €25</span>"),
                        containsString("inscriptions fermées")))
                .extract().asString();

        Matcher inputs = Pattern.compile("<input id=\"([^\"]+)\"|<input type=\"(?:radio|checkbox)\" id=\"([^\"]+)\"")
                .matcher(page);
        int count = 0;
        while (inputs.find()) {
            String id = inputs.group(1) != null ? inputs.group(1) : inputs.group(2);
            assertTrue(page.contains("<label for=\"" + id + "\""), "no label for " + id);
            count++;
        }
        assertTrue(count > 20, "only " + count + " inputs");
    }

    @Test
    void aFilledFormRegistersAndLeadsToTheConfirmation() {
        String lastName = uniqueName();
        ValidatableResponse accepted = post("/", filledForm(lastName, "22K"));
        String token = tokenOf(accepted);

        given().get(accepted.extract().header("Location")).then().statusCode(200)
                .body(allOf(containsString("Inscription enregistrée"), containsString("Dossard"),
                        containsString("25 €"), containsString("/entry/" + token),
                        containsString("Trail du 9-9bis 22 km")));
        given().get("/api/entries/by-token/" + token).then().statusCode(200)
                .body("raceCode", equalTo("22K"));
    }

    @Test
    void aRefusedFormShowsTheReasonBesideTheFieldAndKeepsTheValues() {
        String lastName = uniqueName();
        Map<String, String> cadet = filledForm(lastName, "55K");
        cadet.put("birthDate", "2010-06-01");

        post("/", cadet).statusCode(400)
                .body(allOf(containsString("role=\"alert\""),
                        containsString("La catégorie CA court au plus 15 km-effort, cette course en fait 66"
                                + " / Category CA may run at most 15 km-effort; this race is 66 km-effort"),
                        containsString("id=\"birthDate-error\""),
                        containsString("aria-invalid=\"true\" aria-describedby=\"birthDate-error"),
                        containsString("value=\"" + lastName + "\""), containsString("value=\"2010-06-01\""),
                        containsString("id=\"race-55K\" name=\"raceCode\" value=\"55K\" required checked")));
        assertEquals(0, Entry.count("lastName", lastName), "nothing written");
    }

    @Test
    void missingConsentAndUnreadableValuesAreNamedWithoutRegistering() {
        Map<String, String> form = filledForm(uniqueName(), "22K");
        form.remove("rulesAccepted");
        form.put("birthDate", "14/05/1990");
        form.put("email", "not an address");

        post("/", form).statusCode(400)
                .body(allOf(containsString("href=\"#rulesAccepted\""), containsString("href=\"#birthDate\""),
                        containsString("href=\"#email\""), containsString("value=\"14/05/1990\""),
                        containsString("adresse e-mail invalide / not a valid e-mail address"),
                        not(containsString("Inscription enregistrée"))));
    }

    @Test
    void aThreeMegabyteNameIsRefusedNotAServerError() {
        String huge = "x".repeat(3 * 1024 * 1024);

        int status = post("/", filledForm(huge, "22K")).extract().statusCode();
        assertTrue(status == 400 || status == 413, "status " + status);
        assertEquals(0, Entry.count("length(lastName) > 80"));
    }

    @Test
    void thePrivatePageMovesTransfersAndCancelsTheEntry() {
        String token = tokenOf(post("/", filledForm(uniqueName(), "MOVE-A")));

        post("/entry/" + token + "/race-change", Map.of("raceCode", "MOVE-B")).statusCode(303);
        given().get("/api/entries/by-token/" + token).then().body("raceCode", equalTo("MOVE-B"));
        given().get("/entry/" + token + "/transfer").then().statusCode(200)
                .body(containsString("name=\"raceCode\" value=\"MOVE-B\""));
        Map<String, String> newRunner = filledForm(uniqueName(), "MOVE-B");
        newRunner.put("firstName", "Karim");
        newRunner.put("sex", "H");
        post("/entry/" + token + "/transfer", newRunner).statusCode(200)
                .body(allOf(containsString("Transfert effectué"), not(containsString("/entry/"))));
        given().get("/api/entries/by-token/" + token).then().statusCode(404);

        String other = tokenOf(post("/", filledForm(uniqueName(), "MOVE-A")));
        post("/entry/" + other + "/cancellation", Map.of("sure", "on")).statusCode(303);
        given().get("/entry/" + other).then().statusCode(200).body(containsString("Annulée"));
        post("/entry/" + other + "/cancellation", Map.of("sure", "on")).statusCode(409)
                .body(allOf(containsString("role=\"alert\""), containsString("already cancelled")));
    }
}
