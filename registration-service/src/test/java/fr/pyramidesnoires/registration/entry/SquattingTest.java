package fr.pyramidesnoires.registration.entry;

import static fr.pyramidesnoires.registration.entry.EntryChangeTest.entered;
import static fr.pyramidesnoires.registration.entry.EntryChangeTest.post;
import static fr.pyramidesnoires.registration.entry.EntryChangeTest.runnerIn;
import static fr.pyramidesnoires.registration.entry.RegistrationTest.register;
import static fr.pyramidesnoires.registration.entry.RegistrationTest.uniqueLicence;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.pyramidesnoires.registration.signup.SignupPageTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A script cannot take places under made-up runners: an e-mail each, and a licence or PPS number for one entry. */
@QuarkusTest
class SquattingTest {

    private static final String LICENCE_IN_USE = "https://pyramides-noires.fr/problems/licence-in-use";

    @Test
    void aRegistrationOrTransferWithoutEmailIsRefused() {
        Map<String, Object> body = runnerIn("22K");
        body.remove("email");
        register(body).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("email"));
        body.put("email", " ");
        register(body).statusCode(400).body("errors.field", hasItem("email"));

        String token = entered(runnerIn("22K")).getString("token");
        post(token, "transfer", body).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("email"));
    }

    @Test
    void aLicenceNumberHeldByAnActiveEntryIsRefusedInAnyRaceUntilThatEntryIsCancelled() {
        String licence = uniqueLicence();
        Map<String, Object> first = runnerIn("22K");
        first.put("licenceNumber", licence);
        String token = entered(first).getString("token");

        Map<String, Object> second = runnerIn("55K");
        second.put("licenceNumber", " " + licence);
        register(second).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(LICENCE_IN_USE))
                .body("detail", containsString("is already used by another entry of the event"));

        post(token, "cancellation", Map.of()).statusCode(200);
        register(second).statusCode(201);
    }

    @Test
    void theFormShowsALicenceInUseBesideTheField() {
        Map<String, String> form = SignupPageTest.filledForm(RegistrationTest.uniqueName(), "22K");
        postForm(form).statusCode(303);

        form.put("lastName", RegistrationTest.uniqueName());
        postForm(form).statusCode(400).contentType(containsString("text/html"))
                .body(containsString("<span id=\"licenceNumber-error\" class=\"error\">La licence "
                        + form.get("licenceNumber") + " est déjà celle d&#39;une autre inscription"));
    }

    private static ValidatableResponse postForm(Map<String, String> form) {
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(form).when().post("/").then();
    }

    @Test
    void aPpsNumberIsComparedOnItsLettersAndDigits() {
        String pps = "P" + uniqueLicence();
        // a licence makes the runner eligible; the PPS number given beside it is theirs all the same
        Map<String, Object> first = runnerIn("22K");
        first.put("ppsNumber", pps + "-ab");
        entered(first);

        Map<String, Object> again = runnerIn("35K");
        again.put("ppsNumber", pps.toLowerCase() + " AB");
        register(again).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://pyramides-noires.fr/problems/pps-in-use"));
    }

    @Test
    void aTransferOrACorrectionCannotTakeAnotherEntrysNumber() {
        String held = uniqueLicence();
        Map<String, Object> holder = runnerIn("22K");
        holder.put("licenceNumber", held);
        entered(holder);
        Map<String, Object> other = runnerIn("35K");
        String own = uniqueLicence();
        other.put("licenceNumber", own);
        String id = entered(other).getString("id");
        String token = entered(runnerIn("35K")).getString("token");

        Map<String, Object> newRunner = runnerIn("35K");
        newRunner.put("licenceNumber", held);
        post(token, "transfer", newRunner).statusCode(409).body("type", equalTo(LICENCE_IN_USE));
        given().auth().preemptive().basic("organiser", "organiser-secret").contentType(ContentType.JSON)
                .body(Map.of("licenceNumber", held)).when().patch("/api/admin/entries/" + id)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(LICENCE_IN_USE));
        given().auth().preemptive().basic("organiser", "organiser-secret").contentType(ContentType.JSON)
                .body(Map.of("licenceNumber", own)).when().patch("/api/admin/entries/" + id)
                .then().statusCode(200);
        newRunner.put("licenceNumber", uniqueLicence());
        post(token, "transfer", newRunner).statusCode(200);
    }

    @Test
    void twoRunnersGivingOneNumberAtOnceInTwoRacesGetOnePlace() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int round = 0; round < 5; round++) {
            String licence = uniqueLicence();
            List<Callable<Integer>> attempts = new ArrayList<>();
            for (String race : List.of("22K", "35K", "55K", "110K", "22K", "35K", "55K", "110K")) {
                Map<String, Object> body = runnerIn(race);
                body.put("licenceNumber", licence);
                attempts.add(() -> register(body).extract().statusCode());
            }
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> answer : pool.invokeAll(attempts)) {
                answers.add(answer.get());
            }
            assertEquals(1, answers.stream().filter(status -> status == 201).count(), "answers: " + answers);
            assertEquals(7, answers.stream().filter(status -> status == 409).count(), "answers: " + answers);
        }
        pool.shutdown();
    }
}
