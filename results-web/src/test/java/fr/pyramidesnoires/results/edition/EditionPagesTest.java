package fr.pyramidesnoires.results.edition;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.EntryEvent.Sex;
import fr.pyramidesnoires.events.PastResults;
import fr.pyramidesnoires.events.PastResults.Row;
import fr.pyramidesnoires.events.PastResults.Status;
import fr.pyramidesnoires.events.RaceEvent;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.Eventually;
import fr.pyramidesnoires.events.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Past editions as the organiser published them on past-results, and a runner's other editions. */
@QuarkusTest
class EditionPagesTest {

    private static final Instant GUN = Instant.parse("2027-03-20T08:00:00Z");

    @Test
    void aPastEditionsRaceIsListedAndRankedWithItsGroups() {
        String race = unique("P");
        publish(new PastResults(2016, race, "Trail des Terrils " + race, 55, List.of(
                row(1, 512, "Delattre", "Camille", Sex.F, "SE", 11_112_000L),
                row(2, 530, "Lefebvre", "Jean-Marc", Sex.H, "M1", 11_400_400L),
                row(3, 533, null, null, Sex.F, "M1", 11_500_000L),
                row(4, 540, "Roux", "Léa", Sex.F, "M1", 11_600_000L),
                new Row(null, 541, "Nowak", "Piotr", Sex.H, "M2", null, "POL", null, Status.DNF))));

        given().when().get("/editions").then().statusCode(200)
                .body(containsString("Éditions précédentes"))
                .body(containsString("<h2>2016</h2>"))
                .body(containsString("href=\"/editions/2016/" + race + "\">Trail des Terrils " + race + "</a>"))
                .body(containsString("5 coureurs · 4 arrivants"));
        String page = given().when().get("/editions/2016/" + race).then().statusCode(200).extract().asString();
        assertInOrder(page, "DELATTRE Camille", "3:05:12", "LEFEBVRE Jean-Marc", "3:10:00", "Nom non publié",
                "ROUX Léa", "Abandon", "NOWAK Piotr");
        // a past edition is no live race: its page opens no live stream (it named one that does not exist)
        assertFalse(page.contains("data-race="), page);
        assertEquals(List.of(1, 2, 3), given().queryParam("sex", "F").when().get("/api/editions/2016/" + race)
                .jsonPath().getList("rank"));
        assertEquals(List.of(1, 3, 4), given().queryParam("sex", "F").when().get("/api/editions/2016/" + race)
                .jsonPath().getList("overallRank"));
        given().queryParam("sex", "M").queryParam("category", "M1").when().get("/editions/2016/" + race).then()
                .statusCode(200)
                .body(containsString("LEFEBVRE Jean-Marc"))
                .body(not(containsString("ROUX")))
                .body(not(containsString("NOWAK")));
        given().queryParam("lang", "en").when().get("/editions").then()
                .body(containsString("Past editions"))
                .body(containsString("5 runners · 4 finishers"));
        given().when().get("/editions/2015/" + race).then().statusCode(404);
        given().when().get("/editions/2016/" + race + "/runners/999").then().statusCode(404);
        given().when().get("/").then().body(containsString("href=\"/editions\""));
    }

