package fr.pyramidesnoires.registration.admin;

import static fr.pyramidesnoires.registration.admin.AdminApi.asOrganiser;
import static fr.pyramidesnoires.registration.admin.AdminApi.register;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bibs and chips the organiser assigns, one by one or as a list. ADMIN-A (3 places, bibs 9401-9410) shares bibs
 * 9401-9410 with MOVE-A (2 places, 9401-9450) in the test races file: a bib is the event's, whichever race holds it.
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
    void theEntryPageAssignsABibAndSaysWhyOneIsRefused() {
        String holder = register("ADMIN-A", "Holder").getString("id");
        String id = register("ADMIN-A", "Page").getString("id");
        assign(holder, Map.of("bib", 9408)).statusCode(200);

        OrganiserPagesTest.postForm("/admin/entries/" + id + "/bib", Map.of("bib", "9407", "chip", "PAGE-0007"),
                OrganiserPagesTest.ourOrigin()).statusCode(303);
        asOrganiser().when().get("/api/admin/entries/" + id).then()
                .body("bib", equalTo(9407))
                .body("chip", equalTo("PAGE-0007"));
        asOrganiser().when().get("/admin/entries/" + id + "?done=bib").then()
                .body(containsString("Dossard et puce attribués"));

        OrganiserPagesTest.postForm("/admin/entries/" + id + "/bib", Map.of("bib", "9408", "chip", "PAGE-0007"),
                OrganiserPagesTest.ourOrigin()).statusCode(409)
                .body(containsString(holder));
        OrganiserPagesTest.postForm("/admin/entries/" + id + "/bib", Map.of("bib", "neuf", "chip", ""),
                OrganiserPagesTest.ourOrigin()).statusCode(400)
                .body(containsString("A bib is a number, not"), containsString("neuf"));
        asOrganiser().when().get("/api/admin/entries/" + id).then().body("bib", equalTo(9407));
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

    @Test
    void aListNamesEntriesByIdLicenceOrEmailAndMaySwapBibs() {
        JsonPath anna = register("ADMIN-A", "Anna", "F", Map.of("email", "anna@example.org"));
        JsonPath bruno = register("ADMIN-A", "Bruno", "H", Map.of());
        String chloesLicence = RegistrationTest.uniqueLicence();
        register("ADMIN-A", "Chloe", "F", Map.of("licenceNumber", chloesLicence));
        String annaId = anna.getString("id");

        // a header, Anna and Bruno swapping, Chloe by her licence, a chip exported by the platform ('=…)
        importList("entry;bib;chip\r\n"
                + "ANNA@example.org;" + bruno.getInt("bib") + ";\n"
                + bruno.getString("id") + ";" + anna.getInt("bib") + ";'-B-77\n"
                + "\n"
                + chloesLicence + ";9410;\"C-1\"\n")
                .statusCode(200).body("entriesChanged", equalTo(3));

        asOrganiser().queryParam("race", "ADMIN-A").when().get("/api/admin/entries").then()
                .body("entries.lastName", contains("Bruno", "Anna", "Chloe"))
                .body("entries.bib", contains(anna.getInt("bib"), bruno.getInt("bib"), 9410))
                .body("entries[0].chip", equalTo("-B-77"))
                .body("entries[2].chip", equalTo("C-1"));
        try (TopicProbe kafka = TopicProbe.onTheServicesBroker()) {
            EntryEvent event = kafka.awaitLast(Topics.ENTRIES, EntryEvent.class,
                    e -> e.entryId().equals(annaId) && Integer.valueOf(bruno.getInt("bib")).equals(e.bib()),
                    Duration.ofSeconds(20));
            assertEquals(EntryEvent.Type.UPSERTED, event.type());
        }
    }

    @Test
    void aListWithLinesAtFaultChangesNothingAndNamesEachLine() {
        String otherRace = register("MOVE-A", "Other-Race").getString("id");
        JsonPath anna = register("ADMIN-A", "Anna");
        JsonPath bruno = register("ADMIN-A", "Bruno");

        importList(anna.getString("id") + ";9405;OK-1\n"
                + "nobody@example.org;9406\n"
                + bruno.getString("id") + ";9411\n"
                + bruno.getString("id") + ";douze\n"
                + anna.getString("id") + ";9407\n"
                + "=HYPERLINK(\"x\");9408\n")
                .statusCode(422).contentType("application/problem+json")
                .body("type", containsString("bib-list-refused"))
                .body("errors.field", containsInAnyOrder("ligne 2 / line 2", "ligne 3 / line 3", "ligne 4 / line 4",
                        "ligne 5 / line 5", "ligne 6 / line 6"))
                .body("errors.find { it.field == 'ligne 3 / line 3' }.message", containsString("9401-9410"))
                .body("errors.find { it.field == 'ligne 5 / line 5' }.message", containsString("line 1"));
        // Anna gives up 9401 in the list, but it is MOVE-A's runner's too
        importList(anna.getString("id") + ";9403\n" + bruno.getString("id") + ";9401\n").statusCode(422)
                .body("errors.field", contains("ligne 2 / line 2"))
                .body("errors[0].message", containsString(otherRace));

        asOrganiser().when().get("/api/admin/entries/" + anna.getString("id")).then()
                .body("bib", equalTo(anna.getInt("bib")));
    }

    private static ValidatableResponse importList(String csv) {
        return asOrganiser().contentType("text/csv").body(csv)
                .when().post("/api/admin/races/ADMIN-A/bibs").then();
    }
}
