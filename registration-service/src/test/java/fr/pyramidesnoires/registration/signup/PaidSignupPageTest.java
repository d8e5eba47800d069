package fr.pyramidesnoires.registration.signup;

import static fr.pyramidesnoires.registration.entry.RegistrationTest.uniqueName;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.registration.entry.Entry;
import fr.pyramidesnoires.registration.entry.EntryStatus;
import fr.pyramidesnoires.registration.entry.RegistrationTest;
import fr.pyramidesnoires.registration.payment.stripe.EmulatedStripe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The form of race PAID-A, which asks whether the runner takes the shuttle and sells meals, T-shirts and gifts. */
@QuarkusTest
@TestProfile(EmulatedStripe.class)
class PaidSignupPageTest {

    @BeforeEach
    void theProviderAnswersHere() {
        EmulatedStripe.answeringThisService();
    }

    /** Sent as the browser sends the form: multipart, for the certificate's upload. */
    static ValidatableResponse send(Map<String, String> form) {
        RequestSpecification request = given().redirects().follow(false).contentType("multipart/form-data");
        form.forEach((name, value) -> request.multiPart(name, value));
        return request.when().post("/").then();
    }

    static Map<String, String> paidForm(String lastName) {
        Map<String, String> form = new HashMap<>(SignupPageTest.filledForm(lastName, "PAID-A"));
        form.put("q.PAID-A.bus", "oui");
        form.put("x.PAID-A.tshirt.quantity", "1");
        form.put("x.PAID-A.tshirt.size", "M");
        form.put("x.PAID-A.donation.amount", "5,50");
        return form;
    }

    static Entry entry(String lastName) {
        return QuarkusTransaction.requiringNew().call(() -> Entry.<Entry>find("lastName", lastName).singleResult());
    }

    /** A form sent back with the reasons and the values kept: nobody is registered. */
    static ValidatableResponse refused(String lastName, Map<String, String> form) {
        ValidatableResponse page = send(form).statusCode(400).body(containsString("value=\"" + lastName + "\""));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> Entry.count("lastName", lastName)));
        return page;
    }

    @Test
    void theFormAsksEachRacesQuestionsAndOffersItsExtrasAtTodaysPrices() {
        given().when().get("/").then().statusCode(200)
                .body(allOf(containsString("Navette ? / Shuttle?"), containsString("id=\"q.PAID-A.bus-oui\""),
                        containsString("<legend>T-shirt — 20 € <span class=\"en\">/ €20</span></legend>"),
                        containsString("name=\"x.PAID-A.tshirt.size\""),
                        containsString("name=\"x.PAID-A.meal.quantity\" type=\"number\" min=\"0\" max=\"5\""),
                        containsString("name=\"x.PAID-A.donation.amount\""),
                        // the early price is over: the price for every runner now, and the youth's beside it
                        containsString("30 € <span class=\"en\">/ €30</span>"),
                        containsString("Tarif jeunes / Youth 15 € <span class=\"en\">/ €15</span> (ES, JU, CA)"),
                        not(containsString("Tarif passé")), containsString("id=\"discountCode\"")));
    }

    @Test
    void aFilledFormHoldsThePlaceWithItsBillAndGoesToTheProvidersPage() {
        String lastName = uniqueName();
        Map<String, String> form = paidForm(lastName);
        // another race's fields, left as the page sent them: not read
        form.put("q.PAID-B.bus", "peut-être");

        send(form).statusCode(303)
                .header("Location", startsWith(EmulatedStripe.emulator().url() + "/pay/"));

        Entry entry = entry(lastName);
        assertEquals(EntryStatus.HELD, entry.status);
        assertEquals(3000 + 2000 + 550, entry.amountDueCents, "entry, one T-shirt and the gift");
        assertEquals("{\"bus\":\"yes\"}", entry.answers);
        assertTrue(entry.extras.contains("\"code\":\"tshirt\",\"size\":\"M\",\"quantity\":1"), entry.extras);
    }

    @Test
    void aMissingAnswerIsShownBesideItsQuestionWithTheOrderKept() {
        String lastName = uniqueName();
        Map<String, String> form = paidForm(lastName);
        form.remove("q.PAID-A.bus");

        refused(lastName, form)
                .body(allOf(containsString("href=\"#q.PAID-A.bus\""),
                        containsString("<fieldset id=\"q.PAID-A.bus\" aria-invalid=\"true\""
                                + " aria-describedby=\"q.PAID-A.bus-error\">"),
                        containsString("<span id=\"q.PAID-A.bus-error\" class=\"error\">Répondez à la question"
                                + " « Navette ? / Shuttle? »"),
                        containsString("<option value=\"M\" selected>M</option>"),
                        containsString("value=\"5,50\"")));
    }

    @Test
    void aSoldOutExtraIsRefusedNamingIt() {
        // the meals left, as the form says, go to a runner who paid at the race desk: no hold ending gives them back
        String meal = "Repas / Meal — 12 € <span class=\"en\">/ €12</span> — ";
        Matcher left = Pattern.compile(Pattern.quote(meal) + "plus que ([0-9]+)")
                .matcher(given().when().get("/").then().statusCode(200).extract().asString());
        if (left.find()) {
            Map<String, Object> body = new HashMap<>(RegistrationTest.runner(uniqueName(), "PAID-A"));
            body.put("answers", Map.of("bus", "non"));
            body.put("extras", List.of(Map.of("code", "meal", "quantity", Integer.parseInt(left.group(1)))));
            String id = RegistrationTest.register(body).statusCode(201).extract().path("id");
            given().auth().preemptive().basic("organiser", "organiser-secret").contentType(ContentType.JSON)
                    .body(Map.of("method", "CASH", "amount", 66)).post("/api/admin/entries/" + id + "/payments")
                    .then().statusCode(200).body("status", equalTo("CONFIRMED"));
        }
        given().when().get("/").then().body(containsString(meal + "épuisé <span class=\"en\">/ sold out</span>"));

        String lastName = uniqueName();
        Map<String, String> form = paidForm(lastName);
        form.put("x.PAID-A.meal.quantity", "1");

        refused(lastName, form)
                .body(allOf(containsString("href=\"#x.PAID-A.meal.quantity\""),
                        containsString("<span id=\"x.PAID-A.meal-error\" class=\"error\">Repas / Meal : épuisé")));
    }

    @Test
    void anUnknownDiscountCodeIsShownBesideItsField() {
        String lastName = uniqueName();
        Map<String, String> form = paidForm(lastName);
        form.put("discountCode", "personne-ne-l-a");

        refused(lastName, form).body(allOf(containsString("<span id=\"discountCode-error\" class=\"error\">Le code"
                + " de réduction PERSONNE-NE-L-A n&#39;existe pas"), containsString("value=\"personne-ne-l-a\"")));
    }

    @Test
    void aQuantityThatIsNotANumberIsNamedWithoutRegistering() {
        String lastName = uniqueName();
        Map<String, String> form = paidForm(lastName);
        form.put("x.PAID-A.tshirt.quantity", "deux");

        refused(lastName, form)
                .body(allOf(containsString("<span id=\"x.PAID-A.tshirt-error\" class=\"error\">T-shirt : une"
                        + " quantité de 0 à 5"), containsString("value=\"deux\"")));
    }
}
