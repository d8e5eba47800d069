package fr.pyramidesnoires.timing.passage;

import static fr.pyramidesnoires.timing.official.OfficialPages.official;
import static fr.pyramidesnoires.timing.official.OfficialPages.page;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fr.pyramidesnoires.events.ChipRead;
import fr.pyramidesnoires.events.CourseEvent;
import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.TopicProbe;
import fr.pyramidesnoires.timing.mat.MatBoard;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * An organiser's courses file with aid stations timed on the way out: the life base has a mat on the way in and one
 * on the way out, the terril of Haillicourt one mat read in and out. Over the real broker and database.
 */
@QuarkusTest
@TestProfile(AidStationTimingTest.AidStationCourses.class)
class AidStationTimingTest {

    /** The test courses file, through the setting organisers use; accounts that name only its points and mats. */
    public static class AidStationCourses implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("timing.courses-file", "src/test/resources/courses-aid-stations.json",
                    "timing.accounts", "judge:judge-secret:official");
        }
    }

    static final Random BIBS = new Random();
    static final OffsetDateTime EIGHT_AM = OffsetDateTime.parse("2027-03-20T08:00:03+01:00");
    private static final TopicProbe kafka = TopicProbe.shared();

    static String register(int bib) {
        String chip = "CHIP-" + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        kafka.send(Topics.ENTRIES, id, new EntryEvent(EntryEvent.Type.UPSERTED, id, "AID", bib, chip, "Rose",
                "Ravito", false, EntryEvent.Sex.F, "SE", null, "FRA", Instant.now()));
        return chip;
    }

    static List<ChipRead> crossing(String chip, String mat, OffsetDateTime first, int reads) {
        List<ChipRead> burst = new ArrayList<>();
        for (int i = 0; i < reads; i++) {
            burst.add(new ChipRead("R-" + mat, mat, chip, first.plusNanos(i * 250_000_000L), 1, -58, null,
                    ChipRead.Source.MAT));
        }
        return burst;
    }

    static RunnerTiming awaitTiming(int bib, Predicate<RunnerTiming> wanted) {
        return kafka.awaitLast(Topics.RUNNER_TIMINGS, RunnerTiming.class,
                t -> t != null && t.raceCode().equals("AID") && t.bib() == bib && wanted.test(t),
                Duration.ofSeconds(30));
    }

    static RunnerTiming.Passage at(RunnerTiming timing, String pointId) {
        return passage(timing, pointId).orElseThrow();
    }

    /** Snapshots published along the way may not have the passage yet. */
    static Optional<RunnerTiming.Passage> passage(RunnerTiming timing, String pointId) {
        return timing.passages().stream().filter(p -> p.pointId().equals(pointId)).findFirst();
    }

    static OffsetDateTime time(String afterEight) {
        return EIGHT_AM.plus(Duration.parse(afterEight));
    }

    @Test
    void theCourseIsPublishedWithItsAidStationsAndInKm() {
        CourseEvent course = kafka.awaitLast(Topics.COURSES, CourseEvent.class, c -> c.raceCode().equals("AID"),
                Duration.ofSeconds(20));

        assertEquals(List.of(false, true, true, false),
                course.points().stream().map(CourseEvent.Point::departureTimed).toList());
        // 18.6 miles and 2950 ft in the file
        assertEquals(29.934, course.points().get(1).km(), 1e-3);
        assertEquals(899, course.points().get(1).elevationGainM());
        // the out mat is a mat of the course: the mat board shows it, and its reads are no unknown mat's
        List<MatBoard.MatStatus> mats = List.of(official().when().get("/api/mats").then().statusCode(200).extract()
                .as(MatBoard.MatStatus[].class));
        assertEquals(List.of(List.of("Base vie de Loos (sortie / out)")), mats.stream()
                .filter(m -> m.matId().equals("M-AID-BASE-OUT")).map(MatBoard.MatStatus::points).toList());
    }

    @Test
    void theRunnersArrivalAndDepartureArePublishedAndShownToRaceControl() {
        int bib = 100 + BIBS.nextInt(99_000);
        String chip = register(bib);
        List<ChipRead> reads = new ArrayList<>(crossing(chip, "M-AID-START", EIGHT_AM, 3));
        reads.addAll(crossing(chip, "M-AID-BASE-IN", time("PT2H12M04S"), 4));
        reads.addAll(crossing(chip, "M-AID-BASE-OUT", time("PT2H31M39S"), 3));
        reads.addAll(crossing(chip, "M-AID-HAILLICOURT", time("PT4H05M08S"), 3));
        // 20 s later the runner stands by the tables, near the mat: not gone
        reads.addAll(crossing(chip, "M-AID-HAILLICOURT", time("PT4H05M28S"), 1));
        reads.addAll(crossing(chip, "M-AID-HAILLICOURT", time("PT4H16M37S"), 3));
        reads.addAll(crossing(chip, "M-AID-FINISH", time("PT5H30M06S"), 4));
        reads.addAll(reads.subList(0, 6));
        Collections.shuffle(reads, new Random(18));
        reads.forEach(read -> kafka.send(Topics.CHIP_READS, chip, read));

        Instant leftHaillicourt = time("PT4H16M37.5S").toInstant();
        RunnerTiming timing = awaitTiming(bib, t -> t.status() == RunnerTiming.Status.FINISHED
                && passage(t, "aid-haillicourt").map(p -> leftHaillicourt.equals(p.departure())).orElse(false));

        assertEquals(time("PT2H12M04S").toInstant(), at(timing, "aid-base").time());
        assertEquals(time("PT2H31M39S").toInstant(), at(timing, "aid-base").departure());
        assertEquals(time("PT4H05M08S").toInstant(), at(timing, "aid-haillicourt").time());
        assertNull(at(timing, "aid-start").departure());
        assertNull(at(timing, "aid-finish").departure());
        assertNull(at(timing, "aid-base").doubtful());
        // the time at the stations is no part of the race time, which runs from the start mat to the finish
        assertEquals(Duration.parse("PT5H30M06S").minusMillis(500).toMillis(), timing.chipTimeMs());

        assertThat(page("/race-control/AID"), allOf(
                containsString("Postes chronométrés à l'arrivée et au départ"),
                containsString("<tr><td>Base vie de Loos</td><td>" + bib + "</td><td>2027-03-20T10:12:07</td>\n"
                        + "      <td>2027-03-20T10:31:42</td><td>0:19:35</td></tr>"),
                containsString("<tr><td>Terril d&#39;Haillicourt</td><td>" + bib + "</td><td>2027-03-20T12:05:11</td>\n"
                        + "      <td>2027-03-20T12:16:40</td><td>0:11:29</td></tr>")));
        // the station's crew see the same on the checkpoint page
        assertThat(page("/checkpoint?point=aid-haillicourt"), allOf(containsString("Au poste"),
                containsString("<tr><td>" + bib + "</td><td>2027-03-20T12:05:11</td><td>2027-03-20T12:16:40</td>"
                        + "<td>0:11:29</td></tr>")));
        assertThat(page("/checkpoint?point=aid-finish"), not(containsString("Au poste")));
    }

    @Test
    void aStationsVolunteerRecordsTheDepartureOnTheOutMat() {
        int bib = 100 + BIBS.nextInt(99_000);
        String chip = register(bib);
        OffsetDateTime now = OffsetDateTime.now().withNano(0);
        crossing(chip, "M-AID-START", now.minusHours(3), 3).forEach(read -> kafka.send(Topics.CHIP_READS, chip, read));
        crossing(chip, "M-AID-BASE-IN", now.minusMinutes(25), 3)
                .forEach(read -> kafka.send(Topics.CHIP_READS, chip, read));

        official().contentType("application/json")
                .body(List.of(Map.of("id", "e-1", "bib", bib, "time", now.minusMinutes(4).toString(), "departure", true)))
                .when().post("/api/checkpoints/aid-base/passages").then().statusCode(200)
                .body("[0].recorded", equalTo(true));
        official().contentType("application/json")
                .body(List.of(Map.of("id", "e-2", "bib", bib, "time", now.toString(), "departure", true)))
                .when().post("/api/checkpoints/aid-finish/passages").then().statusCode(200)
                .body("[0].recorded", equalTo(false)).body("[0].reason", containsString("arrival only"));

        RunnerTiming timing = awaitTiming(bib, t -> passage(t, "aid-base")
                .map(p -> now.minusMinutes(4).toInstant().equals(p.departure())).orElse(false));
        assertEquals(now.minusMinutes(25).toInstant(), at(timing, "aid-base").time());
        assertEquals(List.of("aid-start", "aid-base"),
                timing.passages().stream().map(RunnerTiming.Passage::pointId).toList());
    }

    @Test
    void aRunnerOnlyTheOutMatReadIsTimedThereDoubtedUntilAnOfficialSetsTheArrival() {
        int bib = 100 + BIBS.nextInt(99_000);
        String chip = register(bib);
        crossing(chip, "M-AID-START", EIGHT_AM, 3).forEach(read -> kafka.send(Topics.CHIP_READS, chip, read));
        crossing(chip, "M-AID-BASE-OUT", time("PT2H40M02S"), 3)
                .forEach(read -> kafka.send(Topics.CHIP_READS, chip, read));

        RunnerTiming timing = awaitTiming(bib, t -> t.passages().size() == 2);

        RunnerTiming.Passage base = at(timing, "aid-base");
        assertEquals(time("PT2H40M02S").toInstant(), base.time());
        assertEquals(time("PT2H40M02S").toInstant(), base.departure());
        assertEquals(RunnerTiming.Doubt.OUT_OF_SEQUENCE, base.doubtful());
        JsonPath doubts = official().when().get("/api/races/AID/doubtful-passages").then().statusCode(200)
                .extract().jsonPath();
        int index = doubts.getList("bib", Integer.class).indexOf(bib);
        assertEquals("aid-base", doubts.getString("[" + index + "].pointId"));
        assertEquals(base.departure().toString(), doubts.getString("[" + index + "].departure"));

        Instant fromTheSheet = time("PT2H21M").toInstant();
        official().contentType("application/json")
                .body(Map.of("time", fromTheSheet.toString(), "reason", "feuille du poste / station's sheet"))
                .when().put("/api/races/AID/runners/" + bib + "/passages/aid-base").then().statusCode(200);
        RunnerTiming corrected = awaitTiming(bib,
                t -> passage(t, "aid-base").map(p -> p.time().equals(fromTheSheet)).orElse(false));
        assertEquals(time("PT2H40M02S").toInstant(), at(corrected, "aid-base").departure());
        assertNull(at(corrected, "aid-base").doubtful());

        // the out mat read another runner's chip: the station's sheet says when this one left
        Instant leftOnTheSheet = time("PT2H38M").toInstant();
        official().contentType("application/json")
                .body(Map.of("time", leftOnTheSheet.toString(), "reason", "feuille du poste / station's sheet"))
                .when().put("/api/races/AID/runners/" + bib + "/passages/aid-base/departure").then().statusCode(200)
                .body("kind", equalTo("DEPARTURE_SET")).body("pointId", equalTo("aid-base"));
        awaitTiming(bib, t -> passage(t, "aid-base").map(p -> leftOnTheSheet.equals(p.departure())).orElse(false));
        official().contentType("application/json")
                .body(Map.of("time", leftOnTheSheet.toString(), "reason", "feuille / sheet"))
                .when().put("/api/races/AID/runners/" + bib + "/passages/aid-finish/departure").then().statusCode(422)
                .contentType("application/problem+json").body("type", containsString("arrival-only"));
    }
}
