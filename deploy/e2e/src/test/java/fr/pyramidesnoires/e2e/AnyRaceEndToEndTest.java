package fr.pyramidesnoires.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.ChipRead;
import fr.pyramidesnoires.events.EventJson;
import fr.pyramidesnoires.events.KafkaSettings;
import fr.pyramidesnoires.events.Topics;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue #18's "any race": the example event deploy/events/cache-creek-100, a fictional US mountain ultra, described by
 * its event.env and its two files alone, run on the three packaged services. Its field registers through the API
 * (a waiver, no licence, M, F and X, age groups), the organiser gives the bibs from a list, the mats read the
 * runners across the night of the daylight-saving change in Denver, at an aid station with an out mat and one read in
 * and out, with doubtful passages of each kind, and an official reviews them. The runners' names are the run's own:
 * the database and the topics are shared with the other tests, and only the races CC100 and CC50 are this event's.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnyRaceEndToEndTest {

    static final Path EVENT = Path.of("deploy/events/cache-creek-100");
    static final String ORGANISER = "cc-organiser:" + UUID.randomUUID();
    static final String OFFICIAL = "cc-official:" + UUID.randomUUID();
    static final String RUN = UUID.randomUUID().toString().substring(0, 6);

    static Platform event;
    static KafkaProducer<String, String> mats;
    /** Bib of each runner by first name, as the organiser's list gives them. */
    static final Map<String, Integer> BIBS = new LinkedHashMap<>();
    static final Map<String, String> CHIPS = new HashMap<>();

    @BeforeAll
    static void startTheEventsPlatform() throws Exception {
        Platform.stopSample();
        List<String> settings = Platform.stack(eventSettings().toArray(String[]::new));
        List<String> registration = new ArrayList<>(settings);
        registration.addAll(List.of("quarkus.mailer.mock=true", "registration.rate-limit.count=0",
                "registration.organiser-accounts=" + ORGANISER));
        List<String> timing = new ArrayList<>(settings);
        timing.add("timing.accounts=" + OFFICIAL + ":official");
        event = Platform.start(registration, timing, settings);
        mats = new KafkaProducer<>(KafkaSettings.producer(Platform.READER, "cache-creek-mats"));
    }

    @AfterAll
    static void stopTheEventsPlatform() {
        if (mats != null) {
            mats.close();
        }
        if (event != null) {
            event.stop();
        }
    }

    /** event.env's lines, as deploy/run.sh exports them; its files are the project's, wherever the test runs. */
    static List<String> eventSettings() throws IOException {
        List<String> settings = new ArrayList<>();
        for (String line : Files.readAllLines(Platform.ROOT.resolve(EVENT).resolve("event.env"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String name = line.substring(0, line.indexOf('='));
            String value = line.substring(line.indexOf('=') + 1).replaceAll("^\"(.*)\"$", "$1");
            if (name.endsWith("_FILE")) {
                value = Platform.ROOT.resolve(value).toString();
            }
            settings.add(name + "=" + value);
        }
        return settings;
    }

    @Test
    @Order(1)
    void theFieldRegistersWithTheWaiverInAgeGroupsAndTakesTheOrganisersBibs() throws Exception {
        // on race day, 13 March 2027 (the 50K's, 14 March): ages 41, 32, 58, 27 and 37, then 18
        register("Alex", "M", "1985-05-01", "CC100").body("category", equalTo("40-49"))
                .body("currency", equalTo("USD")).body("fee", equalTo(295.0f));
        register("Jordan", "X", "1995-02-10", "CC100").body("category", equalTo("30-39"));
        register("Casey", "F", "1968-08-20", "CC100").body("category", equalTo("50-59"));
        register("Taylor", "M", "2000-01-15", "CC100").body("category", equalTo("20-29"));
        register("Riley", "F", "1990-03-01", "CC100").body("category", equalTo("30-39"));
        register("Morgan", "M", "2008-06-01", "CC50").body("category", equalTo("-19"));

        Map<String, Object> noWaiver = runner("Sam", "M", "1985-05-01", "CC100");
        noWaiver.remove("waiverAccepted");
        given().baseUri(event.registration.url()).contentType(ContentType.JSON).body(noWaiver)
                .when().post("/api/entries")
                .then().statusCode(422).body("type", endsWith("/waiver-not-accepted"))
                .body("errors[0].field", equalTo("waiverAccepted"));
        // the 50K ranks no non-binary division
        given().baseUri(event.registration.url()).contentType(ContentType.JSON)
                .body(runner("Sam", "X", "1985-05-01", "CC50"))
                .when().post("/api/entries").then().statusCode(422);

        assignBibs("CC100", Map.of("Alex", 6101, "Jordan", 6102, "Casey", 6103, "Taylor", 6104, "Riley", 6105));
        assignBibs("CC50", Map.of("Morgan", 7001));
        for (String runner : BIBS.keySet()) {
            String race = runner.equals("Morgan") ? "CC50" : "CC100";
            awaitResults("/api/races/" + race + "/runners/" + BIBS.get(runner), json -> true);
        }
    }

    @Test
    @Order(2)
    void theMatsTimeTheRaceAcrossTheDaylightSavingChangeAndTheResultsShowItInMiles() throws Exception {
        // the official's start signal, in Denver's winter time
        given().baseUri(event.timing.url()).auth().preemptive().basic(user(OFFICIAL), password(OFFICIAL))
                .contentType(ContentType.JSON)
                .body(Map.of("time", "2027-03-13T06:00:00-07:00", "reason", "start gun"))
                .when().put("/api/races/CC100/gun-start").then().statusCode(200);

        // the readers' clocks are in Denver: -07:00 on Saturday, -06:00 from Sunday 03:00 MDT
        race("Alex", "M-CC-START", "2027-03-13T05:59:40-07:00", "M-CC-BEAR-IN", "2027-03-13T11:02:10-07:00",
                "M-CC-BEAR-OUT", "2027-03-13T11:09:40-07:00", "M-CC-COYOTE", "2027-03-13T21:30:00-07:00",
                "M-CC-COYOTE", "2027-03-13T21:52:00-07:00", "M-CC-ELK", "2027-03-14T04:10:00-06:00",
                "M-CC-FINISH", "2027-03-14T08:00:00-06:00");
        race("Jordan", "M-CC-START", "2027-03-13T05:59:50-07:00", "M-CC-BEAR-IN", "2027-03-13T11:20:00-07:00",
                "M-CC-BEAR-OUT", "2027-03-13T11:31:00-07:00", "M-CC-COYOTE", "2027-03-13T22:40:00-07:00",
                "M-CC-COYOTE", "2027-03-13T23:05:00-07:00", "M-CC-ELK", "2027-03-14T05:00:00-06:00",
                "M-CC-FINISH", "2027-03-14T10:30:00-06:00");
        // a copy: Coyote Gulch read at the very second Casey left Bear Meadow
        race("Casey", "M-CC-START", "2027-03-13T05:59:45-07:00", "M-CC-BEAR-IN", "2027-03-13T11:30:00-07:00",
                "M-CC-BEAR-OUT", "2027-03-13T11:40:00-07:00", "M-CC-COYOTE", "2027-03-13T11:40:00-07:00");
        // Bear Meadow's 26.2 miles and 5,200 ft in 50 minutes: faster than anyone
        race("Taylor", "M-CC-START", "2027-03-13T05:59:55-07:00", "M-CC-BEAR-IN", "2027-03-13T06:50:00-07:00");
        // Elk Ridge read before Coyote Gulch, which comes first on the course
        race("Riley", "M-CC-START", "2027-03-13T05:59:42-07:00", "M-CC-BEAR-IN", "2027-03-13T10:40:00-07:00",
                "M-CC-BEAR-OUT", "2027-03-13T10:50:00-07:00", "M-CC-COYOTE", "2027-03-13T21:00:00-07:00",
                "M-CC-COYOTE", "2027-03-13T21:20:00-07:00", "M-CC-ELK", "2027-03-13T20:30:00-07:00");
        race("Morgan", "M-CC-START", "2027-03-14T07:00:05-06:00", "M-CC-BEAR-IN", "2027-03-14T09:40:05-06:00",
                "M-CC-BEAR-OUT", "2027-03-14T09:44:05-06:00", "M-CC-FINISH", "2027-03-14T13:15:05-06:00");
        mats.flush();

        // 06:00 MST on Saturday to 08:00 MDT on Sunday is 25 hours, not 26
        JsonPath ranking = awaitResults("/api/races/CC100/ranking", json -> "FINISHED".equals(row(json, "Jordan",
                "status")) && "FINISHED".equals(row(json, "Alex", "status")));
        assertEquals("25:00:00", row(ranking, "Alex", "raceTime"));
        assertEquals("27:30:00", row(ranking, "Jordan", "raceTime"));
        assertEquals("40-49-H", row(ranking, "Alex", "category"));
        assertEquals("30-39-X", row(ranking, "Jordan", "category"));
        assertEquals("1", row(ranking, "Alex", "rank"));
        JsonPath fifty = awaitResults("/api/races/CC50/ranking", json -> "FINISHED".equals(row(json, "Morgan",
                "status")));
        assertEquals("6:15:00", row(fifty, "Morgan", "raceTime"));
        assertEquals("-19-H", row(fifty, "Morgan", "category"));

        JsonPath alex = awaitResults("/api/races/CC100/runners/6101", json -> json.getList("splits").size() == 5);
        assertEquals("2027-03-13T18:09:40Z", alex.getString("splits[1].departure"));
        assertEquals(450, alex.getDouble("splits[1].stop"));
        assertEquals("2027-03-14T04:52:00Z", alex.getString("splits[2].departure"));
        assertEquals(22 * 60, alex.getDouble("splits[2].stop"));
        assertEquals(25 * 3600, alex.getDouble("splits[4].elapsed"));

        // the runner's page: arrival, departure and stop at each station, the finish at 08:00 Denver time
        given().baseUri(event.results.url()).when().get("/races/CC100/runners/6101")
                .then().statusCode(200)
                .body(allOf(containsString("26.2 mi"), containsString("/mi"), containsString("Bear Meadow Aid"),
                        containsString("Arrêt"), containsString("11:09:40"), containsString("0:07:30"),
                        containsString("0:22:00"), containsString("08:00"), containsString("25:00:00"),
                        not(containsString("26:00:00")), not(containsString(" km"))));
        // the organiser's 18,000 ft, as written, on the registration form and the results
        given().baseUri(event.registration.url()).when().get("/").then().statusCode(200)
                .body(allOf(containsString("100 mi · 18000 ft D+ · 295 USD"), containsString("X — Non binaire, au CC100")));
        given().baseUri(event.results.url()).when().get("/").then().statusCode(200)
                .body(containsString("100.0 mi, 18000 ft D+"));
        given().baseUri(event.results.url()).when().get("/races/CC100")
                .then().statusCode(200).body(allOf(containsString("40-49"), containsString("30-39"),
                        containsString("Cache Creek 100 Mile Endurance Run")));
        // the station read in and out, on its public page and on race control, in Denver's time
        given().baseUri(event.results.url()).when().get("/races/CC100/points/coyote-gulch")
                .then().statusCode(200).body(allOf(containsString("62.4 mi"), containsString("21:30"),
                        containsString("21:52"), containsString("15:30:00")));
        official().when().get("/race-control/CC100").then().statusCode(200)
                .body(allOf(containsString("2027-03-13T11:02:10"), containsString("2027-03-13T11:09:40"),
                        containsString("0:07:30"), containsString("2027-03-13T21:52"),
                        containsString("Bear Meadow Aid (26.2 mi)"), not(containsString("42.16"))));
    }

    @Test
    @Order(3)
    void doubtfulPassagesAreFlaggedLeftOutOfTheLeadersAndReviewedByAnOfficial() throws Exception {
        Map<String, String> expected = Map.of("6103/bear-meadow", "SAME_AS_NEIGHBOUR",
                "6103/coyote-gulch", "SAME_AS_NEIGHBOUR", "6104/bear-meadow", "TOO_FAST",
                "6105/elk-ridge", "OUT_OF_SEQUENCE");
        assertEquals(expected, awaitDoubts(expected));

        JsonPath casey = awaitResults("/api/races/CC100/runners/6103", json -> json.getList("splits").size() == 3);
        assertEquals("SAME_AS_NEIGHBOUR", casey.getString("splits[2].doubtful"));
        assertNull(casey.get("splits[2].rank"));
        given().baseUri(event.results.url()).when().get("/races/CC100/runners/6104").then().statusCode(200)
                .body(containsString("doubt"));

        // Taylor's impossible time and Casey's copy lead nowhere and are not counted: Riley leads at Bear Meadow and
        // Coyote Gulch, and Riley's Elk Ridge read, before Coyote Gulch, leaves Elk Ridge to Alex
        JsonPath stats = awaitResults("/api/races/CC100/stats", json -> true);
        assertEquals(6105, leader(stats, "bear-meadow"));
        assertEquals(3, passages(stats, "bear-meadow"));
        assertEquals(6105, leader(stats, "coyote-gulch"));
        assertEquals(6101, leader(stats, "elk-ridge"));

        // the official confirms Casey's Bear Meadow time and strikes the copy at Coyote Gulch
        official().body(Map.of("time", "2027-03-13T11:30:00-07:00", "reason", "aid station sheet"))
                .when().put("/api/races/CC100/runners/6103/passages/bear-meadow").then().statusCode(200);
        official().body(Map.of("reason", "copy of Bear Meadow's read"))
                .when().post("/api/races/CC100/runners/6103/passages/coyote-gulch/removal").then().statusCode(200);

        Map<String, String> left = Map.of("6104/bear-meadow", "TOO_FAST", "6105/elk-ridge", "OUT_OF_SEQUENCE");
        assertEquals(left, awaitDoubts(left));
        JsonPath reviewed = awaitResults("/api/races/CC100/runners/6103", json -> json.getList("splits").size() == 2
                && json.get("splits[1].doubtful") == null);
        assertEquals("bear-meadow", reviewed.getString("splits[1].pointId"));
        assertEquals(600, reviewed.getDouble("splits[1].stop"));
        assertEquals(4, passages(awaitResults("/api/races/CC100/stats",
                json -> passages(json, "bear-meadow") == 4), "bear-meadow"));
    }

    @Test
    @Order(4)
    void theOrganiserExportsTheFinishersForItra() throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        String itra = "";
        while (Instant.now().isBefore(deadline) && !itra.contains("25:00:00")) {
            itra = given().baseUri(event.registration.url()).auth().preemptive()
                    .basic(user(ORGANISER), password(ORGANISER))
                    .when().get("/api/admin/races/CC100/results/itra.csv").then().statusCode(200).extract().asString();
            Thread.sleep(250);
        }
        // ITRA's columns: Ranking;Time;Family name;First name;Gender;Birthdate;Nationality;Bib number
        assertTrue(itra.lines().anyMatch(("1;25:00:00;" + lastName("Alex") + ";Alex;M;1985-05-01;USA;6101")::equals),
                itra);
    }

    private static io.restassured.response.ValidatableResponse register(String first, String sex, String born,
                                                                         String race) {
        var response = given().baseUri(event.registration.url()).contentType(ContentType.JSON)
                .body(runner(first, sex, born, race))
                .when().post("/api/entries")
                .then().statusCode(201);
        CHIPS.put(first, response.extract().path("chip"));
        return response;
    }

    static Map<String, Object> runner(String first, String sex, String born, String race) {
        return new HashMap<>(Map.of("firstName", first, "lastName", lastName(first), "sex", sex, "birthDate", born,
                "raceCode", race, "nationality", "USA", "email", email(first), "waiverAccepted", true));
    }

    static String lastName(String first) {
        return "Creek-" + first + "-" + RUN;
    }

    static String email(String first) {
        return first.toLowerCase() + "-" + RUN + "@example.org";
    }

    /** The organiser's list: e-mail;bib, under a header line. */
    static void assignBibs(String race, Map<String, Integer> bibs) {
        StringBuilder csv = new StringBuilder("email;bib\n");
        bibs.forEach((first, bib) -> csv.append(email(first)).append(';').append(bib).append('\n'));
        given().baseUri(event.registration.url()).auth().preemptive().basic(user(ORGANISER), password(ORGANISER))
                .contentType("text/csv").body(csv.toString())
                .when().post("/api/admin/races/" + race + "/bibs").then().statusCode(200);
        BIBS.putAll(bibs);
    }

    /**
     * A runner's reads, mat and time in turn, as the readers' clocks date them: one read a crossing, so that each
     * time on the pages is the one written here.
     */
    static void race(String first, String... matsAndTimes) {
        String chip = CHIPS.get(first);
        for (int i = 0; i < matsAndTimes.length; i += 2) {
            ChipRead read = new ChipRead("R-" + matsAndTimes[i], matsAndTimes[i], chip,
                    OffsetDateTime.parse(matsAndTimes[i + 1]), 1, -60, (long) i, ChipRead.Source.MAT);
            mats.send(new ProducerRecord<>(Topics.CHIP_READS, chip, EventJson.write(read)));
        }
    }

    static String row(JsonPath ranking, String first, String field) {
        int row = ranking.getList("bib").indexOf(BIBS.get(first));
        return row < 0 ? null : ranking.getString("[" + row + "]." + field);
    }

    static Integer leader(JsonPath stats, String point) {
        return stats.get("points.find { it.pointId == '" + point + "' }.leaderBib");
    }

    static int passages(JsonPath stats, String point) {
        return stats.getInt("points.find { it.pointId == '" + point + "' }.passages");
    }

    static io.restassured.specification.RequestSpecification official() {
        return given().baseUri(event.timing.url()).auth().preemptive().basic(user(OFFICIAL), password(OFFICIAL))
                .contentType(ContentType.JSON);
    }

    /** The race's doubtful passages as timing gives them to officials, bib/point to doubt, once they are these. */
    static Map<String, String> awaitDoubts(Map<String, String> expected) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        Map<String, String> doubts = Map.of();
        while (Instant.now().isBefore(deadline)) {
            doubts = new HashMap<>();
            for (Map<String, Object> flag : official().when().get("/api/races/CC100/doubtful-passages")
                    .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("")) {
                doubts.put(flag.get("bib") + "/" + flag.get("pointId"), (String) flag.get("doubt"));
            }
            if (doubts.equals(expected)) {
                break;
            }
            Thread.sleep(250);
        }
        return doubts;
    }

    static JsonPath awaitResults(String path, Predicate<JsonPath> wanted) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(45);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            Response response = given().baseUri(event.results.url()).when().get(path);
            last = response.asString();
            if (response.statusCode() == 200 && wanted.test(response.jsonPath())) {
                return response.jsonPath();
            }
            Thread.sleep(250);
        }
        throw new AssertionError(path + " never as expected: " + last);
    }

    private static String user(String account) {
        return account.substring(0, account.indexOf(':'));
    }

    private static String password(String account) {
        return account.substring(account.indexOf(':') + 1);
    }
}
