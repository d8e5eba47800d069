package fr.pyramidesnoires.results.accessibility;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pyramidesnoires.events.CourseEvent;
import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.EntryEvent.Sex;
import fr.pyramidesnoires.events.PastResults;
import fr.pyramidesnoires.events.RaceEvent;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.events.RunnerTiming.Doubt;
import fr.pyramidesnoires.events.RunnerTiming.Passage;
import fr.pyramidesnoires.events.RunnerTiming.Status;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.Eventually;
import fr.pyramidesnoires.events.testing.HeadlessChromium;
import fr.pyramidesnoires.events.testing.TopicProbe;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Every public page of the results, in both languages, on a phone (390 px) and a desktop (1280 px), checked by
 * axe-core in Chromium: no serious or critical violation. axe-core comes from the npm registry through
 * deploy/test.sh (the axe.core.js system property).
 */
@QuarkusTest
class AccessibilityTest {

    static final Instant GUN = Instant.parse("2027-03-20T08:00:00Z");
    static final int PAST_YEAR = 2016;
    static final List<CourseEvent.Point> POINTS = List.of(
            new CourseEvent.Point(0, "start", "Départ 9-9bis", 0, 0, null),
            new CourseEvent.Point(1, "ste-henriette", "Terril Sainte-Henriette", 12, 210, null, true),
            new CourseEvent.Point(2, "estevelles", "Terril d'Estevelles", 24, 480, Duration.ofMinutes(270)),
            new CourseEvent.Point(3, "finish", "Arrivée 9-9bis", 35, 700, Duration.ofHours(7)));
    /** A loop out and back, so that the map page draws its Leaflet map rather than its no-map message. */
    static final List<CourseEvent.TrackPoint> TRACK = List.of(
            new CourseEvent.TrackPoint(50.468, 2.993, 0, 31),
            new CourseEvent.TrackPoint(50.500, 2.950, 12, 120),
            new CourseEvent.TrackPoint(50.440, 2.900, 24, 95),
            new CourseEvent.TrackPoint(50.468, 2.993, 35, 31));
    static final Set<String> BLOCKING = Set.of("serious", "critical");

    /**
     * Every public page, of the race and past edition {@link #publishRace} and {@link #publishPastEdition} send: a
     * new page is one more line here.
     */
    static List<String> pages(String race, String past) {
        String runners = "/races/" + race + "/runners/";
        return List.of(
                "/",
                "/races/" + race,
                "/races/" + race + "?sex=F&category=SE",
                runners + 11, // finished
                runners + 13, // on course, with estimated arrivals
                runners + 14, // name withheld
                runners + 16, // a doubtful passage
                runners + 15, // withdrawn
                runners + 11 + "?vs=13", // compared with another runner
                runners + 11 + "?vs=999", // compared with a bib the race does not have
                "/races/" + race + "/graphiques",
                "/races/" + race + "/carte",
                "/screen/" + race,
                "/alerts/confirm/not-a-token",
                "/alerts/stop/not-a-token",
                "/races/" + race + "/points/ste-henriette",
                "/races/" + race + "/points/finish",
                "/races/" + race + "/stats",
                "/recherche?q=Carpentier",
                "/recherche?q=zzzz",
                "/mes-coureurs",
                "/editions",
                "/editions/" + PAST_YEAR + "/" + past,
                "/editions/" + PAST_YEAR + "/" + past + "/runners/512");
    }

    static final List<Dimension> SCREENS = List.of(new Dimension(390, 844), new Dimension(1280, 900));

    @TestHTTPResource("/")
    URL root;

