package fr.pyramidesnoires.registration.admin;

import static fr.pyramidesnoires.registration.admin.AdminApi.asOrganiser;
import static fr.pyramidesnoires.registration.admin.AdminApi.register;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.TopicProbe;
import fr.pyramidesnoires.registration.entry.RegistrationTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Races ADMIN-A (3 places) and ADMIN-B (2 places) of the test races file. */
@QuarkusTest
class AdminEntryTest {

    @BeforeEach
    void emptyTheRaces() {
        AdminApi.empty("ADMIN-A", "ADMIN-B");
    }

    @Test
    void anOrganiserFindsEntriesByAnyCriterionAPageAtATime() {
        JsonPath anna = register("ADMIN-A", "Lefebvre", "F", Map.of("club", "Running Club Lens"));
        register("ADMIN-A", "Martin", "H", Map.of());
        register("ADMIN-A", "Petit", "F", Map.of("birthDate", "2006-03-01"));
        register("ADMIN-A", "Durand", "H", Map.of());

        asOrganiser().queryParam("race", "ADMIN-A").queryParam("name", "lefeb")
                .when().get("/api/admin/entries")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("entries[0].id", equalTo(anna.getString("id")))
                .body("entries[0].email", equalTo("alex@example.org"));
        asOrganiser().queryParam("bib", anna.getInt("bib")).queryParam("race", "ADMIN-A")
                .when().get("/api/admin/entries")
                .then().body("entries.lastName", contains("Lefebvre"));
        asOrganiser().queryParam("club", "club lens")
                .when().get("/api/admin/entries")
                .then().body("entries.lastName", contains("Lefebvre"));
        asOrganiser().queryParam("race", "ADMIN-A").queryParam("sex", "H")
                .when().get("/api/admin/entries")
                .then().body("entries.lastName", containsInAnyOrder("Martin", "Durand"));
        asOrganiser().queryParam("race", "ADMIN-A").queryParam("category", "ES")
                .when().get("/api/admin/entries")
                .then().body("entries.lastName", contains("Petit"));
        asOrganiser().queryParam("race", "ADMIN-A").queryParam("status", "WAITLISTED")
                .when().get("/api/admin/entries")
                .then().body("entries.lastName", contains("Durand"))
                .body("entries[0].waitlistPosition", equalTo(1));
        asOrganiser().queryParam("race", "ADMIN-A").queryParam("size", 3).queryParam("page", 1)
                .when().get("/api/admin/entries")
                .then().body("total", equalTo(4))
                .body("entries", hasSize(1))
                // confirmed entries by bib first, the waitlist after them
                .body("entries[0].lastName", equalTo("Durand"));
    }

    @Test
    void aCorrectionGoesToTimingAndResultsWithItsPublicFieldsOnly() {
        JsonPath entry = register("ADMIN-A", "Dupont");
        String id = entry.getString("id");

        asOrganiser().contentType(ContentType.JSON)
                .body(Map.of("lastName", "Dupont-Moretti", "club", "ES Oignies", "birthDate", "2004-02-02",
                        "email", "new@example.org", "phone", "06 98 76 54 32", "nationality", "BEL"))
                .when().patch("/api/admin/entries/" + id)
                .then().statusCode(200)
                .body("lastName", equalTo("Dupont-Moretti"))
                // born 2004: 23 in season 2027, Senior
                .body("category", equalTo("SE"))
                .body("email", equalTo("new@example.org"))
                .body("bib", equalTo(entry.getInt("bib")));

        try (TopicProbe kafka = TopicProbe.onTheServicesBroker()) {
            EntryEvent event = kafka.awaitLast(Topics.ENTRIES, EntryEvent.class,
                    e -> e.entryId().equals(id) && "Dupont-Moretti".equals(e.lastName()), Duration.ofSeconds(20));
            assertEquals(EntryEvent.Type.UPSERTED, event.type());
            assertEquals("ES Oignies", event.club());
            assertEquals("SE", event.category());
            assertEquals("BEL", event.nationality());
            for (ConsumerRecord<String, String> record : kafka.readAll(Topics.ENTRIES)) {
                if (id.equals(record.key())) {
                    assertFalse(record.value().contains("example.org"), "no e-mail on the topic");
                    assertFalse(record.value().contains("98 76"), "no phone on the topic");
                    assertFalse(record.value().contains("2004-02-02"), "no birth date on the topic");
                }
            }
        }
    }

    @Test
    void aCorrectionThatMakesTheRunnerIneligibleOrNamelessIsRefused() {
        String id = register("ADMIN-A", "Young").getString("id");

        asOrganiser().contentType(ContentType.JSON).body(Map.of("lastName", " ", "phone", "call me"))
                .when().patch("/api/admin/entries/" + id)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("lastName", "phone"));

