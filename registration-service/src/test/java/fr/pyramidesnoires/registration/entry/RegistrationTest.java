package fr.pyramidesnoires.registration.entry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
public class RegistrationTest {

    private static TopicProbe kafka;

    @BeforeAll
    static void connect() {
        kafka = TopicProbe.onTheServicesBroker();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    private static final AtomicInteger LICENCES = new AtomicInteger(1_000_000 + new Random().nextInt(3_000_000));

    /**
     * A 7-digit FFA licence number no other test entry holds: a number is one active entry's only. Below 5,000,000,
     * where the simulator's numbers start, as the end-to-end tests run it on the same database.
     */
    public static String uniqueLicence() {
        return String.valueOf(LICENCES.getAndIncrement());
    }

    public static String uniqueName() {
        return "Runner-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static ValidatableResponse register(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/entries").then();
    }

    public static Map<String, Object> runner(String lastName, String race) {
        return Map.of("firstName", "Léa", "lastName", lastName, "sex", "F", "birthDate", "1990-05-14",
                "raceCode", race, "nationality", "FRA", "club", "AC Oignies", "email", "lea@example.org",
                "licenceNumber", uniqueLicence());
    }

    @Test
    void anEntryGetsABibFromItsRaceARandomChipAndItsSeasonCategory() {
        register(runner(uniqueName(), "55K"))
                .statusCode(201)
                .header("Location", containsString("/api/entries/"))
                .body("raceCode", equalTo("55K"))
                .body("bib", allOf(greaterThanOrEqualTo(1001), lessThanOrEqualTo(1399)))
                .body("chip", matchesPattern("[0-9A-F]{24}"))
                // born 1990, race in season 2027: 37 years, Master 0
                .body("category", equalTo("M0"));
    }

    @Test
    void theEntriesTopicCarriesPublicFieldsOnly() {
        String lastName = uniqueName();
        String id = register(runner(lastName, "22K")).statusCode(201).extract().path("id");

        EntryEvent event = kafka.awaitLast(Topics.ENTRIES, EntryEvent.class, e -> id.equals(e.entryId()),
                Duration.ofSeconds(20));
        assertEquals(EntryEvent.Type.UPSERTED, event.type());
        assertEquals(lastName, event.lastName());
        assertEquals("22K", event.raceCode());
        assertEquals("M0", event.category());
        assertEquals("AC Oignies", event.club());

        ConsumerRecord<String, String> raw = kafka.readAll(Topics.ENTRIES).stream()
                .filter(r -> id.equals(r.key())).findFirst().orElseThrow();
        assertFalse(raw.value().contains("1990"), "birth date leaked: " + raw.value());
        assertFalse(raw.value().contains("lea@example.org"), "e-mail leaked: " + raw.value());
    }

    @Test
    void aRunnerWhoRefusesPublicationIsPublishedWithoutName() {
        Map<String, Object> body = new HashMap<>(runner(uniqueName(), "35K"));
        body.put("publishName", false);
        String id = register(body).statusCode(201).extract().path("id");

        EntryEvent event = kafka.awaitLast(Topics.ENTRIES, EntryEvent.class, e -> id.equals(e.entryId()),
                Duration.ofSeconds(20));
        assertTrue(event.nameHidden());
        assertNull(event.firstName());
        assertNull(event.lastName());
    }

    @Test
    void theSamePersonCannotEnterTheSameRaceTwice() {
        String lastName = uniqueName();
        register(runner(lastName, "110K")).statusCode(201);

        register(runner(lastName.toUpperCase(), "110K"))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", containsString("already-entered"))
                .body("detail", containsString("already entered"));
    }

    @Test
    void missingAndAbsurdFieldsAreNamedInAProblem() {
        register(Map.of("firstName", "", "sex", "F", "birthDate", "2999-01-01", "raceCode", "22K",
                "nationality", "France"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("firstName"))
                .body("errors.field", hasItem("lastName"))
                .body("errors.field", hasItem("birthDate"))
                .body("errors.field", hasItem("nationality"));
    }

    @Test
    void anUnknownRaceIsRefused() {
        register(runner(uniqueName(), "999K"))
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("999K"));
    }

    @Test
    void malformedJsonIsAProblemNotAServerError() {
        given().contentType(ContentType.JSON).body("{\"firstName\": \"Léa\", ")
                .when().post("/api/entries")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", containsString("Unreadable"));

        given().contentType(ContentType.JSON).body(Map.of("firstName", "Léa", "lastName", "X", "sex", "F",
                        "birthDate", "14/05/1990", "raceCode", "22K"))
                .when().post("/api/entries")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("birthDate"));
    }

    @Test
    void aRaceTakesEntriesOnlyWithinItsWindow() {
        register(runner(uniqueName(), "CLOSED"))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", containsString("entries-closed"))
                .body("detail", containsString("closed on 2019-12-31T23:00Z"));
        register(runner(uniqueName(), "NOTYET"))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", containsString("entries-not-open"));
    }

    @Test
    void theConfirmationShowsTheRaceFeeInTheEventsCurrency() {
        ValidatableResponse entered = register(runner(uniqueName(), "22K")).statusCode(201)
                .body("currency", equalTo("EUR"));

        assertEquals(25.0, entered.extract().<Number>path("fee").doubleValue());
    }

    @Test
    void aPhoneNumberMustLookLikeOne() {
        Map<String, Object> body = new HashMap<>(runner(uniqueName(), "35K"));
        body.put("phone", "+33 6 12 34 56 78");
        body.put("emergencyContactName", "Marc Dupont");
        body.put("emergencyContactPhone", "call me");

        register(body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("emergencyContactPhone"));
        body.put("emergencyContactPhone", "06.98.76.54.32");
        register(body).statusCode(201);
    }
}
