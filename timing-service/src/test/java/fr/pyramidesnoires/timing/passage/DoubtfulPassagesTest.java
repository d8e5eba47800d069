package fr.pyramidesnoires.timing.passage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.events.RunnerTiming.Doubt;
import fr.pyramidesnoires.events.RunnerTiming.Passage;
import fr.pyramidesnoires.events.RunnerTiming.Status;
import fr.pyramidesnoires.timing.course.Course;
import fr.pyramidesnoires.timing.course.TimingPoint;
import fr.pyramidesnoires.timing.passage.DoubtfulPassages.Rules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DoubtfulPassagesTest {

    static final Instant GUN = Instant.parse("2027-03-20T06:30:00Z");
    static final Duration FASTEST = Duration.parse("PT2M30S");
    static final Rules ALL = new Rules(true, true, FASTEST);
    /**
     * km-effort of each segment: start to Sainte-Henriette 14.1 (35 min 15 s at the fastest), on to the aid station
     * 14.7 (36 min 45 s), no effort across the aid station (in to out), then 13.2 to the finish (33 min).
     */
    static final Course COURSE = new Course("35K", List.of(
            new TimingPoint("start", "Départ", "M-START", 0, 0, null),
            new TimingPoint("ste-henriette", "Terril Sainte-Henriette", "M-STE", 12, 210, null),
            new TimingPoint("estevelles-in", "Estevelles, arrivée", "M-EST-IN", 24, 480, null),
            new TimingPoint("estevelles-out", "Estevelles, départ", "M-EST-OUT", 24, 480, null),
            new TimingPoint("finish", "Arrivée", "M-FINISH", 35, 700, null)));

    /** A runner's passages from the start, as elapsed times from the gun; null where no mat saw them. */
    static RunnerTiming runner(String... elapsed) {
        List<Passage> passages = new ArrayList<>();
        for (int order = 0; order < elapsed.length; order++) {
            if (elapsed[order] != null) {
                TimingPoint point = COURSE.points().get(order);
                passages.add(new Passage(order, point.id(), point.name(), point.km(),
                        GUN.plus(Duration.parse(elapsed[order]))));
            }
        }
        return new RunnerTiming("35K", 1042, Status.ON_COURSE, GUN, passages, null, null);
    }

    static List<Doubt> doubts(RunnerTiming runner, Rules rules, Integer... vouched) {
        return doubts(COURSE, runner, rules, vouched);
    }

    static List<Doubt> doubts(Course course, RunnerTiming runner, Rules rules, Integer... vouched) {
        return DoubtfulPassages.marked(runner, course, Set.of(vouched), rules).passages().stream()
                .map(Passage::doubtful).toList();
    }

    static List<Doubt> doubts(RunnerTiming runner, Integer... vouched) {
        return doubts(runner, ALL, vouched);
    }

    static List<Doubt> good(int passages) {
        return Arrays.asList(new Doubt[passages]);
    }

    static List<Doubt> only(int passages, int index, Doubt why) {
        List<Doubt> doubts = new ArrayList<>(good(passages));
        doubts.set(index, why);
        return doubts;
    }

    @Test
    void aPlausibleRaceHasNoDoubtfulPassage() {
        assertEquals(good(5), doubts(runner("PT0S", "PT1H10M", "PT2H25M", "PT2H31M", "PT3H40M")));
    }

    @Test
    void aPassageEarlierThanTheOneBeforeIsOutOfSequence() {
        // Estevelles' arrival 21 min before Sainte-Henriette: the -21:16 segment a runner page once showed
        assertEquals(only(5, 2, Doubt.OUT_OF_SEQUENCE),
                doubts(runner("PT0S", "PT1H10M", "PT0H48M44S", "PT2H31M", "PT3H40M")));
    }

    @Test
    void onlyThePassageBeforeItCountsNotEveryEarlierOne() {
        // the finish is after the doubtful Estevelles out, and after the earlier good passages: it is good
        assertEquals(only(4, 2, Doubt.OUT_OF_SEQUENCE),
                doubts(runner("PT0S", "PT1H10M", null, "PT1H05M", "PT3H40M")));
    }

    @Test
    void aMissedPointIsSkippedTheNextPassageIsJudgedAgainstTheLastSeen() {
        // Sainte-Henriette missed: start to Estevelles is one 28.8 km-effort segment, 72 min at the fastest
        assertEquals(good(2), doubts(runner("PT0S", null, "PT1H13M", null, null)));
        assertEquals(only(2, 1, Doubt.TOO_FAST), doubts(runner("PT0S", null, "PT1H11M", null, null)));
    }

    @Test
    void aSegmentFasterThanTheFastestPaceForItsKmEffortIsTooFast() {
        // Sainte-Henriette to Estevelles: 14.7 km-effort in 36 min, 2:27 per km-effort
        assertEquals(only(5, 2, Doubt.TOO_FAST),
                doubts(runner("PT0S", "PT1H10M", "PT1H46M", "PT1H50M", "PT3H40M")));
    }

    @Test
    void aSegmentRightAtTheFastestPaceIsGood() {
        assertEquals(good(2), doubts(runner("PT0S", "PT35M15S")));
        assertEquals(only(2, 1, Doubt.TOO_FAST), doubts(runner("PT0S", "PT35M14.999S")));
    }

    @Test
    void climbCountsInTheKmEffortOfASegment() {
        // 12 km at 2:30 would be 30 min; with 210 m of climb 14.1 km-effort need 35 min 15 s
        assertEquals(only(2, 1, Doubt.TOO_FAST), doubts(runner("PT0S", "PT33M")));
        assertEquals(14.7, DoubtfulPassages.kmEffort(COURSE.points().get(1), COURSE.points().get(2)), 1e-9);
    }

    @Test
    void timeAtAnAidStationHasNoPaceToJudge() {
        // 20 s between the aid station's arrival and departure mats: no km-effort, no doubt
        assertEquals(good(5), doubts(runner("PT0S", "PT1H10M", "PT2H25M", "PT2H25M20S", "PT3H40M")));
    }

    @Test
    void aTimeCopiedFromTheNeighbourDoubtsBothPassages() {
        // Estevelles' arrival carries Sainte-Henriette's time: either may be the copy of the other
        assertEquals(Arrays.asList(null, Doubt.SAME_AS_NEIGHBOUR, Doubt.SAME_AS_NEIGHBOUR, null, null),
                doubts(runner("PT0S", "PT1H10M", "PT1H10M", "PT2H31M", "PT3H40M")));
    }

    @Test
    void anAidStationsDepartureTheSameAsItsArrivalIsDoubted() {
        // departure at Estevelles repeats the arrival there, to the second but not the millisecond
        assertEquals(Arrays.asList(null, null, Doubt.SAME_AS_NEIGHBOUR, Doubt.SAME_AS_NEIGHBOUR, null),
                doubts(runner("PT0S", "PT1H10M", "PT2H25M10.100S", "PT2H25M10.900S", "PT3H40M")));
    }

    @Test
    void withoutTheNeighbourRuleAnEqualTimeIsStillOutOfSequence() {
        assertEquals(only(5, 2, Doubt.OUT_OF_SEQUENCE),
                doubts(runner("PT0S", "PT1H10M", "PT1H10M", "PT2H31M", "PT3H40M"), new Rules(true, false, FASTEST)));
    }

    @Test
    void withoutTheSequenceRuleAPassageBackInTimeIsTooFastAcrossItsSegment() {
        assertEquals(only(5, 2, Doubt.TOO_FAST),
                doubts(runner("PT0S", "PT1H10M", "PT0H48M44S", "PT2H31M", "PT3H40M"), new Rules(false, true, FASTEST)));
    }

    @Test
    void anEventThatSwitchesEveryRuleOffDoubtsNothing() {
        assertEquals(good(5), doubts(runner("PT0S", "PT1H10M", "PT1H10M", "PT0H48M", "PT0H49M"), Rules.NONE));
    }

    @Test
    void withoutThePaceRuleAFastSegmentIsGood() {
        assertEquals(good(5), doubts(runner("PT0S", "PT1H10M", "PT1H20M", "PT1H25M", "PT3H40M"),
                new Rules(true, true, null)));
    }

    @Test
    void aPassageAnOfficialSetIsNeverDoubtedTheOneBeforeItTakesTheDoubt() {
        // Sainte-Henriette's mat read 3 h late; the official set Estevelles' arrival from the volunteer's sheet
        RunnerTiming runner = runner("PT0S", "PT4H10M", "PT2H25M", "PT2H31M", "PT3H40M");
        assertEquals(only(5, 2, Doubt.OUT_OF_SEQUENCE), doubts(runner));
        assertEquals(only(5, 1, Doubt.OUT_OF_SEQUENCE), doubts(runner, 2));
    }

    @Test
    void twoPassagesBothVouchedForAreBothGood() {
        assertEquals(good(5), doubts(runner("PT0S", "PT1H10M", "PT1H10M", "PT2H31M", "PT3H40M"), 1, 2));
        assertEquals(only(5, 2, Doubt.SAME_AS_NEIGHBOUR),
                doubts(runner("PT0S", "PT1H10M", "PT1H10M", "PT2H31M", "PT3H40M"), 1));
    }

    @Test
    void aCopiedTimeSaysMoreThanAFastSegment() {
        // Estevelles' arrival is too fast from Sainte-Henriette and the same as its departure
        assertEquals(Arrays.asList(null, null, Doubt.SAME_AS_NEIGHBOUR, Doubt.SAME_AS_NEIGHBOUR, null),
                doubts(runner("PT0S", "PT1H10M", "PT1H20M", "PT1H20M", "PT3H40M")));
    }

    @Test
    void aDoubtMarkedBeforeIsClearedWhenThePassageIsGoodNow() {
        RunnerTiming marked = DoubtfulPassages.marked(runner("PT0S", "PT20M"), COURSE, Set.of(), ALL);
        assertEquals(only(2, 1, Doubt.TOO_FAST), doubts(marked));
        assertEquals(good(2), doubts(marked, Rules.NONE));
    }

    @Test
    void aCourseMayGiveItsOwnFastestPace() {
        Course road = new Course("10K", COURSE.points(), Duration.ofMinutes(3));
        assertEquals(new Rules(true, true, Duration.ofMinutes(3)), ALL.forCourse(road));
        assertEquals(ALL, ALL.forCourse(COURSE));
        // an event that switched the rule off keeps it off on every course
        assertEquals(Rules.NONE, Rules.NONE.forCourse(road));
        assertThrows(IllegalArgumentException.class, () -> new Course("10K", COURSE.points(), Duration.ZERO));
    }

    @Test
    void theRestOfTheTimingIsUntouched() {
        RunnerTiming finished = new RunnerTiming("35K", 7, Status.FINISHED, GUN,
                runner("PT0S", "PT1H10M", "PT0H48M").passages(), 12_000L, 11_000L);
        RunnerTiming marked = DoubtfulPassages.marked(finished, COURSE, Set.of(), ALL);
        assertEquals(List.of("35K", 7, Status.FINISHED, GUN, 12_000L, 11_000L),
                List.of(marked.raceCode(), marked.bib(), marked.status(), marked.gunStart(), marked.gunTimeMs(),
                        marked.chipTimeMs()));
        assertEquals(finished.passages().stream().map(Passage::time).toList(),
                marked.passages().stream().map(Passage::time).toList());
    }
}
