package fr.pyramidesnoires.results.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.CourseEvent;
import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.RaceEvent;
import fr.pyramidesnoires.events.RunnerTiming.Status;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.Eventually;
import fr.pyramidesnoires.events.testing.HeadlessChromium;
import fr.pyramidesnoires.events.testing.TopicProbe;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A spectator's phone and a desktop on the race page and the map: every runner is drawn where the pace model puts
 * them, worked out here on its own from the passages sent.
 */
@QuarkusTest
class CourseBrowserTest {

    /** Start, Sainte-Henriette (12 km, 210 m D+), Estevelles (24 km, 480 m, timed on the way out too), finish. */
    static final List<CourseEvent.Point> POINTS = List.of(
            new CourseEvent.Point(0, "start", "Départ 9-9bis", 0, 0, null),
            new CourseEvent.Point(1, "ste-henriette", "Terril Sainte-Henriette", 12, 210, null),
            new CourseEvent.Point(2, "estevelles", "Terril d'Estevelles", 24, 480, Duration.ofMinutes(270), true),
            new CourseEvent.Point(3, "finish", "Arrivée 9-9bis", 35, 700, Duration.ofHours(7)));
    static final List<Dimension> SCREENS = List.of(new Dimension(390, 844), new Dimension(1280, 900));
    private static final TopicProbe kafka = TopicProbe.shared();

    @TestHTTPResource("/")
    URL root;

    private ChromeDriver browser;
    private Instant gun;
    private String race;
    /** Minutes from the gun to each of a runner's passages, by bib. */
    private final Map<Integer, int[]> sent = new HashMap<>();

