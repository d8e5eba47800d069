package fr.pyramidesnoires.registration.entry;

import static fr.pyramidesnoires.registration.entry.EntryChangeTest.entered;
import static fr.pyramidesnoires.registration.entry.EntryChangeTest.post;
import static fr.pyramidesnoires.registration.entry.EntryChangeTest.runnerIn;
import static fr.pyramidesnoires.registration.entry.RegistrationTest.register;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** International sex codes: M is a man's entry as H is, and X enters only a race with a non-binary division. */
@QuarkusTest
class SexCodesTest {

    private static Map<String, Object> runner(String race, String sex) {
        Map<String, Object> body = runnerIn(race);
        body.put("sex", sex);
        return body;
    }

    private static EntryEvent.Sex stored(JsonPath entry) {
        return QuarkusTransaction.requiringNew().call(
                () -> Entry.<Entry>findById(UUID.fromString(entry.getString("id"))).sex);
    }

    private static EntryEvent published(String entryId) {
        try (TopicProbe kafka = TopicProbe.onTheServicesBroker()) {
            return kafka.awaitLast(Topics.ENTRIES, EntryEvent.class, e -> e.entryId().equals(entryId),
                    Duration.ofSeconds(20));
        }
    }

    @Test
    void mIsAMansEntryKeptAsHForTheConsumersAndTheData() {
        JsonPath entry = entered(runner("22K", "M"));

        assertEquals(EntryEvent.Sex.H, stored(entry));
        assertEquals(EntryEvent.Sex.H, published(entry.getString("id")).sex());
    }

    @Test
    void xEntersARaceWithANonBinaryDivisionAndGoesOutAsX() {
        JsonPath entry = entered(runner("DENVER", "X"));

        assertEquals(EntryEvent.Sex.X, stored(entry));
        assertEquals(EntryEvent.Sex.X, published(entry.getString("id")).sex());
    }

    @Test
    void xIsRefusedWhereTheRaceHasNoNonBinaryDivision() {
        register(runner("22K", "X")).statusCode(422).contentType("application/problem+json")
                .body("type", containsString("no-non-binary-division"))
                .body("title", equalTo("Inscription refusée / Entry refused"))
                .body("detail", containsString("22K has no non-binary division (X)"));

        JsonPath entry = entered(runner("DENVER", "X"));
        post(entry.getString("token"), "race-change", Map.of("raceCode", "22K"))
                .statusCode(422).contentType("application/problem+json")
                .body("type", containsString("no-non-binary-division"));
        given().get("/api/entries/by-token/" + entry.getString("token")).then().body("raceCode", equalTo("DENVER"));
    }

    @Test
    void anUnknownCodeIsRefusedNamingTheCodesTaken() {
        register(runner("22K", "Q")).statusCode(400).contentType("application/problem+json")
                .body("errors.find { it.field == 'sex' }.message", containsString("one of F, H/M, X"));
    }
}
