package fr.pyramidesnoires.results.race;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import fr.pyramidesnoires.events.CourseEvent;
import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.RaceEvent;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.events.RunnerTiming.Doubt;
import fr.pyramidesnoires.events.RunnerTiming.Passage;
import fr.pyramidesnoires.events.RunnerTiming.Status;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Doubtful passages on the spectators' pages, fed from the real broker: shown marked on the runner's page, never as
 * a negative segment, and left out of a point's ranking and the statistics; a runner who withdrew leads no point.
 */
@QuarkusTest
class DoubtfulPassagesPagesTest {

    private final TopicProbe kafka = TopicProbe.shared();

    /**
     * Bib 21 finished; 22 was first at Sainte-Henriette and withdrew; 23's Estevelles time, 21 min 16 s before
     * their Sainte-Henriette one, is doubtful.
     */
    private String race() {
        String race = "D" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        kafka.send(Topics.RACES, race, new RaceEvent(race, "Trail douteux " + race, 35, 700,
                OffsetDateTime.parse("2027-03-20T09:00:00+01:00"), 300));
        kafka.send(Topics.COURSES, race, new CourseEvent(race, SpectatorPagesTest.POINTS, SpectatorPagesTest.GUN));
        runner(race, 21, Status.FINISHED, null, "PT2S", "PT1H05M", "PT2H20M", "PT3H31M07S");
        runner(race, 22, Status.DNF, null, "PT3S", "PT1H00M");
        runner(race, 23, Status.ON_COURSE, Doubt.OUT_OF_SEQUENCE, "PT4S", "PT1H10M", "PT0H48M44S");
        return race;
    }

    /** @param lastDoubt why timing doubts the runner's last passage, null when it is good */
    private void runner(String race, int bib, Status status, Doubt lastDoubt, String... splits) {
        String id = UUID.randomUUID().toString();
        kafka.send(Topics.ENTRIES, id, new EntryEvent(EntryEvent.Type.UPSERTED, id, race, bib, "C" + bib, "Jo",
                "Coureur" + bib, false, EntryEvent.Sex.F, "SE", null, "FRA", Instant.now()));
        List<Passage> passages = new ArrayList<>();
        for (int i = 0; i < splits.length; i++) {
            CourseEvent.Point p = SpectatorPagesTest.POINTS.get(i);
            passages.add(new Passage(i, p.id(), p.name(), p.km(), SpectatorPagesTest.GUN.plus(Duration.parse(splits[i])),
                    i == splits.length - 1 ? lastDoubt : null));
        }
        Long time = status == Status.FINISHED ? Duration.parse(splits[splits.length - 1]).toMillis() : null;
        RunnerTiming timing = new RunnerTiming(race, bib, status, SpectatorPagesTest.GUN, passages, time, time);
        kafka.send(Topics.RUNNER_TIMINGS, timing.key(), timing);
    }

    @Test
    void aDoubtfulPassageIsLeftOutOfThePointsRankingAndTheStatistics() throws Exception {
        String race = race();
        SpectatorPagesTest.awaitJson("/api/races/" + race + "/ranking", j -> j.getList("bib").size() == 3);

        given().when().get("/api/races/" + race + "/points/estevelles").then().statusCode(200)
                .body("passed.bib", equalTo(List.of(21)));
        given().when().get("/api/races/" + race + "/stats").then().statusCode(200)
                .body("points.find { it.pointId == 'estevelles' }.passages", equalTo(1))
                .body("points.find { it.pointId == 'estevelles' }.leaderBib", equalTo(21));
    }

    @Test
    void aRunnerWhoWithdrewIsListedWhereTheyPassedButLeadsNoOne() throws Exception {
        String race = race();
        SpectatorPagesTest.awaitJson("/api/races/" + race + "/ranking", j -> j.getList("bib").size() == 3);

        given().when().get("/api/races/" + race + "/points/ste-henriette").then().statusCode(200)
                .body("passed.bib", equalTo(List.of(21, 23, 22)))
                .body("passed.rank", equalTo(Arrays.asList(1, 2, null)));
        given().when().get("/api/races/" + race + "/stats").then().statusCode(200)
                .body("points.find { it.pointId == 'ste-henriette' }.passages", equalTo(3))
                .body("points.find { it.pointId == 'ste-henriette' }.leaderBib", equalTo(21));
        given().when().get("/races/" + race + "/points/ste-henriette").then().statusCode(200)
                .body(containsString("<tr><td class=\"num\">Abandon</td>"));
        given().queryParam("lang", "en").when().get("/races/" + race + "/points/ste-henriette").then()
                .body(containsString("<tr><td class=\"num\">DNF</td>"));
    }

    @Test
    void theRunnersPageMarksTheDoubtfulPassageAndShowsNoNegativeSegment() throws Exception {
        String race = race();
        SpectatorPagesTest.awaitJson("/api/races/" + race + "/ranking", j -> j.getList("bib").size() == 3);

        given().when().get("/races/" + race + "/runners/23").then().statusCode(200)
                .body(allOf(containsString("<strong class=\"doubtful\">douteux</strong>"),
                        containsString("avant le passage précédent, à vérifier"), not(containsString(":-"))));
        given().cookie("lang", "en").when().get("/races/" + race + "/runners/23").then().statusCode(200)
                .body(containsString("<strong class=\"doubtful\">doubtful</strong>"));
        given().when().get("/api/races/" + race + "/runners/23").then().statusCode(200)
                .body("splits[2].doubtful", equalTo("OUT_OF_SEQUENCE"))
                .body("splits[2].segment", equalTo(null))
                .body("splits[2].paceMinKm", equalTo(null));
    }
}