    @Test
    void aRunnerIsLinkedToTheirOtherEditionsByNameAndSex() {
        String name = "Lefèbvre" + unique("-");
        String race = unique("C");
        String past = unique("P");
        String older = unique("P");
        kafka().send(Topics.RACES, race, new RaceEvent(race, "Trail 2027 " + race, 55, 900,
                OffsetDateTime.parse("2027-03-20T09:00:00+01:00"), 300));
        String id = UUID.randomUUID().toString();
        kafka().send(Topics.ENTRIES, id, new EntryEvent(EntryEvent.Type.UPSERTED, id, race, 77, "C77" + race,
                "Jean-Marc", name, false, Sex.H, "M1", "AC Lens", "FRA", Instant.now()));
        RunnerTiming finished = new RunnerTiming(race, 77, RunnerTiming.Status.FINISHED, GUN, List.of(
                new RunnerTiming.Passage(0, "start", "Départ", 0, GUN),
                new RunnerTiming.Passage(1, "finish", "Arrivée", 55, GUN.plusSeconds(12_667))), 12_667_000L, null);
        kafka().send(Topics.RUNNER_TIMINGS, finished.key(), finished);
        // the same runner as the 2016 and 2018 files wrote him, and a woman of the same name who is not him
        publish(new PastResults(2016, past, "Trail 55 " + past, 55, List.of(
                row(1, 512, name.toUpperCase().replace("È", "E"), "Jean Marc", Sex.H, "M0", 11_400_400L),
                row(2, 513, name, "Jean-Marc", Sex.F, "SE", 11_500_000L))));
        publish(new PastResults(2018, older, "Trail 35 " + older, 35, List.of(
                new Row(null, 301, name.toLowerCase(), "jean-marc", Sex.H, "M1", null, null, null, Status.DNF))));

        String current = Eventually.until(() -> given().when().get("/races/" + race + "/runners/77").asString(),
                body -> body.contains("/editions/2016/"), Duration.ofSeconds(20),
                body -> "the runner's page never linked the past editions: " + body);
        assertInOrder(current, "Vos autres éditions", "2018", "href=\"/editions/2018/" + older + "/runners/301\"",
                "Abandon", "2016", "href=\"/editions/2016/" + past + "/runners/512\"", "3:10:00", "Rang 1",
                "même nom et même prénom");
        assertFalse(current.contains("/runners/513"), "linked to a woman of the same name: " + current);

        String page2016 = given().when().get("/editions/2016/" + past + "/runners/512").then().statusCode(200)
                .extract().asString();
        assertInOrder(page2016, "3:10:00", "Vos autres éditions", "2027",
                "href=\"/races/" + race + "/runners/77\"", "3:31:07", "2018");
        given().queryParam("lang", "en").when().get("/editions/2016/" + past + "/runners/512").then()
                .body(containsString("Other editions"));
        given().when().get("/editions/2016/" + past + "/runners/513").then().statusCode(200)
                .body(not(containsString("Vos autres éditions")));
        assertEquals(List.of(2018, 2016), given().when().get("/api/races/" + race + "/runners/77/other-editions")
                .jsonPath().getList("year"));
    }

    @Test
    void aRunnerWhoWithheldTheirNameIsLinkedToNoEdition() {
        String race = unique("C");
        String past = unique("P");
        kafka().send(Topics.RACES, race, new RaceEvent(race, "Trail 2027 " + race, 22, 300,
                OffsetDateTime.parse("2027-03-20T09:00:00+01:00"), 300));
        String id = UUID.randomUUID().toString();
        String name = "Secret" + unique("-");
        // as a producer from before the rule wrote it: the name still in the message
        kafka().sendRaw(Topics.ENTRIES, id, fr.pyramidesnoires.events.EventJson.write(new EntryEvent(
                EntryEvent.Type.UPSERTED, id, race, 5, "C5" + race, "Anne", name, false, Sex.F, "SE", null, null,
                Instant.now())).replace("\"nameHidden\":false", "\"nameHidden\":true"));
        publish(new PastResults(2019, past, "Trail 22 " + past, 22, List.of(
                row(1, 9, name, "Anne", Sex.F, "SE", 7_000_000L))));

        Eventually.until(() -> given().when().get("/api/races/" + race + "/runners/5").statusCode(),
                status -> status == 200, Duration.ofSeconds(20), status -> "the runner never came: " + status);
        given().when().get("/races/" + race + "/runners/5").then().statusCode(200)
                .body(not(containsString("Vos autres éditions")));
        given().when().get("/editions/2019/" + past + "/runners/9").then().statusCode(200)
                .body(not(containsString("Vos autres éditions")));
        assertEquals(List.of(), given().when().get("/api/races/" + race + "/runners/5/other-editions")
                .jsonPath().getList("year"));
    }

    private static Row row(int rank, int bib, String last, String first, Sex sex, String category, long timeMs) {
        return new Row(rank, bib, last, first, sex, category, "RC Lensois", "FRA", timeMs, Status.FINISHED);
    }

    /** On the topic, as registration publishes an import, and once this replica shows it. */
    private static void publish(PastResults results) {
        kafka().send(Topics.PAST_RESULTS, results.key(), results);
        Eventually.until(() -> given().when().get("/api/editions/" + results.year() + "/" + results.raceCode())
                        .statusCode(), status -> status == 200, Duration.ofSeconds(20),
                status -> results.key() + " never shown: " + status);
    }

    private static void assertInOrder(String page, String... parts) {
        int at = 0;
        for (String part : parts) {
            int found = page.indexOf(part, at);
            assertTrue(found >= 0, "\"" + part + "\" not found after position " + at + " in " + page);
            at = found + part.length();
        }
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 6).toUpperCase().replaceAll("[0-9]", "X");
    }

    private static TopicProbe kafka() {
        return TopicProbe.shared();
    }
}