    @BeforeEach
    void openBrowser() throws Exception {
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    /** 35 km along a track that goes north-east over a few hills, started 150 minutes ago. */
    private void raceWithTrack() {
        List<CourseEvent.TrackPoint> track = new ArrayList<>();
        for (int i = 0; i <= 350; i++) {
            double km = i / 10.0;
            track.add(new CourseEvent.TrackPoint(50.40 + km * 0.009, 2.80 + km * 0.006, km,
                    60 + 40 * Math.sin(km / 4)));
        }
        race(track);
        runner(21, Status.FINISHED, 0, 70, 140, 210);
        runner(22, Status.ON_COURSE, 0, 101);
        // at the aid station, not gone yet
        runner(23, Status.ON_COURSE, 0, 70, 140);
        // later than their own pace says: waits just before Estevelles
        runner(24, Status.ON_COURSE, 0, 60);
        runner(25, Status.NOT_STARTED);
        runner(26, Status.DNF, 0, 70);
        // through the start only: no pace yet
        runner(27, Status.ON_COURSE, 0);
        awaitPositions(5);
    }

    private void race(List<CourseEvent.TrackPoint> track) {
        race = "M" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        gun = Instant.now().minus(150, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        kafka.send(Topics.RACES, race, new RaceEvent(race, "Trail carte " + race, 35, 700,
                OffsetDateTime.parse("2027-03-20T09:00:00+01:00"), 300));
        kafka.send(Topics.COURSES, race, new CourseEvent(race, POINTS, gun, track));
    }

    private void runner(int bib, Status status, int... minutes) {
        String id = UUID.randomUUID().toString();
        kafka.send(Topics.ENTRIES, id, new EntryEvent(EntryEvent.Type.UPSERTED, id, race, bib, "C" + bib, "Camille",
                "Coureur" + bib, false, EntryEvent.Sex.F, "SE", null, "FRA", Instant.now()));
        sent.put(bib, minutes);
        CoursePagesTest.timed(race, gun, POINTS, bib, status, minutes);
    }

    private void awaitPositions(int placed) {
        CoursePagesTest.awaitJson("/api/races/" + race + "/positions", j -> j.getList("runners").size() == placed);
    }

    /**
     * Where the pace model puts a runner, worked out here: their pace so far per km-effort (km + D+/100) from the
     * gun to their last point, the next point's ETA at that pace, and as far along the segment as the time since the
     * point is of that ETA, just short of a point not reached (99 % of the way at most).
     */
    private double expectedKm(int bib, Instant at) {
        int[] minutes = sent.get(bib);
        int last = minutes.length - 1;
        if (bib == 21) {
            return 35;
        }
        CourseEvent.Point from = POINTS.get(last);
        double doneEffort = from.km() + from.elevationGainM() / 100.0;
        boolean stillThere = from.departureTimed();
        if (last == 0 || stillThere) {
            return from.km();
        }
        CourseEvent.Point next = POINTS.get(last + 1);
        double nextEffort = next.km() + next.elevationGainM() / 100.0;
        double etaMinutes = minutes[last] / doneEffort * (nextEffort - doneEffort);
        double sinceMinutes = Duration.between(gun.plus(Duration.ofMinutes(minutes[last])), at).toMillis() / 60_000.0;
        return from.km() + (next.km() - from.km()) * Math.min(0.99, Math.max(0, sinceMinutes / etaMinutes));
    }

    @Test
    void theProfileShowsEveryRunnerWhereThePaceModelPutsThem() throws Exception {
        raceWithTrack();
        for (Dimension screen : SCREENS) {
            browser.manage().window().setSize(screen);
            browser.get(root + "races/" + race);

            Instant at = Instant.parse((String) browser.executeScript(
                    "return document.querySelector('svg.profile').dataset.at"));
            assertTrue(Duration.between(at, Instant.now()).abs().toMinutes() <= 2, "placed now: " + at);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> marks = (List<Map<String, Object>>) browser.executeScript("""
                    const lines = [...document.querySelectorAll('svg.profile g.point line')]
                        .map(l => { const r = l.getBoundingClientRect(); return r.left + r.width / 2; });
                    return [...document.querySelectorAll('svg.profile circle.runner')].map(c => {
                      const r = c.getBoundingClientRect();
                      return { bib: Number(c.dataset.bib), km: Number(c.dataset.km), x: r.left + r.width / 2,
                               start: lines[0], finish: lines[lines.length - 1], leader: c.classList.contains('leader'),
                               svgWidth: c.ownerSVGElement.getBoundingClientRect().width, window: innerWidth };
                    });""");
            Map<Integer, Map<String, Object>> byBib = new TreeMap<>();
            marks.forEach(m -> byBib.put(((Number) m.get("bib")).intValue(), m));
            assertEquals(Set.of(21, 22, 23, 24, 27), byBib.keySet(), "not the DNF nor the runner not started");
            for (var entry : byBib.entrySet()) {
                Map<String, Object> m = entry.getValue();
                double expected = expectedKm(entry.getKey(), at);
                assertEquals(expected, number(m, "km"), 0.01, "bib " + entry.getKey() + " at " + screen);
                double start = number(m, "start");
                double onScreen = start + expected / 35 * (number(m, "finish") - start);
                assertEquals(onScreen, number(m, "x"), 1.5, "bib " + entry.getKey() + " drawn at " + screen);
                assertEquals(Set.of(21, 23, 24).contains(entry.getKey()), m.get("leader"), "bib " + entry.getKey());
                assertTrue(number(m, "svgWidth") <= number(m, "window"), "the profile fits the screen " + screen);
            }
            double between = number(byBib.get(22), "km");
            assertTrue(between > 12 && between < 24, "between Sainte-Henriette and Estevelles: " + between);
            assertTrue(number(byBib.get(24), "km") < 24, "never at a point not reached");
        }
    }

    @Test
    void aFollowedRunnerStandsOutOnTheProfile() throws Exception {
        raceWithTrack();
        browser.get(root + "races/" + race);
        browser.executeScript("localStorage.setItem('tpn-following', JSON.stringify(['" + race + "/22']))");
        browser.get(root + "races/" + race);

        assertEquals(List.of(race + "/22"), browser.executeScript(
                "return [...document.querySelectorAll('svg.profile .followed')].map(m => m.dataset.key)"));
    }

    @Test
    void theMapLoadsWithoutTilesAndShowsTheCourseThePointsAndEachPlacedRunner() throws Exception {
        raceWithTrack();
        for (Dimension screen : SCREENS) {
            browser.manage().window().setSize(screen);
            browser.get(root + "races/" + race + "/carte");

            Eventually.until(() -> count("#map path.runner") == 5, Duration.ofSeconds(20),
                    "five runners on the map at " + screen);
            assertEquals(1, count("#map path.course"), "the course line");
            assertEquals(4, count("#map path.point"), "the timing points");
            assertEquals(0, count("#map .leaflet-tile"), "no tiles in tests");
            assertEquals(4, count("#map .leaflet-tooltip"), "each point named");
            // the finisher on the finish point, the runner resting at Estevelles on it
            assertSamePlace("path.point-3", "path.bib-21");
            assertSamePlace("path.point-2", "path.bib-23");
        }
    }

    @Test
    void aCourseWithoutATrackSaysItHasNoMap() throws Exception {
        race(List.of());
        runner(31, Status.ON_COURSE, 0, 80);
        awaitPositions(1);

        browser.get(root + "races/" + race + "/carte");
        String message = (String) browser.executeScript("return document.getElementById('no-map').innerText");
        assertTrue(message.contains("Ce parcours n'a pas de carte"), message);
        assertEquals(0L, browser.executeScript("return document.querySelectorAll('.leaflet-container').length"));
    }

    private long count(String selector) {
        return (Long) browser.executeScript("return document.querySelectorAll(arguments[0]).length", selector);
    }

    private void assertSamePlace(String point, String runner) {
        List<Double> expected = centre(point);
        List<Double> actual = centre(runner);
        assertEquals(expected.get(0), actual.get(0), 1.0, runner + " across");
        assertEquals(expected.get(1), actual.get(1), 1.0, runner + " down");
    }

    /** Where an element's centre is on the screen. */
    @SuppressWarnings("unchecked")
    private List<Double> centre(String selector) {
        List<Number> xy = (List<Number>) browser.executeScript("""
                const r = document.querySelector('#map ' + arguments[0]).getBoundingClientRect();
                return [r.left + r.width / 2, r.top + r.height / 2];""", selector);
        return xy.stream().map(Number::doubleValue).toList();
    }

    private static double number(Map<String, Object> mark, String key) {
        return ((Number) mark.get(key)).doubleValue();
    }
}
