package fr.pyramidesnoires.registration.admin;

import static fr.pyramidesnoires.registration.admin.AdminApi.asOrganiser;
import static fr.pyramidesnoires.registration.admin.AdminApi.register;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.pyramidesnoires.events.RaceEvent;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.TopicProbe;
import fr.pyramidesnoires.registration.race.RaceCatalog;
import fr.pyramidesnoires.registration.race.RaceDefinition;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Race ADMIN-C of the test races file: 2 places, bibs 9601-9610. */
@QuarkusTest
class AdminRaceTest {

    @Inject
    RaceCatalog races;

    @BeforeEach
    void emptyTheRace() {
        AdminApi.empty("ADMIN-C");
        settings(Map.of("capacity", 2)).statusCode(200);
    }

    static ValidatableResponse settings(Map<String, Object> settings) {
        return asOrganiser().contentType(ContentType.JSON).body(settings)
                .when().put("/api/admin/races/ADMIN-C/settings").then();
    }

    @Test
    void raisingTheCapacityGivesTheNewPlacesToTheWaitlistAndTellsTheOtherServices() {
        register("ADMIN-C", "First");
        register("ADMIN-C", "Second");
        JsonPath third = register("ADMIN-C", "Third");
        JsonPath fourth = register("ADMIN-C", "Fourth");
        JsonPath fifth = register("ADMIN-C", "Fifth");
        assertEquals("WAITLISTED", third.getString("status"));

        settings(Map.of("capacity", 4)).statusCode(200).body("settings.capacity", equalTo(4));

        given().when().get("/api/entries/by-token/" + third.getString("token"))
                .then().body("status", equalTo("CONFIRMED")).body("bib", equalTo(9603));
        given().when().get("/api/entries/by-token/" + fourth.getString("token"))
                .then().body("status", equalTo("CONFIRMED")).body("bib", equalTo(9604));
        given().when().get("/api/entries/by-token/" + fifth.getString("token"))
                .then().body("status", equalTo("WAITLISTED")).body("waitlistPosition", equalTo(1));
        try (TopicProbe kafka = TopicProbe.onTheServicesBroker()) {
            RaceEvent race = kafka.awaitLast(Topics.RACES, RaceEvent.class,
                    r -> r.code().equals("ADMIN-C") && r.capacity() == 4, Duration.ofSeconds(20));
            assertEquals(10, race.distanceKm());
        }
    }

    @Test
    void aCapacityRaisedInTheRacesFileGivesTheNewPlacesToTheWaitlistOnTheNextStart() {
        AdminApi.empty("FILE-R");
        races.apply(List.of(fileRace(1)));
        JsonPath first = register("FILE-R", "First");
        JsonPath second = register("FILE-R", "Second");
        JsonPath third = register("FILE-R", "Third");
        assertEquals("WAITLISTED", second.getString("status"));

        // what a restart does with the organiser's edited file
        races.apply(List.of(fileRace(2)));

        given().when().get("/api/entries/by-token/" + first.getString("token"))
                .then().body("status", equalTo("CONFIRMED")).body("bib", equalTo(9801));
        given().when().get("/api/entries/by-token/" + second.getString("token"))
                .then().body("status", equalTo("CONFIRMED")).body("bib", equalTo(9802));
        given().when().get("/api/entries/by-token/" + third.getString("token"))
                .then().body("status", equalTo("WAITLISTED")).body("waitlistPosition", equalTo(1));
    }

