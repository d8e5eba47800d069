package fr.pyramidesnoires.results.graphs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.CourseEvent;
import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.RaceEvent;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.events.RunnerTiming.Passage;
import fr.pyramidesnoires.events.RunnerTiming.Status;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.HeadlessChromium;
import fr.pyramidesnoires.events.testing.TopicProbe;
import fr.pyramidesnoires.results.language.Language;
import fr.pyramidesnoires.results.ranking.PageCache;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The charts of the runner, race and terril pages, fed from the real broker. The race runs on the real clock: its
 * gun went five hours ago, so that Estevelles' cut-off (4 h) has fallen and the finish's (6 h) has not.
 */
@QuarkusTest
class ChartPagesTest {

    /** No climb, so that a runner's estimated arrival is their pace per km so far times the km ahead. */
    static final List<CourseEvent.Point> POINTS = List.of(
            new CourseEvent.Point(0, "start", "Départ 9-9bis", 0, 0, null),
            new CourseEvent.Point(1, "terril-5", "Terril 5", 10, 0, null),
            new CourseEvent.Point(2, "estevelles", "Terril d'Estevelles", 20, 0, Duration.ofHours(4)),
            new CourseEvent.Point(3, "finish", "Arrivée 9-9bis", 30, 0, Duration.ofHours(6)));
    private static TopicProbe kafka;

    @TestHTTPResource("/")
    URL root;
    @Inject
    PageCache pages;

