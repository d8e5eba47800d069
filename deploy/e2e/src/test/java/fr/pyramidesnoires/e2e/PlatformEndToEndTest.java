package fr.pyramidesnoires.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.pyramidesnoires.events.ChipRead;
import fr.pyramidesnoires.events.Topics;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole chain, across the three services as they are deployed: a runner registers, the mats read their
 * chip, and the live results show them with their time.
 */
class PlatformEndToEndTest {

    static Platform platform;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = Platform.get();
    }

    @Test
    void aRegisteredRunnerReadAtTheMatsShowsOnTheLiveRanking() throws Exception {
        String lastName = "Bernard-" + UUID.randomUUID().toString().substring(0, 6);
        JsonPath entry = given().baseUri(platform.registration.url()).contentType(ContentType.JSON)
                .body(Map.of("firstName", "Manon", "lastName", lastName, "sex", "F", "birthDate", "1988-07-02",
                        "raceCode", "22K", "nationality", "FRA", "club", "US Oignies Athlétisme",
                        "email", "manon@example.org", "licenceNumber", Platform.licence()))
                .when().post("/api/entries")
                .then().statusCode(201).extract().jsonPath();
        int bib = entry.getInt("bib");
        String chip = entry.getString("chip");

        OffsetDateTime start = OffsetDateTime.parse("2027-03-20T10:00:02.480+01:00");
        OffsetDateTime finish = OffsetDateTime.parse("2027-03-20T12:03:17.125+01:00");
        // one chip's reads share a partition and keep their order: once the finish shows, the start crossing is in
        for (int i = 0; i < 4; i++) {
            read("R-START", "M-9BIS-START", chip, start.minusNanos((3 - i) * 300_000_000L), i);
        }
        for (int i = 0; i < 4; i++) {
            read("R-FIN", "M-9BIS-FINISH", chip, finish.plusNanos(i * 300_000_000L), i);
        }

        JsonPath ranking = awaitRunner(bib, "FINISHED");
        int row = ranking.getList("bib").indexOf(bib);
        assertEquals(lastName.toUpperCase() + " Manon", ranking.getString("[" + row + "].name"));
        assertEquals("M0-F", ranking.getString("[" + row + "].category"));
        assertEquals("Arrivée - 9-9bis, Oignies", ranking.getString("[" + row + "].lastPoint"));
        // from the runner's last read on the start mat (10:00:02.480) while no official has given the 22 km's
        // start signal, from the signal (10:00:00) once the simulated race day's official has given it
        assertThat(ranking.getString("[" + row + "].raceTime"), anyOf(equalTo("2:03:14"), equalTo("2:03:17")));

        given().baseUri(platform.results.url()).when().get("/races/22K")
                .then().statusCode(200)
                .body(containsString(lastName.toUpperCase() + " Manon"))
                .body(containsString("12:03:17"))
                .body(not(containsString("manon@example.org")))
                .body(not(containsString("1988")));
    }

    static void read(String reader, String mat, String chip, OffsetDateTime time, int sequence) {
        platform.kafka.send(Topics.CHIP_READS, chip, new ChipRead(reader, mat, chip, time, 1, -58, (long) sequence,
                ChipRead.Source.MAT));
    }

    static JsonPath awaitRunner(int bib, String status) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            var response = given().baseUri(platform.results.url()).when().get("/api/races/22K/ranking");
            last = response.asString();
            if (response.statusCode() == 200) {
                JsonPath json = response.jsonPath();
                int row = json.getList("bib").indexOf(bib);
                if (row >= 0 && status.equals(json.getString("[" + row + "].status"))) {
                    return json;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("bib " + bib + " never " + status + " on the results: " + last);
    }
}