        // born 2012: Minime in 2027, at most 10 km-effort, and ADMIN-A is 11
        asOrganiser().contentType(ContentType.JSON).body(Map.of("birthDate", "2012-06-01"))
                .when().patch("/api/admin/entries/" + id)
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", containsString("km-effort-limit"));
        asOrganiser().when().get("/api/admin/entries/" + id)
                .then().body("birthDate", equalTo("1990-05-14")).body("category", equalTo("M0"));
    }

    @Test
    void anOrganiserRecordsWhoCheckedTheDocumentsAndWhen() {
        String id = register("ADMIN-A", "Checked").getString("id");
        register("ADMIN-A", "Unchecked");

        asOrganiser().when().put("/api/admin/entries/" + id + "/documents-check")
                .then().statusCode(200)
                .body("documentsCheckedBy", equalTo("organiser"))
                .body("documentsCheckedAt", notNullValue());
        asOrganiser().queryParam("race", "ADMIN-A").queryParam("documentsChecked", true)
                .when().get("/api/admin/entries")
                .then().body("entries.lastName", contains("Checked"));
        asOrganiser().queryParam("race", "ADMIN-A").queryParam("documentsChecked", false)
                .when().get("/api/admin/entries")
                .then().body("entries.lastName", contains("Unchecked"));

        // a new health proof must be checked again
        asOrganiser().contentType(ContentType.JSON).body(Map.of("licenceNumber", RegistrationTest.uniqueLicence()))
                .when().patch("/api/admin/entries/" + id)
                .then().statusCode(200).body("documentsCheckedBy", nullValue());
        asOrganiser().when().put("/api/admin/entries/" + id + "/documents-check").then().statusCode(200);
        asOrganiser().when().delete("/api/admin/entries/" + id + "/documents-check")
                .then().statusCode(200).body("documentsCheckedAt", nullValue());
    }

    @Test
    void aMoveGivesABibOfTheNewRaceAndTheOldPlaceToTheWaitlist() {
        JsonPath moving = register("ADMIN-A", "Mover");
        register("ADMIN-A", "Stayer-1");
        register("ADMIN-A", "Stayer-2");
        JsonPath waiting = register("ADMIN-A", "Waiting");
        assertEquals("WAITLISTED", waiting.getString("status"));

        asOrganiser().contentType(ContentType.JSON).body(Map.of("raceCode", "ADMIN-B"))
                .when().post("/api/admin/entries/" + moving.getString("id") + "/move")
                .then().statusCode(200)
                .body("raceCode", equalTo("ADMIN-B"))
                .body("status", equalTo("CONFIRMED"))
                .body("bib", equalTo(9501))
                .body("chip", equalTo(moving.getString("chip")));
        given().when().get("/api/entries/by-token/" + waiting.getString("token"))
                .then().body("status", equalTo("CONFIRMED"))
                .body("bib", equalTo(moving.getInt("bib")));

        try (TopicProbe kafka = TopicProbe.onTheServicesBroker()) {
            EntryEvent moved = kafka.awaitLast(Topics.ENTRIES, EntryEvent.class,
                    e -> e.entryId().equals(moving.getString("id")) && e.raceCode().equals("ADMIN-B"),
                    Duration.ofSeconds(20));
            assertEquals(9501, moved.bib());
            EntryEvent promoted = kafka.awaitLast(Topics.ENTRIES, EntryEvent.class,
                    e -> e.entryId().equals(waiting.getString("id")), Duration.ofSeconds(20));
            assertEquals(moving.getInt("bib"), promoted.bib());
        }
    }

    @Test
    void aMoveNeedsAPlaceAndAnEligibleRunner() {
        register("ADMIN-B", "Full-1");
        register("ADMIN-B", "Full-2");
        String id = register("ADMIN-A", "Junior", "H", Map.of("birthDate", "2008-07-07")).getString("id");

        move(id, "ADMIN-B").statusCode(409).contentType("application/problem+json")
                .body("type", containsString("race-full"));
        move(id, "ADMIN-A").statusCode(409).body("type", containsString("same-race"));
        move(id, "NOWHERE").statusCode(404).body("type", containsString("unknown-race"));
        // a Junior may not run 130 km-effort
        move(id, "110K").statusCode(422).body("type", containsString("km-effort-limit"));
        asOrganiser().queryParam("race", "ADMIN-A").when().get("/api/admin/entries")
                .then().body("entries.status", everyItem(equalTo("CONFIRMED")))
                .body("entries.lastName", contains("Junior"));
    }

    private static ValidatableResponse move(String id, String race) {
        return asOrganiser().contentType(ContentType.JSON).body(Map.of("raceCode", race))
                .when().post("/api/admin/entries/" + id + "/move").then();
    }
}