    @BeforeAll
    static void connect() {
        kafka = TopicProbe.onTheServicesBroker();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    /**
     * Women SE to Terril 5 in 1:00, 1:05, 1:10 (Chloé, 23), 1:20, 1:25 and 1:30, that is 6:00 to 9:00 /km: the
     * category's median there is between 7:00 and 8:00, 7:30 /km. A man (SE-H) at 10:00 /km is in no woman's median.
     */
    static Race race(Instant gun) {
        String code = "G" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        kafka.send(Topics.RACES, code, new RaceEvent(code, "Trail graphique " + code, 30, 0,
                OffsetDateTime.parse("2027-03-20T09:00:00+01:00"), 300));
        kafka.send(Topics.COURSES, code, new CourseEvent(code, POINTS, gun));
        Race race = new Race(code, gun);
        race.runner(21, "Alice", "Caron", EntryEvent.Sex.F, Status.FINISHED, "PT0S", "PT1H", "PT2H10M", "PT3H30M");
        race.runner(22, "Bruno<b>", "Delmotte", EntryEvent.Sex.F, Status.ON_COURSE, "PT0S", "PT1H5M", "PT2H30M");
        race.runner(23, "Chloé", "Wallet", EntryEvent.Sex.F, Status.ON_COURSE, "PT0S", "PT1H10M");
        race.runner(24, "Dora", "Evrard", EntryEvent.Sex.F, Status.ON_COURSE, "PT0S", "PT1H20M");
        race.runner(25, "Emma", "Flament", EntryEvent.Sex.F, Status.ON_COURSE, "PT0S", "PT1H25M");
        race.runner(26, "Hugo", "Gosselin", EntryEvent.Sex.H, Status.ON_COURSE, "PT0S", "PT1H40M");
        race.runner(27, "Inès", "Hennebert", EntryEvent.Sex.F, Status.ON_COURSE, "PT0S", "PT1H30M");
        return race;
    }

    record Race(String code, Instant gun) {

        void runner(int bib, String first, String last, EntryEvent.Sex sex, Status status, String... splits) {
            String id = UUID.randomUUID().toString();
            kafka.send(Topics.ENTRIES, id, new EntryEvent(EntryEvent.Type.UPSERTED, id, code, bib, "C" + bib, first,
                    last, false, sex, "SE", "AC Lens", "FRA", Instant.now()));
            List<Passage> passages = new ArrayList<>();
            for (int i = 0; i < splits.length; i++) {
                CourseEvent.Point p = POINTS.get(i);
                passages.add(new Passage(i, p.id(), p.name(), p.km(), gun.plus(Duration.parse(splits[i]))));
            }
            Long time = status == Status.FINISHED ? Duration.parse(splits[splits.length - 1]).toMillis() : null;
            RunnerTiming timing = new RunnerTiming(code, bib, status, gun, passages, time, time);
            kafka.send(Topics.RUNNER_TIMINGS, timing.key(), timing);
        }

        /** Waits until every runner is in the ranking. */
        Race ready(int runners) throws InterruptedException {
            Instant deadline = Instant.now().plusSeconds(30);
            while (true) {
                var response = given().when().get("/api/races/" + code + "/ranking");
                if (response.statusCode() == 200 && response.jsonPath().getList("bib").size() == runners) {
                    return this;
                }
                assertTrue(Instant.now().isBefore(deadline), "race never ready: " + response.asString());
                Thread.sleep(200);
            }
        }
    }

    static Race fiveHoursIn() throws InterruptedException {
        return race(Instant.now().minus(Duration.ofHours(5)).truncatedTo(ChronoUnit.SECONDS)).ready(7);
    }

    @Test
    void theRunnerPageDrawsHerRankAndHerPaceAgainstHerCategorysMedian() throws Exception {
        Race race = fiveHoursIn();

        String page = given().when().get("/races/" + race.code() + "/runners/23").then().statusCode(200)
                .extract().asString();

        assertTrue(page.contains("<title id=\"chart-rank-t\">Rang à chaque point</title>"), page);
        assertTrue(page.contains("WALLET Chloé (23) : Départ 9-9bis — 1, Terril 5 — 3."), page);
        assertTrue(page.contains("WALLET Chloé (23) : Terril 5 — 7:00 /km."), page);
        assertTrue(page.contains("Médiane SE-F : Terril 5 — 7:30 /km."), page);
        assertTrue(page.contains("<tr><th scope=\"row\">Terril 5</th><td class=\"num\">7:00 /km</td>"
                + "<td class=\"num\">7:30 /km</td></tr>"), "the figures as a table too");
        assertTrue(page.contains("role=\"img\""));
        assertTrue(page.contains("Comparer avec le dossard…"));
    }

    @Test
    void inEnglishTheChartsSpeakEnglishAndAManAloneInHisCategoryHasNoMedian() throws Exception {
        Race race = fiveHoursIn();

        given().queryParam("lang", "en").when().get("/races/" + race.code() + "/runners/23").then().statusCode(200)
                .body(containsString("<title id=\"chart-pace-t\">Pace per segment</title>"))
                .body(containsString("SE-F median : Terril 5 — 7:30 /km."));
        given().queryParam("lang", "en").when().get("/races/" + race.code() + "/runners/26").then().statusCode(200)
                .body(containsString("GOSSELIN Hugo (26) : Terril 5 — 10:00 /km."))
                .body(not(containsString("median :")))
                .body(not(containsString("SE-H")));
    }

    @Test
    void comparingTwoRunnersDrawsBothAndTheGapBetweenThem() throws Exception {
        Race race = fiveHoursIn();

        String page = given().queryParam("vs", "21").when().get("/races/" + race.code() + "/runners/23").then()
                .statusCode(200).extract().asString();

        assertTrue(page.contains("WALLET Chloé (23) : Départ 9-9bis — 1, Terril 5 — 3."
                + " CARON Alice (21) : Départ 9-9bis — 1, Terril 5 — 1, Terril d&#39;Estevelles — 1,"
                + " Arrivée 9-9bis — 1."), page);
        assertTrue(page.contains("CARON Alice (21) : Terril 5 — 6:00 /km, Terril d&#39;Estevelles — 7:00 /km,"),
                page);
        // Alice went through Terril 5 ten minutes before Chloé
        assertTrue(page.contains("<title id=\"chart-gap-t\">Écart entre les deux coureurs</title>"), page);
        assertTrue(page.contains("CARON Alice (21) : Terril 5 — -0:10:00."), page);
        assertTrue(page.contains("value=\"21\""), "the form shows whom she is compared with");
    }

    @Test
    void aBibToCompareWithThatIsWrongIsSaidOnThePage() throws Exception {
        Race race = fiveHoursIn();
        String path = "/races/" + race.code() + "/runners/23";

        given().queryParam("vs", "abc").when().get(path).then().statusCode(200)
                .body(containsString("« abc » n&#39;est pas un numéro de dossard."))
                .body(containsString("WALLET Chloé (23) : Départ 9-9bis — 1, Terril 5 — 3."));
        given().queryParam("vs", "999").when().get(path).then().statusCode(200)
                .body(containsString("Aucun dossard 999 dans cette course."));
        given().queryParam("vs", "23").queryParam("lang", "en").when().get(path).then().statusCode(200)
                .body(containsString("That is the same runner"));
        given().queryParam("vs", "<script>x</script>").when().get(path).then().statusCode(200)
                .body(not(containsString("<script>x")));
    }

    @Test
    void theApiComparesTwoRunnersAndRefusesAWrongBibAsAProblem() throws Exception {
        Race race = fiveHoursIn();
        String path = "/api/races/" + race.code() + "/runners/23/compare";

        JsonPath both = given().queryParam("vs", "21").when().get(path).then().statusCode(200).extract().jsonPath();
        assertEquals(23, both.getInt("runner.bib"));
        assertEquals(21, both.getInt("vs.bib"));
        assertEquals(List.of("Terril 5"), both.getList("gaps.pointName"));
        assertEquals(-600, both.getInt("gaps[0].behindSeconds"), "Alice ten minutes ahead at Terril 5");

        given().queryParam("vs", "abc").when().get(path).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("vs"));
        given().queryParam("vs", "23").when().get(path).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].message", containsString("same runner"));
        given().when().get(path).then().statusCode(400).contentType("application/problem+json");
        given().queryParam("vs", "999").when().get(path).then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("999"));
    }

    @Test
    void theRacesChartsShowTheGapsOfTheFirstTenAndThePassagesAgainstTheCutOffs() throws Exception {
        Race race = fiveHoursIn();

        given().when().get("/races/" + race.code()).then().statusCode(200)
                .body(containsString("href=\"/races/" + race.code() + "/graphiques\""));
        String page = given().when().get("/races/" + race.code() + "/graphiques").then().statusCode(200)
                .extract().asString();

        // Bruno's name is escaped wherever it is written
        assertTrue(page.contains("22 DELMOTTE Bruno&lt;b&gt; : Terril 5 — +0:05:00, Terril d&#39;Estevelles — "
                + "+0:20:00."), page);
        assertTrue(!page.contains("Bruno<b>"), page);
        assertTrue(page.contains("21 CARON Alice : Terril 5 — +0:00:00"), page);
        // at Estevelles, whose cut-off has fallen: two went through in time, the five others can no longer make it
        assertTrue(page.contains("<tr><th scope=\"row\">Terril d&#39;Estevelles</th><td class=\"num\">2</td>"
                + "<td class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">5</td></tr>"), page);
        // at the finish, whose cut-off is an hour away: one finished, six still on the way
        assertTrue(page.contains("<tr><th scope=\"row\">Arrivée 9-9bis</th><td class=\"num\">1</td>"
                + "<td class=\"num\">0</td><td class=\"num\">6</td><td class=\"num\">0</td></tr>"), page);
    }

    @Test
    void theRacesChartsAreRenderedOncePerChangeOfTheRace() throws Exception {
        Race race = fiveHoursIn();
        String path = "/races/" + race.code() + "/graphiques";

        String first = given().when().get(path).then().statusCode(200).extract().asString();
        assertTrue(pages.current(race.code(), "charts|1", Language.FR).isPresent(), "kept since the race last changed");
        assertEquals(first, given().when().get(path).then().statusCode(200).extract().asString());

        race.runner(24, "Dora", "Evrard", EntryEvent.Sex.F, Status.ON_COURSE, "PT0S", "PT1H20M", "PT3H50M");
        Instant deadline = Instant.now().plusSeconds(30);
        while (pages.current(race.code(), "charts|1", Language.FR).isPresent()) {
            assertTrue(Instant.now().isBefore(deadline), "the race's change never reached the charts");
            Thread.sleep(200);
        }
        given().when().get(path).then().statusCode(200)
                .body(containsString("<tr><th scope=\"row\">Terril d&#39;Estevelles</th><td class=\"num\">3</td>"));
    }

    @Test
    void aTerrilSaysWhoIsDueWithinHalfAnHourAndWhoComesLater() throws Exception {
        // an hour in: at 4:00 /km, 10 km ahead, Alice is due at Estevelles in 20 minutes; Bruno, at 5:30 /km, in 50
        Instant gun = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        String code = "G" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        kafka.send(Topics.RACES, code, new RaceEvent(code, "Trail terril " + code, 30, 0,
                OffsetDateTime.parse("2027-03-20T09:00:00+01:00"), 300));
        kafka.send(Topics.COURSES, code, new CourseEvent(code, POINTS, gun));
        Race race = new Race(code, gun);
        race.runner(31, "Alice", "Soon", EntryEvent.Sex.F, Status.ON_COURSE, "PT0S", "PT40M");
        race.runner(32, "Bruno", "Later", EntryEvent.Sex.H, Status.ON_COURSE, "PT0S", "PT55M");
        race.ready(2);

        String page = given().when().get("/races/" + code + "/points/estevelles").then().statusCode(200)
                .extract().asString();

        int soon = page.indexOf("Attendus dans les 30 prochaines minutes");
        int later = page.indexOf("Attendus plus tard (1)");
        assertTrue(soon >= 0 && later > soon, page);
        int alice = page.indexOf("SOON Alice");
        int bruno = page.indexOf("LATER Bruno");
        assertTrue(alice > soon && alice < later, "Alice is due within 30 minutes: " + page);
        assertTrue(bruno > later, "Bruno comes later: " + page);
    }

    @Test
    void onAPhoneTheRunnersChartsShowAndFitTheScreen() throws Exception {
        Race race = fiveHoursIn();
        ChromeDriver browser = HeadlessChromium.start();
        try {
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 390, "height", 844, "deviceScaleFactor", 3, "mobile", true));
            browser.get(root + "races/" + race.code() + "/runners/23?vs=21");

            @SuppressWarnings("unchecked")
            List<Map<String, Object>> charts = (List<Map<String, Object>>) browser.executeScript(
                    "return [...document.querySelectorAll('main svg')].map(svg => { const r = svg.getBoundingClientRect();"
                            + " return { id: svg.querySelector('title').id, left: r.left, right: r.right, height: r.height,"
                            + " visible: getComputedStyle(svg).visibility === 'visible' && r.width > 0 }; })");
            long screen = (Long) browser.executeScript("return window.innerWidth");

            assertEquals(390, screen);
            assertEquals(List.of("chart-rank-t", "chart-pace-t", "chart-gap-t"),
                    charts.stream().map(c -> c.get("id")).toList());
            for (Map<String, Object> chart : charts) {
                assertEquals(Boolean.TRUE, chart.get("visible"), chart.toString());
                assertTrue(((Number) chart.get("left")).doubleValue() >= 0, chart.toString());
                assertTrue(((Number) chart.get("right")).doubleValue() <= screen, "wider than the phone: " + chart);
                assertTrue(((Number) chart.get("height")).doubleValue() > 100, "too small to read: " + chart);
            }
        } finally {
            browser.quit();
        }
    }
}