    @Test
    void aRacesFileWithMorePlacesThanBibsIsRefusedWithTheReason() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> races.apply(List.of(fileRace(11))));
        assertEquals("Race FILE-R in the races file has 11 places but only 10 bibs (9801-9810): give it fewer"
                + " places or more bibs", refused.getMessage());
    }

    private static RaceDefinition fileRace(int capacity) {
        return fileRace(capacity, null);
    }

    private static RaceDefinition fileRace(int capacity, RaceEvent.Publication publication) {
        return new RaceDefinition("FILE-R", "Test race the organiser's file enlarges", 10, 100,
                OffsetDateTime.parse("2027-03-20T11:00:00+01:00"), capacity, 9801, 9810, null, false, null, null, null,
                publication, false, null, false);
    }

    @Test
    void howMuchOfTheResultsArePublishedIsTheOrganisersChoiceAndReachesTheOtherServices() {
        settings(Map.of("capacity", 2, "publication", "FINISHERS")).statusCode(200)
                .body("settings.publication", equalTo("FINISHERS"));
        settings(Map.of("capacity", 2, "publication", "EVERYTHING")).statusCode(400);
        races.apply(List.of(fileRace(2, RaceEvent.Publication.FINISHER_BIBS)));

        try (TopicProbe kafka = TopicProbe.onTheServicesBroker()) {
            kafka.awaitLast(Topics.RACES, RaceEvent.class, r -> r.code().equals("ADMIN-C")
                    && r.publication() == RaceEvent.Publication.FINISHERS, Duration.ofSeconds(20));
            kafka.awaitLast(Topics.RACES, RaceEvent.class, r -> r.code().equals("FILE-R")
                    && r.publication() == RaceEvent.Publication.FINISHER_BIBS, Duration.ofSeconds(20));
        }
        // the settings are given whole: without it, the race publishes its ranking again
        settings(Map.of("capacity", 2)).statusCode(200).body("settings.publication", equalTo("RANKING"));
        races.apply(List.of(fileRace(2)));
    }

    @Test
    void theCapacityStaysBetweenThePlacesGivenAndTheBibs() {
        register("ADMIN-C", "One");
        register("ADMIN-C", "Two");

        settings(Map.of("capacity", 1)).statusCode(409)
                .contentType("application/problem+json")
                .body("type", containsString("capacity-below-confirmed"));
        settings(Map.of("capacity", 11)).statusCode(422)
                .body("type", containsString("capacity-over-bibs"));
        settings(Map.of("capacity", -1)).statusCode(400)
                .body("errors.field", hasItem("capacity"));
    }

    @Test
    void entriesClosedThenOpenedAgainAreTakenAtOnce() {
        register("ADMIN-C", "Before");
        settings(Map.of("capacity", 2, "entriesClose", "2020-01-01T00:00:00+01:00")).statusCode(200);
        given().contentType(ContentType.JSON).body(AdminApi.runner("ADMIN-C", "During", "F", Map.of()))
                .when().post("/api/entries")
                .then().statusCode(422).body("type", containsString("entries-closed"));

        // the check before a request waits for its race may hold a copy of the closed race: it must not refuse
        settings(Map.of("capacity", 2)).statusCode(200);
        assertEquals("CONFIRMED", register("ADMIN-C", "After").getString("status"));
    }

    @Test
    void anOrganiserSetsTheWindowTheFeeAndTheLimits() {
        Map<String, Object> settings = new HashMap<>(Map.of("capacity", 3, "fee", 12.5,
                "entriesClose", "2020-01-01T00:00:00+01:00", "kmEffortLimits", Map.of("JU", 5.0)));
        settings(settings).statusCode(200)
                .body("settings.fee", equalTo(12.5f))
                .body("settings.kmEffortLimits.JU", equalTo(5.0f));

        given().contentType(ContentType.JSON).body(AdminApi.runner("ADMIN-C", "Late", "F", Map.of()))
                .when().post("/api/entries")
                .then().statusCode(422).body("type", containsString("entries-closed"));
        List<String> codes = asOrganiser().when().get("/api/admin/races").then().statusCode(200)
                .extract().jsonPath().getList("code");
        assertEquals(true, codes.contains("ADMIN-C"));

        settings.put("kmEffortLimits", Map.of("XX", 5.0));
        settings(settings).statusCode(422).body("type", containsString("unknown-category"));
    }
}
