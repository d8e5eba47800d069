package fr.pyramidesnoires.results.race;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An event in miles that ranks its aid stations on the way out: every page writes distances, climbs and paces in
 * miles and feet, and the aid station's ranking goes by departures, a runner still there not ranked there yet.
 */
@QuarkusTest
@TestProfile(MilesEventTest.MilesAndDepartures.class)
class MilesEventTest {

    /** The settings every service reads: EVENT_UNITS, and results' own EVENT_AID_STATION_RANKING. */
    public static class MilesAndDepartures implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("EVENT_UNITS", "miles", "EVENT_AID_STATION_RANKING", "departure");
        }
    }

    @Test
    void everyPageWritesMilesFeetAndPacesPerMile() throws Exception {
        String race = AidStationsAndGroupsTest.ready(AidStationsAndGroupsTest.race());

        // 24 km and 480 m
        given().when().get("/").then().statusCode(200)
                .body(containsString("14.9 mi, 1575 ft D+"));
        // from the start mat to the aid station: 12 km, 7.46 mi, in 69 min 58 s, 9:23 /mi
        String runner = AidStationsAndGroupsTest.flat(given().when().get("/races/" + race + "/runners/31").then()
                .statusCode(200).extract().asString());
        assertTrue(runner.contains("<td class=\"num\">7.5 mi</td>"), runner);
        assertTrue(runner.contains("<th scope=\"col\" class=\"num\">mi</th>"), runner);
        assertTrue(runner.contains("9:23 /mi"), runner);
        assertTrue(runner.contains("Arrivée 9-9bis (14.9 mi) : vers "), runner);
        given().when().get("/races/" + race + "/runners/31").then().body(not(containsString("/km")));
        given().when().get("/races/" + race + "/points/ravito").then()
                .body(containsString("— " + race + ", 7.5 mi</span>"));
        given().when().get("/races/" + race + "/stats").then()
                .body(containsString("<td class=\"num\">7.5 mi</td>"));
        // the API keeps km
        given().when().get("/api/races/" + race + "/runners/31").then()
                .body("splits[1].km", equalTo(12.0f));
    }

    @Test
    void theAidStationRanksOnDeparturesAndWhoHasNotLeftIsNotRankedThereYet() throws Exception {
        String race = AidStationsAndGroupsTest.ready(AidStationsAndGroupsTest.race());

        JsonPath point = given().when().get("/api/races/" + race + "/points/ravito").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("DEPARTURE", point.getString("rankedOn"));
        assertEquals(List.of(32, 31), point.getList("passed.bib"));
        assertEquals(List.of(1, 2), point.getList("passed.rank"));
        assertEquals(List.of(33), point.getList("atStation.bib"));
        String page = AidStationsAndGroupsTest.flat(given().when().get("/races/" + race + "/points/ravito").then()
                .statusCode(200).extract().asString());
        assertTrue(page.contains("<h2>Au ravitaillement (1)</h2>"), page);
        assertTrue(page.contains("pas encore classé"), page);
        // first out, then second out: 32 gained a place on 31 since the start
        given().when().get("/api/races/" + race + "/runners/32").then()
                .body("splits[1].rank", equalTo(1));
        given().when().get("/api/races/" + race + "/stats").then()
                .body("points.find { it.pointId == 'ravito' }.leaderBib", equalTo(32));
    }
}
