package fr.pyramidesnoires.registration.entry;

import static fr.pyramidesnoires.registration.entry.RegistrationTest.register;
import static fr.pyramidesnoires.registration.entry.RegistrationTest.runner;
import static fr.pyramidesnoires.registration.entry.RegistrationTest.uniqueName;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a runner does with their private link besides looking: give the entry away, or move it to another race. */
@QuarkusTest
public class EntryChangeTest {

    @BeforeEach
    void emptyTheSmallRaces() {
        emptySmallRaces();
    }

    public static void emptySmallRaces() {
        QuarkusTransaction.requiringNew().run(() -> Entry.delete("raceCode in ?1", List.of("MOVE-A", "MOVE-B")));
    }

    public static Map<String, Object> runnerIn(String race) {
        return new HashMap<>(runner(uniqueName(), race));
    }

    public static JsonPath entered(Map<String, Object> body) {
        return register(body).statusCode(201).extract().jsonPath();
    }

    public static ValidatableResponse post(String token, String action, Object body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/entries/by-token/" + token + "/" + action).then();
    }

    @Test
    void aTransferGivesTheBibAndChipToAnotherRunnerWithANewLink() {
        JsonPath old = entered(runnerIn("35K"));
        Map<String, Object> newRunner = runnerIn("35K");
        newRunner.put("firstName", "Karim");
        newRunner.put("sex", "H");
        newRunner.put("birthDate", "1975-02-03");

        JsonPath transferred = post(old.getString("token"), "transfer", newRunner)
                .statusCode(200)
                .body("bib", equalTo(old.getInt("bib")))
                .body("chip", equalTo(old.getString("chip")))
                .body("category", equalTo("M3"))
                .extract().jsonPath();

        assertNotEquals(old.getString("token"), transferred.getString("token"));
        given().get("/api/entries/by-token/" + old.getString("token")).then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/entries/by-token/" + transferred.getString("token")).then().statusCode(200);
        try (TopicProbe kafka = probe()) {
            EntryEvent event = kafka.awaitLast(Topics.ENTRIES, EntryEvent.class,
                    e -> e.entryId().equals(old.getString("id")) && "Karim".equals(e.firstName()),
                    Duration.ofSeconds(20));
            assertEquals(EntryEvent.Type.UPSERTED, event.type());
            assertEquals(newRunner.get("lastName"), event.lastName());
            assertEquals(EntryEvent.Sex.H, event.sex());
            assertEquals(old.getInt("bib"), event.bib());
        }
    }

    @Test
    void theNewRunnerMustBeAllowedToRunTheRace() {
        JsonPath old = entered(runnerIn("55K"));
        Map<String, Object> cadet = runnerIn("55K");
        cadet.put("birthDate", "2010-06-01");

        post(old.getString("token"), "transfer", cadet)
                .statusCode(422).contentType("application/problem+json")
                .body("type", containsString("km-effort-limit"));
        Map<String, Object> otherRace = runnerIn("22K");
        post(old.getString("token"), "transfer", otherRace)
                .statusCode(422).body("type", containsString("transfer-keeps-race"));
        Map<String, Object> invalid = runnerIn("55K");
        invalid.put("lastName", "");
        post(old.getString("token"), "transfer", invalid)
                .statusCode(400).body("errors.field", hasItem("lastName"));

        given().get("/api/entries/by-token/" + old.getString("token")).then().statusCode(200)
                .body("bib", equalTo(old.getInt("bib")));
    }

    @Test
    void aChangeOfRaceTakesABibFromTheNewRaceAndFreesThePlaceForTheWaitlist() {
        JsonPath first = entered(runnerIn("MOVE-A"));
        entered(runnerIn("MOVE-A"));
        JsonPath waiting = entered(runnerIn("MOVE-A"));
        assertEquals("WAITLISTED", waiting.getString("status"));

        JsonPath moved = post(first.getString("token"), "race-change", Map.of("raceCode", "MOVE-B"))
                .statusCode(200)
                .body("raceCode", equalTo("MOVE-B"))
                .body("status", equalTo("CONFIRMED"))
                .extract().jsonPath();

        assertTrue(moved.getInt("bib") >= 9501 && moved.getInt("bib") <= 9550, "bib " + moved.getInt("bib"));
        assertEquals(first.getString("token"), moved.getString("token"), "the runner keeps their link");
        given().get("/api/entries/by-token/" + waiting.getString("token")).then()
                .body("status", equalTo("CONFIRMED"))
                .body("bib", equalTo(first.getInt("bib")));
        try (TopicProbe kafka = probe()) {
            EntryEvent event = kafka.awaitLast(Topics.ENTRIES, EntryEvent.class,
                    e -> e.entryId().equals(first.getString("id")) && "MOVE-B".equals(e.raceCode()),
                    Duration.ofSeconds(20));
            assertEquals(moved.getInt("bib"), event.bib());
        }
    }

    @Test
    void aFullRaceOrOneTheRunnerMayNotRunRefusesTheChange() {
        JsonPath leaving = entered(runnerIn("MOVE-A"));
        Map<String, Object> withCertificate = runnerIn("MOVE-A");
        withCertificate.remove("licenceNumber");
        withCertificate.put("medicalCertificate", true);
        JsonPath certified = entered(withCertificate);

        post(certified.getString("token"), "race-change", Map.of("raceCode", "MOVE-B"))
                .statusCode(422).contentType("application/problem+json")
                .body("type", containsString("certificate-not-accepted"));
        entered(runnerIn("MOVE-B"));
        entered(runnerIn("MOVE-B"));
        post(leaving.getString("token"), "race-change", Map.of("raceCode", "MOVE-B"))
                .statusCode(409).contentType("application/problem+json")
                .body("type", containsString("race-full"));
        post(leaving.getString("token"), "race-change", Map.of("raceCode", "999K"))
                .statusCode(404).body("type", containsString("unknown-race"));

        given().get("/api/entries/by-token/" + leaving.getString("token")).then()
                .body("raceCode", equalTo("MOVE-A"))
                .body("bib", equalTo(leaving.getInt("bib")));
    }

    private static TopicProbe probe() {
        return TopicProbe.onTheServicesBroker();
    }
}
