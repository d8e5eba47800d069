package fr.pyramidesnoires.results.finish;

import static io.restassured.RestAssured.given;

import fr.pyramidesnoires.events.CourseEvent;
import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.RaceEvent;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.events.RunnerTiming.Status;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A 22 km race at its finish, sent on the real broker: four finishers of both sexes and two categories (one of
 * them refused publication of her name) and two runners on course past Terril 5.
 *
 * <pre>
 * bib  runner                sex cat  time     overall sex category
 * 22   DELMOTTE Bruno        H   SE   2:05:00  1       1   1
 * 21   CARPENTIER Alice      F   SE   2:10:05  2       1   1
 * 23   WALLET Chloé          F   M1   2:20:00  3       2   1
 * 24   (name withheld)       F   SE   2:30:00  4       3   2
 * 25   O'HARA&lt;SCRIPT&gt; Dan" H   SE   on course, 5th through Terril 5 at 1:20
 * 26   LEROY Eva             F   SE   on course, 6th through Terril 5 at 1:25
 * </pre>
 */
final class FinishFixture {

    static final Instant GUN = Instant.parse("2027-03-20T08:00:00Z");
    static final List<CourseEvent.Point> POINTS = List.of(
            new CourseEvent.Point(0, "depart", "Départ", 0, 0, null),
            new CourseEvent.Point(1, "terril-5", "Terril 5", 11, 250, null),
            new CourseEvent.Point(2, "arrivee", "Arrivée", 22, 450, null));

    private FinishFixture() {
    }

    static String race(TopicProbe kafka) throws InterruptedException {
        String race = "F" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        kafka.send(Topics.RACES, race, new RaceEvent(race, "Trail test " + race, 22, 450,
                OffsetDateTime.parse("2027-03-20T09:00:00+01:00"), 300));
        kafka.send(Topics.COURSES, race, new CourseEvent(race, POINTS, GUN));
        entry(kafka, race, 21, "Alice", "Carpentier", EntryEvent.Sex.F, "SE");
        entry(kafka, race, 22, "Bruno", "Delmotte", EntryEvent.Sex.H, "SE");
        entry(kafka, race, 23, "Chloé", "Wallet", EntryEvent.Sex.F, "M1");
        entry(kafka, race, 24, null, null, EntryEvent.Sex.F, "SE");
        entry(kafka, race, 25, "Dan\"", "O'Hara<script>", EntryEvent.Sex.H, "SE");
        entry(kafka, race, 26, "Eva", "Leroy", EntryEvent.Sex.F, "SE");
        timed(kafka, race, 21, Status.FINISHED, "PT2S", "PT1H02M", "PT2H10M05S");
        timed(kafka, race, 22, Status.FINISHED, "PT1S", "PT1H", "PT2H05M");
        timed(kafka, race, 23, Status.FINISHED, "PT3S", "PT1H08M", "PT2H20M");
        timed(kafka, race, 24, Status.FINISHED, "PT4S", "PT1H10M", "PT2H30M");
        timed(kafka, race, 25, Status.ON_COURSE, "PT5S", "PT1H20M");
        timed(kafka, race, 26, Status.ON_COURSE, "PT6S", "PT1H25M");
        awaitFinishers(race, 4);
        return race;
    }

    /** @param first null for a runner who refused publication of their name */
    static void entry(TopicProbe kafka, String race, int bib, String first, String last, EntryEvent.Sex sex,
                      String category) {
        String id = UUID.randomUUID().toString();
        kafka.send(Topics.ENTRIES, id, new EntryEvent(EntryEvent.Type.UPSERTED, id, race, bib, "C" + bib, first, last,
                first == null, sex, category, first == null ? null : "AC Lens", first == null ? null : "FRA",
                Instant.now()));
    }

    /** @param splits since the gun, at each point in course order; a finisher's last one is their official time */
    static void timed(TopicProbe kafka, String race, int bib, Status status, String... splits) {
        List<RunnerTiming.Passage> passages = new ArrayList<>();
        for (int i = 0; i < splits.length; i++) {
            CourseEvent.Point point = POINTS.get(i);
            passages.add(new RunnerTiming.Passage(i, point.id(), point.name(), point.km(),
                    GUN.plus(Duration.parse(splits[i]))));
        }
        Long official = status == Status.FINISHED ? Duration.parse(splits[splits.length - 1]).toMillis() : null;
        RunnerTiming timing = new RunnerTiming(race, bib, status, GUN, passages, official, official);
        kafka.send(Topics.RUNNER_TIMINGS, timing.key(), timing);
    }

    static void awaitFinishers(String race, int finishers) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            var response = given().get("/api/races/" + race + "/ranking");
            if (response.statusCode() == 200 && response.jsonPath().getList("bib").size() == 6
                    && response.jsonPath().getList("findAll { it.status == 'FINISHED' }").size() == finishers
                    && response.jsonPath().getList("findAll { it.lastPointId != null }").size() == 6) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("race " + race + " never ready: " + response.asString());
            }
            Thread.sleep(200);
        }
    }
}
