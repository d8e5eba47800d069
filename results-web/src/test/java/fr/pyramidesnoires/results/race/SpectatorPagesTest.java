package fr.pyramidesnoires.results.race;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.CourseEvent;
import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.RaceEvent;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.events.RunnerTiming.Passage;
import fr.pyramidesnoires.events.RunnerTiming.Status;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.TopicProbe;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pages spectators follow a race on, fed from the real broker. */
@QuarkusTest
class SpectatorPagesTest {

    static final Instant GUN = Instant.parse("2027-03-20T08:00:00Z");
    static final List<CourseEvent.Point> POINTS = List.of(
            new CourseEvent.Point(0, "start", "Départ 9-9bis", 0, 0, null),
            new CourseEvent.Point(1, "ste-henriette", "Terril Sainte-Henriette", 12, 210, null),
            new CourseEvent.Point(2, "estevelles", "Terril d'Estevelles", 24, 480, Duration.ofMinutes(270)),
            new CourseEvent.Point(3, "finish", "Arrivée 9-9bis", 35, 700, Duration.ofHours(7)));
    private static TopicProbe kafka;

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void connect() {
        kafka = TopicProbe.onTheServicesBroker();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    /** A 35 km race with its course and gun, and four runners: one finished, two on course, one withdrawn. */
    static String race() {
        String race = "S" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        kafka.send(Topics.RACES, race, new RaceEvent(race, "Trail test " + race, 35, 700,
                OffsetDateTime.parse("2027-03-20T09:00:00+01:00"), 300));
        kafka.send(Topics.COURSES, race, new CourseEvent(race, POINTS, GUN));
        runner(race, 11, "Alice", "Carpentier", false, Status.FINISHED, "PT2S", "PT1H05M", "PT2H20M", "PT3H31M07S");
        runner(race, 12, "Bruno", "Delmotte", false, Status.ON_COURSE, "PT3S", "PT1H12M", "PT2H40M");
        runner(race, 13, "Chloé", "Wallet", false, Status.ON_COURSE, "PT5S", "PT1H30M");
        runner(race, 14, "Secret", "Runner", true, Status.DNF, "PT4S", "PT1H40M");
        return race;
    }

    static void runner(String race, int bib, String first, String last, boolean hidden, Status status,
                       String... splits) {
        String id = UUID.randomUUID().toString();
        kafka.send(Topics.ENTRIES, id, new EntryEvent(EntryEvent.Type.UPSERTED, id, race, bib, "C" + bib,
                hidden ? null : first, hidden ? null : last, hidden, EntryEvent.Sex.F, "SE", "AC Lens", "FRA",
                Instant.now()));
        timed(race, bib, status, splits);
    }

    static void timed(String race, int bib, Status status, String... splits) {
        List<Passage> passages = new ArrayList<>();
        for (int i = 0; i < splits.length; i++) {
            CourseEvent.Point p = POINTS.get(i);
            passages.add(new Passage(i, p.id(), p.name(), p.km(), GUN.plus(Duration.parse(splits[i]))));
        }
        Long time = status == Status.FINISHED ? Duration.parse(splits[splits.length - 1]).toMillis() : null;
        RunnerTiming timing = new RunnerTiming(race, bib, status, GUN, passages, time, time);
        kafka.send(Topics.RUNNER_TIMINGS, timing.key(), timing);
    }

    static JsonPath awaitJson(String path, java.util.function.Predicate<JsonPath> ready) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            var response = given().when().get(path);
            last = response.asString();
            if (response.statusCode() == 200 && ready.test(response.jsonPath())) {
                return response.jsonPath();
            }
            Thread.sleep(200);
        }
        throw new AssertionError(path + " never ready: " + last);
    }

    @Test
    void theHomePageTellsWhereEachRaceStands() throws Exception {
        String race = race();
        awaitJson("/api/races/" + race + "/ranking", j -> j.getList("bib").size() == 4);

        given().when().get("/").then().statusCode(200)
                .body(containsString("Trail test " + race))
                .body(containsString("<strong>En course</strong>"))
                .body(containsString("CARPENTIER Alice"));
    }

    @Test
    void everyViewHasItsJsonDocumentedInOpenApi() throws Exception {
        String race = race();
        awaitJson("/api/races/" + race + "/ranking", j -> j.getList("bib").size() == 4);

        given().when().get("/api/races").then().statusCode(200)
                .body("find { it.code == '" + race + "' }.state.phase", equalTo("RUNNING"))
                .body("find { it.code == '" + race + "' }.start", equalTo("samedi 20 mars, 09:00"))
                .body("find { it.code == '" + race + "' }", not(hasKey("startsAt")));
        given().when().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/races/{race}/ranking"))
                .body(containsString("/races/{race}/live"))
                .body(containsString("Every race with its state"));
    }

    @Test
    void theRunnerPageHasEverySplitHerRanksAndWhenSheIsExpected() throws Exception {
        String race = race();
        JsonPath runner = awaitJson("/api/races/" + race + "/runners/13",
                j -> j.getList("splits").size() == 2 && j.getList("splits.rank").get(1) != null);

        assertEquals(List.of("start", "ste-henriette"), runner.getList("splits.pointId"));
        // third through Sainte-Henriette: after the finisher and the runner now at Estevelles, before the withdrawn one
        assertEquals(3, runner.getInt("splits[1].rank"));
        assertEquals(7.5, runner.getDouble("splits[1].paceMinKm"), 0.01, "90 min for 12 km");
        assertEquals(List.of("Terril d'Estevelles", "Arrivée 9-9bis"), runner.getList("ahead.pointName"));
        // 1 h 30 for 14.1 km-effort; Estevelles is 28.8 km-effort from the start
        Instant expected = GUN.plus(Duration.ofSeconds(Math.round(28.8 * 5400 / 14.1)));
        assertTrue(Math.abs(Duration.between(expected, Instant.parse(runner.getString("ahead[0].at"))).toSeconds()) <= 1);

        given().when().get("/races/" + race + "/runners/13").then().statusCode(200)
                .body(containsString("WALLET Chloé"))
                .body(containsString("Terril Sainte-Henriette"))
                .body(containsString("7:30 /km"))
                .body(containsString("km-effort"));
    }

    @Test
    void aTerrilShowsWhoPassedInOrderAndWhoIsComingNext() throws Exception {
        String race = race();
        JsonPath point = awaitJson("/api/races/" + race + "/points/estevelles",
                j -> j.getList("passed").size() == 2 && j.getList("expected").size() == 1);

        assertEquals(List.of(11, 12), point.getList("passed.bib"));
        assertEquals(List.of(1, 2), point.getList("passed.rank"));
        assertEquals(13, point.getInt("expected[0].bib"));
        given().when().get("/races/" + race + "/points/estevelles").then().statusCode(200)
                .body(containsString("Attendus"))
                .body(containsString("WALLET Chloé"));
    }

    @Test
    void theOfficialResultsComeAsCsvWithoutWithheldNames() throws Exception {
        String race = race();
        awaitJson("/api/races/" + race + "/ranking", j -> j.getList("bib").size() == 4);

        String csv = given().when().get("/races/" + race + "/results.csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertTrue(csv.startsWith("rank;bib;name;category;club;nationality;status;time\n"), csv);
        assertTrue(csv.contains("1;11;CARPENTIER Alice;SE-F;AC Lens;FRA;FINISHED;3:31:07"), csv);
        // nor the club and nationality of a runner who refused publication: together they often name one runner
        assertTrue(csv.contains(";14;;SE-F;;;DNF;"), csv);
        given().when().get("/races/" + race + "/results.csv").then().body(not(containsString("Secret")));
    }

    @Test
    void openPagesHearThatTheirRaceChanged() throws Exception {
        String race = race();
        awaitJson("/api/races/" + race + "/ranking", j -> j.getList("bib").size() == 4);
        ExecutorService readers = Executors.newCachedThreadPool();
        CompletableFuture<String> event = firstEvent(HttpClient.newHttpClient(), race, readers);
        Thread.sleep(500);
        timed(race, 13, Status.ON_COURSE, "PT5S", "PT1H30M", "PT3H05M");

        assertEquals(race, event.get(10, TimeUnit.SECONDS));
        readers.shutdownNow();
    }

    @Test
    void everyOpenPageOfTheRaceHearsTheChange() throws Exception {
        String race = race();
        awaitJson("/api/races/" + race + "/ranking", j -> j.getList("bib").size() == 4);
        // one connection each, so that they spread over the server's event loops
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService readers = Executors.newCachedThreadPool();
        List<CompletableFuture<String>> events = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            events.add(firstEvent(http, race, readers));
        }
        // each stream is counted before its headers are sent: all 40 are listening by now
        timed(race, 13, Status.ON_COURSE, "PT5S", "PT1H30M", "PT3H05M");

        for (CompletableFuture<String> event : events) {
            assertEquals(race, event.get(10, TimeUnit.SECONDS));
        }
        readers.shutdownNow();
    }

    /** Opens the race's live stream, which must be an event stream; completes with its first event's data. */
    private CompletableFuture<String> firstEvent(HttpClient http, String race, ExecutorService readers)
            throws Exception {
        HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(
                URI.create(root.toString() + "races/" + race + "/live")).build(), HttpResponse.BodyHandlers.ofLines());
        assertTrue(stream.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
        return CompletableFuture.supplyAsync(() -> stream.body().filter(line -> line.startsWith("data:"))
                .map(line -> line.substring(5).trim()).findFirst().orElse(null), readers);
    }

    @Test
    void runnersAreFoundByNameBibOrClubButNeverByAWithheldName() throws Exception {
        String race = race();
        awaitJson("/api/races/" + race + "/ranking", j -> j.getList("bib").size() == 4);

        JsonPath byName = given().queryParam("q", "chloé wall").when().get("/api/search").jsonPath();
        assertTrue(byName.getList("raceCode").contains(race));
        assertEquals("WALLET Chloé", byName.getString("find { it.raceCode == '" + race + "' }.name"));
        assertTrue(given().queryParam("q", "Secret Runner").when().get("/api/search").jsonPath()
                .getList("raceCode").stream().noneMatch(race::equals), "a withheld name finds nobody");
        JsonPath byBib = given().queryParam("q", "14").when().get("/api/search").jsonPath();
        assertNull(byBib.get("find { it.raceCode == '" + race + "' }.name"), "found by bib, still without name");
        given().queryParam("q", "Carpentier").when().get("/recherche").then().statusCode(200)
                .body(containsString("CARPENTIER Alice")).body(containsString("data-key=\"" + race + "/11\""));
        given().when().get("/mes-coureurs").then().statusCode(200).body(containsString("Mes coureurs"));
    }

    @Test
    void theStatisticsCountStartersFinishersWithdrawalsAndPassagesPerTerril() throws Exception {
        String race = race();
        JsonPath stats = awaitJson("/api/races/" + race + "/stats", j -> j.getInt("state.starters") == 4);

        assertEquals(1, stats.getInt("state.finishers"));
        assertEquals(1, stats.getInt("state.dnf"));
        assertEquals(2, stats.getInt("state.onCourse"));
        assertEquals("RUNNING", stats.getString("state.phase"));
        assertEquals(List.of(4, 4, 2, 1), stats.getList("points.passages"));
        assertEquals(List.of(11, 11, 11, 11), stats.getList("points.leaderBib"));
        given().when().get("/races/" + race + "/stats").then().statusCode(200)
                .body(containsString("Terril d&#39;Estevelles"));
    }

    /** A page with a label that reads differently in each language. */
    record Labelled(String path, String french, String english) {
    }

    static List<Labelled> mainPages(String race) {
        return List.of(
                new Labelled("/", "<h1>Courses</h1>", "<h1>Races</h1>"),
                new Labelled("/races/" + race, ">Dernier point<", ">Last point<"),
                new Labelled("/races/" + race + "/runners/13", "Prochains passages estimés", "Estimated arrivals"),
                new Labelled("/races/" + race + "/points/estevelles", "<h2>Attendus</h2>", "<h2>Expected next</h2>"),
                new Labelled("/races/" + race + "/stats", "<h1>Statistiques ", "<h1>Statistics "),
                new Labelled("/recherche?q=Carpentier", "<h1>Recherche", "<h1>Search"),
                new Labelled("/mes-coureurs", "<h1>Mes coureurs</h1>", "<h1>My runners</h1>"));
    }

    @Test
    void everyPageIsInFrenchUntilTheSpectatorSwitchesToEnglish() throws Exception {
        String race = race();
        awaitJson("/api/races/" + race + "/points/estevelles", j -> j.getList("expected").size() == 1);

        for (Labelled page : mainPages(race)) {
            String separator = page.path().contains("?") ? "&" : "?";
            given().when().get(page.path()).then().statusCode(200)
                    .body(containsString("<html lang=\"fr\">"))
                    .body(containsString(page.french())).body(not(containsString(page.english())))
                    .body(containsString("hreflang=\"en\""));
            given().when().get(page.path() + separator + "lang=en").then().statusCode(200)
                    .cookie("lang", "en")
                    .body(containsString("<html lang=\"en\">"))
                    .body(containsString(page.english())).body(not(containsString(page.french())))
                    .body(containsString("hreflang=\"fr\""));
        }
    }

    @Test
    void theChosenLanguageIsRememberedUntilTheSpectatorSwitchesBack() throws Exception {
        String race = race();
        awaitJson("/api/races/" + race + "/ranking", j -> j.getList("bib").size() == 4);

        given().cookie("lang", "en").when().get("/").then().statusCode(200)
                .header("Set-Cookie", nullValue())
                .body(containsString("<strong>Running</strong>"))
                .body(containsString("Saturday 20 March, 09:00"));
        given().cookie("lang", "en").when().get("/races/" + race + "/runners/13?lang=fr").then().statusCode(200)
                .cookie("lang", "fr")
                .body(containsString("Prochains passages estimés"))
                .body(containsString("Terril d&#39;Estevelles (24.0 km) : vers "));
        given().when().get("/").then().body(containsString("samedi 20 mars, 09:00"));
    }

    @Test
    void theSwitchLinkKeepsTheRankingGroupAndTheSearch() throws Exception {
        String race = race();
        awaitJson("/api/races/" + race + "/ranking", j -> j.getList("bib").size() == 4);

        given().queryParam("sex", "F").queryParam("category", "SE").queryParam("utm_source", "club")
                .when().get("/races/" + race).then().statusCode(200)
                .body(containsString("href=\"/races/" + race + "?sex=F&amp;category=SE&amp;lang=en\""));
        given().queryParam("q", "Wallet Chloé").queryParam("lang", "en").when().get("/recherche").then()
                .body(containsString("href=\"/recherche?q=Wallet+Chlo%C3%A9&amp;lang=fr\""));
    }

    @Test
    void aRankingRenderedOncePerChangeIsKeptOncePerLanguage() throws Exception {
        String race = race();
        awaitJson("/api/races/" + race + "/ranking", j -> j.getList("bib").size() == 4);

        for (String lang : List.of("fr", "en", "fr", "en")) {
            given().cookie("lang", lang).when().get("/races/" + race).then().statusCode(200)
                    .body(containsString("<html lang=\"" + lang + "\">"))
                    .body(containsString(lang.equals("fr") ? ">Dernier point<" : ">Last point<"));
        }
        timed(race, 13, Status.ON_COURSE, "PT5S", "PT1H30M", "PT3H05M");
        awaitJson("/api/races/" + race + "/points/estevelles", j -> j.getList("passed").size() == 3);
        given().cookie("lang", "en").when().get("/races/" + race).then()
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("<td class=\"num\">3:05:00</td>"));
    }

    @Test
    void aRankingServedAgainFromItsCacheKeepsItsLanguageCookieAndHeaders() throws Exception {
        String race = race();
        // every runner timed: the race stays as it is, so the second request finds the page rendered by the first
        awaitJson("/api/races/" + race + "/stats", j -> j.getInt("state.starters") == 4);
        String rendered = given().queryParam("sex", "F").when().get("/races/" + race).then().statusCode(200)
                .extract().asString();

        given().queryParam("sex", "F").when().get("/races/" + race).then().statusCode(200)
                .contentType(equalTo("text/html;charset=UTF-8"))
                .header("Vary", containsString("Cookie"))
                .header("Set-Cookie", nullValue())
                .body(equalTo(rendered));
        given().queryParam("sex", "F").queryParam("lang", "en").when().get("/races/" + race).then().statusCode(200);
        given().queryParam("sex", "F").queryParam("lang", "en").when().get("/races/" + race).then().statusCode(200)
                .cookie("lang", "en")
                .header("Vary", containsString("Cookie"))
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("href=\"/races/" + race + "?sex=F&amp;lang=fr\""));
        given().cookie("lang", "en").queryParam("sex", "F").queryParam("lang", "en").when().get("/races/" + race)
                .then().statusCode(200).header("Set-Cookie", nullValue());
        given().queryParam("sex", "F").when().get("/races/" + race).then().body(equalTo(rendered));
        given().when().get("/races/NO-SUCH-RACE").then().statusCode(404);
    }

    @Test
    void aRankingIsSentGzippedOnlyToClientsThatAskForIt() throws Exception {
        String race = race();
        // every runner timed: the race stays as it is, so the second request finds the page rendered by the first
        awaitJson("/api/races/" + race + "/stats", j -> j.getInt("state.starters") == 4);
        String rendered = given().when().get("/races/" + race).then().statusCode(200).extract().asString();

        given().header("Accept-Encoding", "gzip").when().get("/races/" + race).then().statusCode(200)
                .header("Content-Encoding", "gzip")
                .header("Vary", containsString("Accept-Encoding"))
                .body(equalTo(rendered));
        HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(root.toString() + "races/" + race)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, plain.statusCode());
        assertTrue(plain.headers().firstValue("content-encoding").filter("gzip"::equals).isEmpty());
        assertEquals(rendered, plain.body());
    }
}
