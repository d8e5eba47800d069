package fr.pyramidesnoires.registration.event;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.TopicProbe;
import fr.pyramidesnoires.registration.entry.Entry;
import fr.pyramidesnoires.registration.entry.RegistrationTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An event in the United States: a waiver instead of a health proof, runners 18 or older, 10-year age groups,
 * fees in dollars and distances in miles. The race BOULDER is written in miles and feet in the test races file.
 */
@QuarkusTest
@TestProfile(UsEventTest.UsEvent.class)
class UsEventTest {

    public static class UsEvent implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("registration.event.eligibility", "waiver", "registration.event.minimum-age", "18",
                    "registration.event.categories", "age-groups:10", "registration.event.currency", "USD",
                    "registration.event.units", "miles", "registration.event.waiver-text",
                    "I know trail running is dangerous and release the Boulder Trail Club from liability.");
        }
    }

    /** Born 12 June 1987: 40 on race day, 12 June 2027, and so in the 40-49 group. */
    static Map<String, Object> runner(String lastName) {
        return new HashMap<>(Map.of("firstName", "Sam", "lastName", lastName, "sex", "M",
                "birthDate", "1987-06-12", "raceCode", "BOULDER", "nationality", "USA",
                "email", "sam@example.org", "waiverAccepted", true));
    }

    static ValidatableResponse register(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/entries").then();
    }

    static ValidatableResponse postForm(Map<String, String> form) {
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(form).when().post("/").then();
    }

    @Test
    void aRunnerWithoutLicenceOrPpsEntersByAcceptingTheWaiverInHisAgeGroup() {
        String lastName = RegistrationTest.uniqueName();
        Instant before = Instant.now();
        String id = register(runner(lastName)).statusCode(201)
                .body("category", equalTo("40-49"))
                .body("fee", equalTo(50.0f))
                .body("currency", equalTo("USD"))
                .extract().path("id");

        try (TopicProbe kafka = TopicProbe.onTheServicesBroker()) {
            EntryEvent event = kafka.awaitLast(Topics.ENTRIES, EntryEvent.class, e -> id.equals(e.entryId()),
                    Duration.ofSeconds(20));
            assertEquals("40-49", event.category());
            assertEquals(EntryEvent.Sex.H, event.sex());
        }
        Entry entry = QuarkusTransaction.requiringNew().call(() -> Entry.findById(UUID.fromString(id)));
        assertNotNull(entry.waiverAcceptedAt, "the acceptance is kept");
        assertTrue(!entry.waiverAcceptedAt.isBefore(before.minusSeconds(1)), entry.waiverAcceptedAt.toString());
    }

    @Test
    void aRunnerWhoDoesNotAcceptTheWaiverIsRefusedNamingTheField() {
        Map<String, Object> refusing = runner(RegistrationTest.uniqueName());
        refusing.remove("waiverAccepted");
        register(refusing).statusCode(422).contentType(containsString("application/problem+json"))
                .body("type", endsWith("/waiver-not-accepted"))
                .body("errors[0].field", equalTo("waiverAccepted"))
                .body("detail", containsString("Accept the event's waiver"));
        refusing.put("waiverAccepted", false);
        register(refusing).statusCode(422).body("errors[0].field", equalTo("waiverAccepted"));
    }

    @Test
    void theNewRunnerOfATransferAcceptsTheWaiverAnew() {
        String token = register(runner(RegistrationTest.uniqueName())).statusCode(201).extract().path("token");
        Map<String, Object> newRunner = runner(RegistrationTest.uniqueName());
        newRunner.put("birthDate", "1962-01-31");
        newRunner.remove("waiverAccepted");
        given().contentType(ContentType.JSON).body(newRunner).when()
                .post("/api/entries/by-token/" + token + "/transfer").then().statusCode(422)
                .body("errors[0].field", equalTo("waiverAccepted"));
        newRunner.put("waiverAccepted", true);
        given().contentType(ContentType.JSON).body(newRunner).when()
                .post("/api/entries/by-token/" + token + "/transfer").then().statusCode(200)
                .body("category", equalTo("60-69"));
    }

    @Test
    void aRunnerUnderTheEventsMinimumAgeIsRefused() {
        Map<String, Object> young = runner(RegistrationTest.uniqueName());
        young.put("birthDate", "2009-06-13");
        register(young).statusCode(422).body("type", endsWith("/minimum-age"))
                .body("errors[0].field", equalTo("birthDate"));
        young.put("birthDate", "2009-06-12");
        register(young).statusCode(201).body("category", equalTo("-19"));
    }

    @Test
    void theFormAsksForTheWaiverNotAHealthProofAndShowsMilesAndDollars() {
        given().when().get("/").then().statusCode(200)
                .body(allOf(containsString("31.1 mi · 3280 ft D+ · 50 USD <span class=\"en\">/ USD 50</span>"),
                        containsString("68.4 mi · 6560 ft D+"),
                        containsString("release the Boulder Trail Club from liability"),
                        containsString("id=\"waiverAccepted\""),
                        containsString("H — Homme <span class=\"en\">/ M — Man"),
                        containsString("id=\"sex-X\""), containsString("X — Non binaire, au BOULDER, DENVER"),
                        not(containsString("licenceNumber")), not(containsString("Licence FFA"))));
    }

    @Test
    void theFormRefusesAnEntryWithoutTheWaiverBesideItsCheckboxThenTakesIt() {
        String lastName = RegistrationTest.uniqueName();
        Map<String, String> form = new HashMap<>(Map.of("raceCode", "BOULDER", "firstName", "Sam",
                "lastName", lastName, "sex", "M", "birthDate", "1987-06-12", "nationality", "usa",
                "email", "sam@example.org", "rulesAccepted", "on"));
        postForm(form).statusCode(400).body(allOf(containsString("id=\"waiverAccepted-error\""),
                containsString("Accept the event&#39;s waiver")));

        form.put("waiverAccepted", "on");
        String location = postForm(form).statusCode(303).extract().header("Location");
        given().get(location).then().statusCode(200)
                .body(allOf(containsString("40-49"), containsString("50 USD <span class=\"en\">/ USD 50")));
    }

    @Test
    void theOrganiserSeesMilesDollarsAndAgeGroups() {
        String lastName = RegistrationTest.uniqueName();
        String id = register(runner(lastName)).statusCode(201).extract().path("id");
        given().auth().preemptive().basic("organiser", "organiser-secret").when().get("/api/admin/entries/" + id)
                .then().statusCode(200).body("waiverAcceptedAt", notNullValue()).body("category", equalTo("40-49"));
        given().auth().preemptive().basic("organiser", "organiser-secret").when().get("/admin/races/BOULDER")
                .then().statusCode(200)
                .body(allOf(containsString("31.1 mi, D+ 3280 ft"), containsString("Fee (USD)"),
                        not(containsString("Km-effort limits")), not(containsString("id=\"medicalCertificateAllowed\""))));
        given().auth().preemptive().basic("organiser", "organiser-secret").when().get("/api/admin/races")
                .then().statusCode(200).body("find { it.code == 'BOULDER' }.currency", equalTo("USD"));
        String csv = given().auth().preemptive().basic("organiser", "organiser-secret")
                .when().get("/api/admin/entries.csv?race=BOULDER").then().statusCode(200).extract().asString();
        assertTrue(csv.lines().anyMatch(line -> line.contains(lastName) && line.contains(";40-49;")), csv);
    }
}
