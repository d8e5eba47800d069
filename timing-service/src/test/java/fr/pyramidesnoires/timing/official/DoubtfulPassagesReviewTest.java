package fr.pyramidesnoires.timing.official;

import static fr.pyramidesnoires.timing.official.OfficialPages.official;
import static fr.pyramidesnoires.timing.official.OfficialPages.ourOrigin;
import static fr.pyramidesnoires.timing.official.OfficialPages.page;
import static fr.pyramidesnoires.timing.official.OfficialPages.post;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.pyramidesnoires.events.ChipRead;
import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.events.RunnerTiming.Doubt;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Doubtful passages over the real broker and database: published flagged, listed on race control, and confirmed
 * or struck by an official there. The sample 55 km: Sainte-Henriette is 14.1 km-effort from the start, Pinchonvalles
 * 19.1 further (47 min 45 s at the event's fastest 2:30 per km-effort).
 */
@QuarkusTest
class DoubtfulPassagesReviewTest {

    private final TopicProbe kafka = TopicProbe.shared();

    @BeforeEach
    void startThe55K() {
        official().contentType(ContentType.JSON)
                .body(Map.of("time", OfficialDecisionsTest.GUN.toString(), "reason", "starter's signal"))
                .when().put("/api/races/55K/gun-start").then().statusCode(200);
    }

    @Test
    void aSegmentTooFastIsPublishedDoubtfulListedAndStruck() {
        int bib = OfficialDecisionsTest.NEXT_BIB.getAndIncrement();
        // 20 min for 19.1 km-effort to Pinchonvalles: the mat read another runner's chip, or the runner cut the course
        RunnerTiming timing = seen(bib, "PT1H10M", "PT1H30M");
        assertEquals(Arrays.asList(null, null, Doubt.TOO_FAST), doubts(timing));
        official().when().get("/api/races/55K/doubtful-passages").then().statusCode(200)
                .body("find { it.bib == " + bib + " }.pointId", equalTo("pinchonvalles"))
                .body("find { it.bib == " + bib + " }.doubt", equalTo("TOO_FAST"));
        // race control shows it in the event's time (UTC+1 in March): 07:30 + 1 h 30
        assertThat(page("/race-control/55K"), allOf(
                containsString("<tr><td>" + bib + "</td><td>Terril de Pinchonvalles</td><td>2027-03-20T09:00</td>"),
                containsString("segment trop rapide pour son km-effort / segment too fast for its km-effort")));

        post("/race-control/55K/passage", Map.of("bib", String.valueOf(bib), "point", "pinchonvalles",
                "time", after("PT1H30M").toString(), "reason", "puce lue sur un autre coureur / chip read on another runner",
                "action", "remove"), ourOrigin()).statusCode(303).header("Location", containsString("done=passage-removed"));

        RunnerTiming struck = awaitTiming(bib, t -> t.passages().size() == 2);
        assertEquals(Arrays.asList(null, null), doubts(struck));
        assertThat(page("/race-control/55K"), not(containsString("<tr><td>" + bib + "</td><td>Terril de Pinchonvalles")));
    }

    @Test
    void aTimeCopiedFromTheNeighbourIsConfirmedToTheMillisecond() {
        int bib = OfficialDecisionsTest.NEXT_BIB.getAndIncrement();
        RunnerTiming timing = seen(bib, "PT1H10M0.250S", "PT1H10M0.750S");
        assertEquals(Arrays.asList(null, Doubt.SAME_AS_NEIGHBOUR, Doubt.SAME_AS_NEIGHBOUR), doubts(timing));
        assertThat(page("/race-control/55K"), allOf(
                containsString("<input type=\"hidden\" name=\"time\" value=\"2027-03-20T07:40:00.250Z\">"),
                containsString("même heure que le point voisin / same time as the neighbouring point")));

        // the finish video shows the runner at Sainte-Henriette then: that one is confirmed, the other stays doubtful
        post("/race-control/55K/passage", Map.of("bib", String.valueOf(bib), "point", "ste-henriette",
                "time", "2027-03-20T07:40:00.250Z", "reason", "vidéo du ravitaillement / aid station video",
                "action", "confirm"), ourOrigin()).statusCode(303)
                .header("Location", containsString("done=passage-confirmed"));
        RunnerTiming confirmed = awaitTiming(bib, t -> t.passages().size() == 3 && t.passages().get(1).doubtful() == null);
        assertEquals(Arrays.asList(null, null, Doubt.SAME_AS_NEIGHBOUR), doubts(confirmed));
        assertEquals(after("PT1H10M0.250S"), confirmed.passages().get(1).time());
        official().when().get("/api/decisions?race=55K&bib=" + bib).then()
                .body("[0].kind", equalTo("PASSAGE_SET"))
                .body("[0].time", equalTo("2027-03-20T07:40:00.250Z"));
        assertThat(page("/race-control/55K?done=passage-confirmed"), containsString("Passage confirmé"));

        // undoing the confirmation makes the passage doubtful again
        long decision = official().when().get("/api/decisions?race=55K&bib=" + bib).then().extract().jsonPath()
                .getLong("[0].id");
        post("/race-control/55K/decisions/" + decision + "/undo", Map.of("reason", "mauvais coureur / wrong runner"),
                ourOrigin()).statusCode(303);
        RunnerTiming undone = awaitTiming(bib, t -> t.passages().size() == 3 && t.passages().get(1).doubtful() != null);
        assertEquals(Arrays.asList(null, Doubt.SAME_AS_NEIGHBOUR, Doubt.SAME_AS_NEIGHBOUR), doubts(undone));
    }

    @Test
    void aConfirmationWithoutAnExactTimeIsRefused() {
        post("/race-control/55K/passage", Map.of("bib", "12", "point", "ste-henriette", "time", "2027-03-20T08:40:00",
                "reason", "vu / seen", "action", "confirm"), ourOrigin())
                .statusCode(400).body(containsString("Heure illisible"));
    }

    private static Instant after(String elapsed) {
        return OfficialDecisionsTest.GUN.plus(Duration.parse(elapsed));
    }

    private static List<Doubt> doubts(RunnerTiming timing) {
        return timing.passages().stream().map(RunnerTiming.Passage::doubtful).toList();
    }

    /** A runner of the 55 km read at the start, Sainte-Henriette and Pinchonvalles, as timing then publishes them. */
    private RunnerTiming seen(int bib, String steHenriette, String pinchonvalles) {
        String chip = "CHIP-" + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        kafka.send(Topics.ENTRIES, id, new EntryEvent(EntryEvent.Type.UPSERTED, id, "55K", bib, chip, "Jo", "Douteux",
                false, EntryEvent.Sex.F, "SE", null, "FRA", Instant.now()));
        read(chip, "M-9BIS-START", after("PT4S"));
        read(chip, "M-STE-HENRIETTE", after(steHenriette));
        read(chip, "M-PINCHONVALLES", after(pinchonvalles));
        return awaitTiming(bib, t -> t.passages().size() == 3);
    }

    private void read(String chip, String mat, Instant time) {
        kafka.send(Topics.CHIP_READS, chip, new ChipRead("R-" + mat, mat, chip, time.atOffset(ZoneOffset.ofHours(1)),
                1, -55, null, ChipRead.Source.MAT));
    }

    private RunnerTiming awaitTiming(int bib, Predicate<RunnerTiming> wanted) {
        return kafka.awaitLast(Topics.RUNNER_TIMINGS, RunnerTiming.class,
                t -> t.raceCode().equals("55K") && t.bib() == bib && wanted.test(t), Duration.ofSeconds(30));
    }
}