    @Test
    void noPublicPageHasASeriousOrCriticalViolation() throws Exception {
        String axe = Files.readString(axeCore());
        String race = publishRace();
        String past = publishPastEdition();
        ChromeDriver browser = HeadlessChromium.start();
        try {
            browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
            browser.get(root.toString());
            browser.executeScript("localStorage.setItem('tpn-following', JSON.stringify(arguments[0]))",
                    List.of(race + "/11", race + "/13", race + "/14"));
            // the check itself must be able to fail: an image without a text alternative is a critical violation
            browser.executeScript("document.querySelector('main').append(document.createElement('img'))");
            assertTrue(check(browser, axe, null, "self-check").stream().anyMatch(v -> v.contains("image-alt")),
                    "axe-core did not report an image without alt text");
            List<String> violations = new ArrayList<>();
            int checked = 0;
            for (Dimension screen : SCREENS) {
                browser.manage().window().setSize(screen);
                for (String page : pages(race, past)) {
                    for (String lang : List.of("fr", "en")) {
                        String url = root.toString().replaceAll("/$", "") + page + (page.contains("?") ? "&" : "?")
                                + "lang=" + lang;
                        violations.addAll(check(browser, axe, url, screen.getWidth() + " px"));
                        checked++;
                    }
                }
            }
            violations.forEach(System.out::println);
            assertTrue(violations.isEmpty(), violations.size() + " serious or critical violations in " + checked
                    + " pages checked:\n" + String.join("\n", violations));
        } finally {
            browser.quit();
        }
    }

