package fr.pyramidesnoires.timing.official;

import static fr.pyramidesnoires.timing.official.OfficialPages.official;
import static fr.pyramidesnoires.timing.official.OfficialPages.ourOrigin;
import static fr.pyramidesnoires.timing.official.OfficialPages.page;
import static fr.pyramidesnoires.timing.official.OfficialPages.post;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import fr.pyramidesnoires.events.ChipRead;
import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The officials' race control pages, over the real broker and database. */
@QuarkusTest
class RaceControlPageTest {

    static final Random BIBS = new Random();
    private static TopicProbe kafka;

    @BeforeAll
    static void connect() {
        kafka = TopicProbe.onTheServicesBroker();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    static RunnerTiming awaitTiming(int bib, Predicate<RunnerTiming> wanted) {
        return kafka.awaitLast(Topics.RUNNER_TIMINGS, RunnerTiming.class,
                t -> t.raceCode().equals("55K") && t.bib() == bib && wanted.test(t), Duration.ofSeconds(30));
    }

    @Test
    void theStartSignalIsTakenInTheEventsOwnTime() {
        // March 2027 in Oignies is UTC+1
        post("/race-control/35K/gun-start", Map.of("time", "2027-03-20T09:00:05",
                "reason", "signal du starter / starter's signal"), ourOrigin())
                .statusCode(303).header("Location", containsString("/race-control/35K?done=gun"));

        official().when().get("/api/decisions?race=35K")
                .then().body("[0].kind", equalTo("GUN_START")).body("[0].time", equalTo("2027-03-20T08:00:05Z"))
                .body("[0].decidedBy", equalTo("judge"));
        assertThat(page("/race-control"), containsString("Start signal at <strong>2027-03-20T09:00:05</strong>"));
        // the decision log speaks the officials' time too
        assertThat(page("/race-control/35K"), containsString("GUN_START 2027-03-20T09:00:05</td>"));
    }

    @Test
    void aRunnerPastACutOffIsConfirmedDnfThenTheDecisionUndone() {
        official().contentType(ContentType.JSON)
                .body(Map.of("time", OfficialDecisionsTest.GUN.toString(), "reason", "starter's signal"))
                .when().put("/api/races/55K/gun-start").then().statusCode(200);
        int bib = 700_000 + BIBS.nextInt(99_999);
        String chip = "CHIP-" + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        kafka.send(Topics.ENTRIES, id, new EntryEvent(EntryEvent.Type.UPSERTED, id, "55K", bib, chip, "Lou", "Tard",
                false, EntryEvent.Sex.F, "SE", null, "FRA", Instant.now()));
        read(chip, "M-9BIS-START", OfficialDecisionsTest.GUN.plusSeconds(5));
        // Pinchonvalles closes 5 h after the gun in the sample 55 km
        read(chip, "M-PINCHONVALLES", OfficialDecisionsTest.GUN.plus(Duration.parse("PT5H12M")));
        awaitTiming(bib, t -> t.passages().size() == 2);
        String pastCutOff = "hors délai à Terril de Pinchonvalles / past the cut-off at Terril de Pinchonvalles";
        assertThat(page("/race-control/55K"), allOf(containsString("<tr><td>" + bib + "</td>"),
                containsString("<input type=\"hidden\" name=\"bib\" value=\"" + bib + "\">"),
                containsString("value=\"" + pastCutOff + "\"")));

        post("/race-control/55K/status", Map.of("bib", String.valueOf(bib), "status", "DNF", "reason", pastCutOff),
                ourOrigin()).statusCode(303).header("Location", containsString("done=status"));
        awaitTiming(bib, t -> t.status() == RunnerTiming.Status.DNF);

        long decision = official().when().get("/api/decisions?race=55K&bib=" + bib)
                .then().extract().jsonPath().getLong("[0].id");
        post("/race-control/55K/decisions/" + decision + "/undo", Map.of("reason", "mauvais dossard / wrong bib"),
                ourOrigin()).statusCode(303).header("Location", containsString("done=undone"));
        awaitTiming(bib, t -> t.status() == RunnerTiming.Status.ON_COURSE);
        assertThat(page("/race-control/55K?done=undone"), allOf(containsString("Décision annulée"),
                containsString("annulée par / undone by judge: mauvais dossard / wrong bib")));
    }

    @Test
    void aPassageTypedInTheEventsTimeIsRecordedThenRemoved() {
        official().contentType(ContentType.JSON)
                .body(Map.of("time", OfficialDecisionsTest.GUN.toString(), "reason", "starter's signal"))
                .when().put("/api/races/55K/gun-start").then().statusCode(200);
        int bib = 800_000 + BIBS.nextInt(99_999);
        String chip = "CHIP-" + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        kafka.send(Topics.ENTRIES, id, new EntryEvent(EntryEvent.Type.UPSERTED, id, "55K", bib, chip, "Noé", "Manqué",
                false, EntryEvent.Sex.H, "SE", null, "FRA", Instant.now()));
        read(chip, "M-9BIS-START", OfficialDecisionsTest.GUN.plusSeconds(5));
        awaitTiming(bib, t -> t.passages().size() == 1);
        assertThat(page("/race-control/55K"),
                containsString("<option value=\"ste-henriette\">Terril Sainte-Henriette"));

        // the Sainte-Henriette mat was down: the volunteer's sheet says 09:02:10, Oignies time (UTC+1 in March)
        String missed = "tapis en panne, feuille du bénévole / mat down, volunteer's sheet";
        post("/race-control/55K/passage", Map.of("bib", String.valueOf(bib), "point", "ste-henriette",
                "time", "2027-03-20T09:02:10", "reason", missed, "action", "set"), ourOrigin())
                .statusCode(303).header("Location", containsString("done=passage-set"));
        awaitTiming(bib, t -> t.passages().stream().anyMatch(p -> p.pointId().equals("ste-henriette")
                && p.time().equals(Instant.parse("2027-03-20T08:02:10Z"))));
        assertThat(page("/race-control/55K?done=passage-set"), allOf(containsString("Passage enregistré"),
                containsString("PASSAGE_SET #" + bib)));

        post("/race-control/55K/passage", Map.of("bib", String.valueOf(bib), "point", "ste-henriette",
                "reason", "mauvais dossard sur la feuille / wrong bib on the sheet", "action", "remove"), ourOrigin())
                .statusCode(303).header("Location", containsString("done=passage-removed"));
        awaitTiming(bib, t -> t.passages().stream().noneMatch(p -> p.pointId().equals("ste-henriette")));

        post("/race-control/55K/passage", Map.of("bib", String.valueOf(bib), "point", "ste-henriette",
                "time", "9h02", "reason", missed, "action", "set"), ourOrigin())
                .statusCode(400).body(containsString("Heure illisible"));
        post("/race-control/55K/passage", Map.of("bib", String.valueOf(bib), "point", "nowhere",
                "time", "2027-03-20T09:02:10", "reason", missed, "action", "set"), ourOrigin())
                .statusCode(404).body(containsString("55K has no timing point nowhere"));
    }

    @Test
    void aRefusalIsExplainedOnThePageAndAnotherSitesFormRefused() {
        post("/race-control/55K/status", Map.of("bib", "999999999", "status", "DSQ", "reason", "test"), ourOrigin())
                .statusCode(404).contentType(containsString("text/html"))
                .body(allOf(containsString("role=\"alert\""), containsString("No runner wears bib 999999999")));
        post("/race-control/55K/status", Map.of("bib", "12", "status", "DSQ", "reason", " "), ourOrigin())
                .statusCode(400).body(containsString("Une raison est nécessaire / A reason is needed"));
        post("/race-control/55K/gun-start", Map.of("time", "9h", "reason", "starter"), ourOrigin())
                .statusCode(400).body(containsString("Heure illisible"));
        post("/race-control/55K/gun-start", Map.of("time", "2027-03-20T07:30:00", "reason", "forged"),
                "https://evil.example").statusCode(403);
        official().when().get("/api/decisions?race=55K").then().body("reason", not(hasItem("forged")));
    }

    static void read(String chip, String mat, Instant time) {
        kafka.send(Topics.CHIP_READS, chip, new ChipRead("R-" + mat, mat, chip, time.atOffset(ZoneOffset.ofHours(1)),
                1, -55, null, ChipRead.Source.MAT));
    }
}
