package fr.pyramidesnoires.results.race;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.CourseEvent;
import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.RaceEvent;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.events.RunnerTiming.Passage;
import fr.pyramidesnoires.events.RunnerTiming.Status;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.Eventually;
import fr.pyramidesnoires.events.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An event in the Rockies on the night daylight-saving time starts (2027-03-14, 02:00 MST becomes 03:00 MDT): every
 * page gives each time of day in the event's zone, with the offset of its own moment.
 */
@QuarkusTest
@TestProfile(EventZoneTest.Denver.class)
class EventZoneTest {

    /** The zone comes from EVENT_ZONE, the one setting every service reads. */
    public static class Denver implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("EVENT_ZONE", "America/Denver");
        }
    }

    /** 00:30 MST. */
    static final Instant GUN = Instant.parse("2027-03-14T07:30:00Z");
    static final List<CourseEvent.Point> POINTS = List.of(
            new CourseEvent.Point(0, "start", "Trailhead", 0, 0, null),
            new CourseEvent.Point(1, "aid", "Aid station", 10, 0, null),
            new CourseEvent.Point(2, "finish", "Summit finish", 20, 0, null));

    @Test
    void timesOfDayBeforeAndAfterTheChangeAreTheEventsLocalTimes() {
        String race = "DST" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        TopicProbe kafka = TopicProbe.shared();
        kafka.send(Topics.RACES, race, new RaceEvent(race, "Night run " + race, 20, 0,
                OffsetDateTime.parse("2027-03-14T00:30:00-07:00"), 100));
        kafka.send(Topics.COURSES, race, new CourseEvent(race, POINTS, GUN));
        // through the aid station at 01:30 MST, finished at 03:30 MDT: two hours of running, not three
        runner(race, 1, "Avery", Status.FINISHED, "2027-03-14T07:30:00Z", "2027-03-14T08:30:00Z",
                "2027-03-14T09:30:00Z");
        // through the aid station at 01:45 MST at 7:30 /km: expected at the finish 75 min later, 04:00 MDT
        runner(race, 2, "Blake", Status.ON_COURSE, "2027-03-14T07:30:00Z", "2027-03-14T08:45:00Z");

        String csv = Eventually.until(() -> given().when().get("/races/" + race + "/results.csv").asString(),
                body -> body.split("\n").length == 3, Duration.ofSeconds(20), body -> "never both runners: " + body);
        assertTrue(csv.contains("\n1;1;ROCKWELL Avery;SE-F;Boulder TC;USA;FINISHED;2:00:00\n"), csv);

        given().when().get("/api/races").then()
                .body("find { it.code == '" + race + "' }.start", equalTo("dimanche 14 mars, 00:30"));
        given().when().get("/races/" + race).then().statusCode(200)
                .body(containsString("<td class=\"num wide\">03:30:00</td>"))
                .body(containsString("<td class=\"num wide\">01:45:00</td>"));
        given().when().get("/races/" + race + "/runners/1").then().statusCode(200)
                .body(containsString("<td class=\"num\">01:30</td>"))
                .body(containsString("<td class=\"num\">03:30</td>"))
                .body(containsString("<td class=\"num\">2:00:00</td>"));
        given().when().get("/races/" + race + "/runners/2").then().statusCode(200)
                .body(containsString("Summit finish (20.0 km) : vers 04:00"));
        given().when().get("/races/" + race + "/points/aid").then().statusCode(200)
                .body(containsString("<td class=\"num\">01:30</td>"))
                .body(containsString("<td class=\"num\">01:45</td>"));
        given().when().get("/races/" + race + "/points/finish").then().statusCode(200)
                .body(containsString("<td class=\"num\">03:30</td>"))
                .body(containsString("<td class=\"num\">04:00</td>"));
    }

    private static void runner(String race, int bib, String first, Status status, String... passedAt) {
        String id = UUID.randomUUID().toString();
        TopicProbe.shared().send(Topics.ENTRIES, id, new EntryEvent(EntryEvent.Type.UPSERTED, id, race, bib,
                "D" + race + bib, first, "Rockwell", false, EntryEvent.Sex.F, "SE", "Boulder TC", "USA",
                Instant.now()));
        List<Passage> passages = new ArrayList<>();
        for (int i = 0; i < passedAt.length; i++) {
            CourseEvent.Point p = POINTS.get(i);
            passages.add(new Passage(i, p.id(), p.name(), p.km(), Instant.parse(passedAt[i])));
        }
        Long time = status == Status.FINISHED
                ? Duration.between(GUN, passages.get(passages.size() - 1).time()).toMillis() : null;
        RunnerTiming timing = new RunnerTiming(race, bib, status, GUN, passages, time, time);
        TopicProbe.shared().send(Topics.RUNNER_TIMINGS, timing.key(), timing);
    }
}