    /** The page's serious and critical violations, one line each: where, rule, impact, element, what to do. */
    /** @param url the page to load, or null to check the page the browser shows */
    private static List<String> check(ChromeDriver browser, String axe, String url, String screen) throws Exception {
        Instant started = Instant.now();
        if (url != null) {
            browser.get(url);
        }
        // my runners fill their list in from the API once the page is there
        Eventually.until(() -> (Boolean) browser.executeScript("return document.readyState === 'complete'"
                        + " && !(document.getElementById('following')?.textContent.includes('…'))"),
                Boolean::booleanValue, Duration.ofSeconds(20), ready -> url + " never finished loading");
        Instant loaded = Instant.now();
        browser.executeScript(axe);
        String result = (String) browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, { resultTypes: ['violations'] })"
                + ".then(r => done(JSON.stringify(r.violations)), e => done(JSON.stringify({ error: String(e) })));");
        System.out.printf("axe %s %s: loaded in %d ms, checked in %d ms%n", screen, url,
                Duration.between(started, loaded).toMillis(), Duration.between(loaded, Instant.now()).toMillis());
        JsonNode violations = new ObjectMapper().readTree(result);
        assertTrue(violations.isArray(), url + ": axe did not run: " + result);
        List<String> found = new ArrayList<>();
        for (JsonNode violation : violations) {
            if (BLOCKING.contains(violation.path("impact").asText())) {
                for (JsonNode node : violation.path("nodes")) {
                    found.add(screen + " " + url + " — " + violation.path("id").asText() + " ("
                            + violation.path("impact").asText() + ") at " + node.path("target") + ": "
                            + violation.path("help").asText() + " — " + node.path("failureSummary").asText()
                            .replace('\n', ' '));
                }
            }
        }
        return found;
    }

    private static Path axeCore() {
        String path = System.getProperty("axe.core.js", "");
        Path file = Path.of(path.startsWith("${") ? "" : path);
        assertTrue(!path.isBlank() && Files.isRegularFile(file), "axe-core not found at '" + path
                + "': run the tests through deploy/test.sh, which fetches it from the npm registry (AXE_CORE_JS)");
        return file;
    }

    /**
     * A race of sample figures with its course and gun: two finishers, runners on course (one with their name
     * withheld, one with a doubtful passage, one only through the start), one not started, one withdrawn, one
     * disqualified, and a runner of the non-binary division.
     */
    static String publishRace() {
        TopicProbe kafka = TopicProbe.shared();
        String race = "A" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        kafka.send(Topics.RACES, race, new RaceEvent(race, "Trail des Terrils " + race, 35, 700,
                OffsetDateTime.parse("2027-03-20T09:00:00+01:00"), 300, RaceEvent.Publication.RANKING, true));
        kafka.send(Topics.COURSES, race, new CourseEvent(race, POINTS, GUN, TRACK));
        runner(kafka, race, 11, "Alice", "Carpentier", Sex.F, "SE", Status.FINISHED, "PT2S", "PT1H05M", "PT2H20M",
                "PT3H31M07S");
        runner(kafka, race, 12, "Bruno", "Delmotte", Sex.H, "M1", Status.FINISHED, "PT3S", "PT1H08M", "PT2H31M",
                "PT3H50M");
        runner(kafka, race, 13, "Chloé", "Wallet", Sex.F, "SE", Status.ON_COURSE, "PT5S", "PT1H30M");
        runner(kafka, race, 14, null, null, Sex.F, "M2", Status.ON_COURSE, "PT4S", "PT1H40M");
        runner(kafka, race, 15, "David", "Nowak", Sex.H, "M1", Status.DNF, "PT4S", "PT1H50M");
        runner(kafka, race, 16, "Emma", "Leroy", Sex.F, "SE", Status.ON_COURSE, "PT6S", "PT1H35M", "PT1H44M");
        runner(kafka, race, 17, "Farid", "Benali", Sex.H, "SE", Status.ON_COURSE, "-PT8S");
        runner(kafka, race, 18, "Gaëlle", "Dumont", Sex.F, "SE", Status.NOT_STARTED);
        runner(kafka, race, 19, "Hugo", "Martin", Sex.H, "M1", Status.DSQ, "PT3S", "PT1H10M");
        runner(kafka, race, 20, "Sam", "Lefort", Sex.X, "SE", Status.ON_COURSE, "PT7S", "PT1H20M");
        Eventually.until(() -> given().when().get("/api/races/" + race + "/ranking").jsonPath().getList("bib"),
                bibs -> bibs != null && bibs.size() == 10, Duration.ofSeconds(30), bibs -> race + " shows " + bibs);
        return race;
    }

    /** @param splits from the gun, point after point; the third of a runner not finished is doubted as too fast */
    private static void runner(TopicProbe kafka, String race, int bib, String first, String last, Sex sex,
                               String category, Status status, String... splits) {
        String id = UUID.randomUUID().toString();
        boolean hidden = first == null;
        kafka.send(Topics.ENTRIES, id, new EntryEvent(EntryEvent.Type.UPSERTED, id, race, bib, "C" + bib, first, last,
                hidden, sex, category, hidden ? null : "AC Lens", hidden ? null : "FRA", Instant.now()));
        List<Passage> passages = new ArrayList<>();
        for (int i = 0; i < splits.length; i++) {
            CourseEvent.Point p = POINTS.get(i);
            Instant at = GUN.plus(Duration.parse(splits[i]));
            Doubt doubt = status != Status.FINISHED && i == 2 ? Doubt.TOO_FAST : null;
            passages.add(new Passage(i, p.id(), p.name(), p.km(), at, doubt, p.departureTimed() ? at.plusSeconds(240)
                    : null));
        }
        Long time = status == Status.FINISHED ? Duration.parse(splits[splits.length - 1]).toMillis() : null;
        RunnerTiming timing = new RunnerTiming(race, bib, status, GUN, passages, time, time);
        kafka.send(Topics.RUNNER_TIMINGS, timing.key(), timing);
    }

    /** A past edition as the organiser imported it: finishers, a withheld name, a withdrawal. */
    static String publishPastEdition() {
        String past = "P" + UUID.randomUUID().toString().substring(0, 6).toUpperCase().replaceAll("[0-9]", "X");
        PastResults results = new PastResults(PAST_YEAR, past, "Trail des Terrils " + past, 35, List.of(
                new PastResults.Row(1, 512, "Delattre", "Camille", Sex.F, "SE", "RC Lensois", "FRA", 11_112_000L,
                        PastResults.Status.FINISHED),
                new PastResults.Row(2, 530, null, null, Sex.H, "M1", null, null, 11_400_400L,
                        PastResults.Status.FINISHED),
                new PastResults.Row(null, 541, "Nowak", "Piotr", Sex.H, "M2", null, "POL", null,
                        PastResults.Status.DNF)));
        TopicProbe.shared().send(Topics.PAST_RESULTS, results.key(), results);
        Eventually.until(() -> given().when().get("/api/editions/" + PAST_YEAR + "/" + past).statusCode(),
                status -> status == 200, Duration.ofSeconds(20), status -> past + " never shown: " + status);
        return past;
    }
}
