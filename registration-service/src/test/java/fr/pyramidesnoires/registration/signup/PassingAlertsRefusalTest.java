package fr.pyramidesnoires.registration.signup;

import static fr.pyramidesnoires.registration.entry.RegistrationTest.register;
import static fr.pyramidesnoires.registration.entry.RegistrationTest.runner;
import static fr.pyramidesnoires.registration.entry.RegistrationTest.uniqueName;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.Eventually;
import fr.pyramidesnoires.events.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The runner's private page lets them refuse passing alerts, and the entries topic tells results-web so. */
@QuarkusTest
class PassingAlertsRefusalTest {

    private static final String CHECKED = "id=\"passingAlertsRefused\" name=\"refused\" value=\"true\" checked";

    @Test
    void theRunnerRefusesBeingFollowedByMailThenChangesTheirMind() throws Exception {
        ExtractableResponse<Response> entry = register(runner(uniqueName(), "35K")).statusCode(201).extract();
        String id = entry.path("id");
        String token = entry.path("token");
        given().get("/entry/" + token).then().statusCode(200)
                .body(allOf(containsString("Je refuse d'être suivi par e-mail"), not(containsString(CHECKED))));

        try (TopicProbe kafka = TopicProbe.onTheServicesBroker()) {
            String back = SignupPageTest.post("/entry/" + token + "/passing-alerts", Map.of("refused", "true"))
                    .statusCode(303).extract().header("Location");
            awaitLatestEvent(kafka, id, true);
            given().get(back).then().statusCode(200)
                    .body(allOf(containsString("Choix enregistré"), containsString(CHECKED)));

            SignupPageTest.post("/entry/" + token + "/passing-alerts", Map.of()).statusCode(303);
            awaitLatestEvent(kafka, id, false);
            given().get("/entry/" + token).then().body(not(containsString(CHECKED)));
        }
    }

    private static void awaitLatestEvent(TopicProbe kafka, String id, boolean refused) {
        Eventually.until(() -> kafka.readAll(Topics.ENTRIES).stream().filter(r -> id.equals(r.key()))
                        .map(ConsumerRecord::value).reduce((a, b) -> b).map(PassingAlertsRefusalTest::refused),
                Optional.of(refused)::equals, Duration.ofSeconds(20),
                seen -> "the latest entry event of " + id + " says refused " + seen);
    }

    private static boolean refused(String message) {
        try {
            return new ObjectMapper().readTree(message).path("passingAlertsRefused").asBoolean();
        } catch (Exception e) {
            throw new IllegalStateException(message, e);
        }
    }
}
