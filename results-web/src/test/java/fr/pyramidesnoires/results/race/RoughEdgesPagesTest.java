package fr.pyramidesnoires.results.race;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.CourseEvent;
import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.RaceEvent;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.events.RunnerTiming.Passage;
import fr.pyramidesnoires.events.RunnerTiming.Status;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the demo's spectators stumbled on: a runner only through the start mat, statuses written as their code,
 * and sample figures said in every race's name.
 */
@QuarkusTest
class RoughEdgesPagesTest {

    static final Instant GUN = Instant.parse("2027-03-20T08:00:00Z");
    private static TopicProbe kafka;

    @BeforeAll
    static void connect() {
        kafka = TopicProbe.onTheServicesBroker();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    /**
     * A race of sample figures or not, with 41 finished, 42 at Sainte-Henriette, 43 across the start mat only (8 s
     * before the gun), 44 disqualified and 45 withdrawn after Sainte-Henriette.
     */
    private static String race(boolean sample) throws InterruptedException {
        String race = "E" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        kafka.send(Topics.RACES, race, new RaceEvent(race, "Trail des Terrils " + race, 35, 700,
                OffsetDateTime.parse("2027-03-20T09:00:00+01:00"), 300, RaceEvent.Publication.RANKING, sample));
        kafka.send(Topics.COURSES, race, new CourseEvent(race, SpectatorPagesTest.POINTS, GUN));
        runner(race, 41, Status.FINISHED, "PT2S", "PT1H05M", "PT2H20M", "PT3H31M07S");
        runner(race, 42, Status.ON_COURSE, "PT3S", "PT1H12M");
        runner(race, 43, Status.ON_COURSE, "-PT8S");
        runner(race, 44, Status.DSQ, "PT4S", "PT1H10M");
        runner(race, 45, Status.DNF, "PT4S", "PT1H40M");
        SpectatorPagesTest.awaitJson("/api/races/" + race + "/ranking", j -> j.getList("bib").size() == 5);
        return race;
    }

    private static void runner(String race, int bib, Status status, String... splits) {
        String id = UUID.randomUUID().toString();
        kafka.send(Topics.ENTRIES, id, new EntryEvent(EntryEvent.Type.UPSERTED, id, race, bib, "C" + bib, "Runner",
                "N" + bib, false, EntryEvent.Sex.F, "SE", null, "FRA", Instant.now()));
        List<Passage> passages = new ArrayList<>();
        for (int i = 0; i < splits.length; i++) {
            CourseEvent.Point p = SpectatorPagesTest.POINTS.get(i);
            passages.add(new Passage(i, p.id(), p.name(), p.km(), GUN.plus(Duration.parse(splits[i]))));
        }
        Long time = status == Status.FINISHED ? Duration.parse(splits[splits.length - 1]).toMillis() : null;
        RunnerTiming timing = new RunnerTiming(race, bib, status, GUN, passages, time, time);
        kafka.send(Topics.RUNNER_TIMINGS, timing.key(), timing);
    }

    @Test
    void aRunnerOnlyThroughTheStartHasStartedAndComesAfterEveryoneFurtherOn() throws Exception {
        String race = race(false);

        String french = page("/races/" + race, "fr");
        String started = row(french, 43);
        assertTrue(started.contains("<td>Parti·e</td>"), started);
        assertFalse(started.contains("0:00:") || started.contains("Départ"), started);
        assertTrue(french.indexOf("id=\"bib-42\"") < french.indexOf("id=\"bib-43\""), "43 listed before 42");
        assertTrue(row(page("/races/" + race, "en"), 43).contains("<td>Started</td>"));
        // the API keeps the start as the last point, and says the runner has no more than that
        given().when().get("/api/races/" + race + "/ranking").then()
                .body("find { it.bib == 43 }.lastPointId", org.hamcrest.Matchers.equalTo("start"))
                .body("find { it.bib == 43 }.onlyThroughStart", org.hamcrest.Matchers.equalTo(true))
                .body("find { it.bib == 43 }.gap", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void statusesAreWrittenInWordsInBothLanguages() throws Exception {
        String race = race(false);

        String french = page("/races/" + race, "fr");
        assertTrue(row(french, 44).contains("<td class=\"num\">Disqualifié</td>"), row(french, 44));
        assertTrue(row(french, 45).contains("<td class=\"num\">Abandon</td>"), row(french, 45));
        String english = page("/races/" + race, "en");
        assertTrue(row(english, 44).contains("<td class=\"num\">Disqualified</td>"), row(english, 44));
        for (int bib = 41; bib <= 45; bib++) {
            for (String lang : List.of("fr", "en")) {
                String runner = page("/races/" + race + "/runners/" + bib, lang);
                for (Status status : Status.values()) {
                    // DNF and DNS are the English words too
                    boolean englishWord = lang.equals("en") && (status == Status.DNF || status == Status.DNS);
                    assertTrue(englishWord || !runner.contains(status.name()), lang + " " + bib + ": " + runner);
                }
            }
        }
        assertTrue(page("/races/" + race + "/runners/42", "fr").contains("<strong>En course</strong>"));
        assertTrue(page("/races/" + race + "/runners/42", "en").contains("<strong>On course</strong>"));
        assertTrue(page("/races/" + race + "/runners/44", "fr").contains("<strong>Disqualifié</strong>"));
        assertTrue(page("/races/" + race + "/points/ste-henriette", "fr").contains("<td class=\"num\">Abandon</td>"));
    }

    @Test
    void sampleFiguresAreSaidOnceOnThePageNotInTheRacesName() throws Exception {
        String sample = race(true);
        String own = race(false);

        for (String path : List.of("/races/" + sample, "/races/" + sample + "/runners/42",
                "/races/" + sample + "/points/ste-henriette", "/races/" + sample + "/stats", "/")) {
            assertEquals(1, count(page(path, "fr"), "Chiffres d’exemple."), path);
            assertEquals(1, count(page(path, "en"), "Sample figures."), path);
        }
        String ownPage = page("/races/" + own, "fr");
        assertFalse(ownPage.contains("Chiffres d’exemple") || ownPage.contains("SAMPLE"), ownPage);
        assertTrue(page("/races/" + sample, "fr").contains("<h1>Trail des Terrils " + sample + " — "));
    }

    private static String page(String path, String lang) {
        return given().queryParam("lang", lang).when().get(path).then().statusCode(200).extract().asString();
    }

    private static String row(String page, int bib) {
        Matcher row = Pattern.compile("<tr id=\"bib-" + bib + "\".*?</tr>", Pattern.DOTALL).matcher(page);
        assertTrue(row.find(), "no row for bib " + bib);
        return row.group();
    }

    private static int count(String page, String text) {
        return page.split(Pattern.quote(text), -1).length - 1;
    }
}
