package fr.pyramidesnoires.registration.admin;

import static fr.pyramidesnoires.registration.admin.AdminApi.asOrganiser;
import static fr.pyramidesnoires.registration.admin.AdminApi.register;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bibs and chips the organiser assigns. ADMIN-A (3 places, bibs 9401-9410) shares bibs 9401-9410 with MOVE-A
 * (2 places, 9401-9450) in the test races file: a bib is the event's, whichever race holds it.
 */
@QuarkusTest
class BibAssignmentTest {

    @BeforeEach
    void emptyTheRaces() {
        AdminApi.empty("ADMIN-A", "MOVE-A");
    }

    @Test
    void theOrganisersBibAndChipGoToTimingAndResults() {
        String id = register("ADMIN-A", "Elite").getString("id");

        assign(id, Map.of("bib", 9410, "chip", "ELITE-0001")).statusCode(200)
                .body("bib", equalTo(9410))
                .body("chip", equalTo("ELITE-0001"));

        try (TopicProbe kafka = TopicProbe.onTheServicesBroker()) {
            EntryEvent event = kafka.awaitLast(Topics.ENTRIES, EntryEvent.class,
                    e -> e.entryId().equals(id) && Integer.valueOf(9410).equals(e.bib()), Duration.ofSeconds(20));
            assertEquals(EntryEvent.Type.UPSERTED, event.type());
            assertEquals("ELITE-0001", event.chip());
        }
        // the bib it held is free again for the next runner; the organiser's is not handed out
        assertEquals(9401, register("ADMIN-A", "Next").getInt("bib"));
    }

    @Test
    void aBibOutsideTheRaceOrHeldInTheEventIsRefusedNamingItsHolder() {
        register("MOVE-A", "Other-Race-First");
        String otherRace = register("MOVE-A", "Other-Race-Second").getString("id");
        JsonPath first = register("ADMIN-A", "First");
        String second = register("ADMIN-A", "Second").getString("id");
        String secondChip = asOrganiser().when().get("/api/admin/entries/" + second).then().extract().path("chip");

        // 9409 is free in the event: the organiser's; 9402, which it held, stays MOVE-A's
        assign(second, Map.of("bib", 9409)).statusCode(200).body("bib", equalTo(9409));
        assign(second, Map.of("bib", 9411)).statusCode(422).contentType("application/problem+json")
                .body("type", containsString("bib-out-of-range"))
                .body("detail", containsString("9401-9410"));
        assign(first.getString("id"), Map.of("bib", 9409)).statusCode(409).contentType("application/problem+json")
                .body("type", containsString("bib-taken"))
                .body("detail", containsString(second));
        assign(first.getString("id"), Map.of("bib", 9402)).statusCode(409)
                .body("type", containsString("bib-taken"))
                .body("detail", containsString(otherRace));
        assign(first.getString("id"), Map.of("chip", "CHIP-1")).statusCode(200);
        assign(second, Map.of("chip", "CHIP-1")).statusCode(409)
                .body("type", containsString("chip-taken"))
                .body("detail", containsString(first.getString("id")));
        assign(second, Map.of("chip", "=cmd|x", "bib", 0)).statusCode(400)
                .body("errors.field", hasItem("chip"))
                .body("errors.field", hasItem("bib"));

        // refused, nothing changed
        asOrganiser().when().get("/api/admin/entries/" + second).then()
                .body("bib", equalTo(9409))
                .body("chip", equalTo(secondChip));
    }

    @Test
    void aWaitlistedEntryGetsItsBibWithItsPlace() {
        register("ADMIN-A", "One");
        register("ADMIN-A", "Two");
        register("ADMIN-A", "Three");
        String waiting = register("ADMIN-A", "Waiting").getString("id");

        assign(waiting, Map.of("bib", 9409)).statusCode(409).body("type", containsString("no-place"));
    }

    private static ValidatableResponse assign(String id, Map<String, Object> changes) {
        return asOrganiser().contentType(ContentType.JSON).body(changes)
                .when().patch("/api/admin/entries/" + id).then();
    }
}
