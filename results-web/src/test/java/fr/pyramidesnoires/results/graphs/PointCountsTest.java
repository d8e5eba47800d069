package fr.pyramidesnoires.results.graphs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.pyramidesnoires.events.CourseEvent;
import fr.pyramidesnoires.events.RunnerTiming.Status;
import fr.pyramidesnoires.results.ranking.Competitor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PointCountsTest {

    static final Instant GUN = Instant.parse("2027-03-20T08:00:00Z");
    /** Estevelles closes 4 h 30 after the gun, the finish 7 h after. */
    static final List<CourseEvent.Point> POINTS = List.of(
            new CourseEvent.Point(0, "start", "Départ", 0, 0, null),
            new CourseEvent.Point(1, "ste-henriette", "Terril Sainte-Henriette", 12, 210, null),
            new CourseEvent.Point(2, "estevelles", "Terril d'Estevelles", 24, 480, Duration.ofMinutes(270)),
            new CourseEvent.Point(3, "finish", "Arrivée", 35, 700, Duration.ofHours(7)));
    static final CourseEvent COURSE = new CourseEvent("35K", POINTS, GUN);
    static final List<Competitor> FIELD = List.of(
            LeaderGapsTest.runner(1, Status.FINISHED, "PT0S", "PT1H", "PT2H", "PT3H"),
            LeaderGapsTest.runner(2, Status.ON_COURSE, "PT0S", "PT1H30M", "PT4H30M"),
            LeaderGapsTest.runner(3, Status.ON_COURSE, "PT0S", "PT1H40M", "PT4H30M1S"),
            LeaderGapsTest.runner(4, Status.ON_COURSE, "PT0S", "PT2H"),
            LeaderGapsTest.runner(5, Status.DNF, "PT0S", "PT2H10M"),
            // read at Estevelles but missed at Sainte-Henriette
            LeaderGapsTest.runner(6, Status.ON_COURSE, "PT0S", null, "PT4H"),
            LeaderGapsTest.runner(7, Status.NOT_STARTED));

    static PointCounts.Count at(int order, Instant now) {
        return PointCounts.of(COURSE, FIELD, now).get(order);
    }

    @Test
    void aPassageAtTheCutOffIsInTimeAndASecondAfterIsLate() {
        PointCounts.Count estevelles = at(2, GUN.plus(Duration.ofHours(5)));

        assertEquals(3, estevelles.inTime(), "runners 1 and 6, and runner 2 on the very cut-off");
        assertEquals(1, estevelles.late(), "runner 3, a second after");
    }

    @Test
    void beforeTheCutOffTheOnesNotThroughYetAreOnTheWay() {
        PointCounts.Count estevelles = at(2, GUN.plus(Duration.ofMinutes(270)));

        assertEquals(1, estevelles.onTheWay(), "runner 4; not the withdrawn 5, nor 7 who did not start");
        assertEquals(0, estevelles.outOfTime());
    }

    @Test
    void onceTheCutOffHasFallenTheyAreOutOfTime() {
        PointCounts.Count estevelles = at(2, GUN.plus(Duration.ofMinutes(270)).plusSeconds(1));

        assertEquals(0, estevelles.onTheWay());
        assertEquals(1, estevelles.outOfTime());
    }

    @Test
    void withoutACutOffEveryPassageIsInTimeAndAMissedReadCountsNowhere() {
        PointCounts.Count henriette = at(1, GUN.plus(Duration.ofHours(9)));

        assertEquals(5, henriette.inTime(), "1 to 5; the DNF passed there");
        assertEquals(0, henriette.late());
        assertEquals(0, henriette.onTheWay(), "runner 6 is further on, only missed here");
        assertEquals(0, henriette.outOfTime());
    }

    @Test
    void withoutAStartSignalNoCutOffCanBeJudged() {
        CourseEvent noGun = new CourseEvent("35K", POINTS, null);

        PointCounts.Count estevelles = PointCounts.of(noGun, FIELD, GUN.plus(Duration.ofHours(9))).get(2);

        assertEquals(4, estevelles.inTime());
        assertEquals(1, estevelles.onTheWay());
        assertEquals(0, PointCounts.cutoffsPassed(noGun, GUN.plus(Duration.ofHours(9))));
    }

    @Test
    void theCutOffsPassedGoUpAsTheyFall() {
        assertEquals(0, PointCounts.cutoffsPassed(COURSE, GUN.plus(Duration.ofMinutes(270))));
        assertEquals(1, PointCounts.cutoffsPassed(COURSE, GUN.plus(Duration.ofMinutes(271))));
        assertEquals(2, PointCounts.cutoffsPassed(COURSE, GUN.plus(Duration.ofHours(8))));
    }
}
