package fr.pyramidesnoires.timing.passage;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** Doubts about passages with a departure: aid stations timed on the way out. */
class DepartureDoubtsTest {

    static final Instant GUN = Instant.parse("2027-03-20T06:30:00Z");
    static final Rules ALL = new Rules(true, true, Duration.parse("PT2M30S"));
    /** km-effort: 14.1 to Sainte-Henriette, 14.7 on to Estevelles, 13.2 to the finish (33 min at the fastest). */
    static final Course COURSE = new Course("35K", List.of(
            new TimingPoint("start", "Départ", "M-START", 0, 0, null),
            new TimingPoint("ste-henriette", "Terril Sainte-Henriette", "M-STE", 12, 210, null, null, true),
            new TimingPoint("estevelles", "Terril d'Estevelles", "M-EST-IN", 24, 480, null, "M-EST-OUT", false),
            new TimingPoint("finish", "Arrivée", "M-FINISH", 35, 700, null)));

    /** Passages at every point: "arrival" or "arrival/departure", elapsed from the gun. */
    static RunnerTiming runner(String... elapsed) {
        List<Passage> passages = new ArrayList<>();
        for (int order = 0; order < elapsed.length; order++) {
            TimingPoint point = COURSE.points().get(order);
            String[] times = elapsed[order].split("/");
            passages.add(new Passage(order, point.id(), point.name(), point.km(), GUN.plus(Duration.parse(times[0])),
                    null, times.length > 1 ? GUN.plus(Duration.parse(times[1])) : null));
        }
        return new RunnerTiming("35K", 1042, Status.ON_COURSE, GUN, passages, null, null);
    }

    static List<Doubt> doubts(RunnerTiming runner, Rules rules, Integer... vouched) {
        return DoubtfulPassagesTest.doubts(COURSE, runner, rules, vouched);
    }

    static List<Doubt> doubts(RunnerTiming runner, Integer... vouched) {
        return doubts(runner, ALL, vouched);
    }

    static List<Doubt> only(int index, Doubt why) {
        List<Doubt> doubts = Arrays.asList(new Doubt[4]);
        doubts.set(index, why);
        return doubts;
    }

    static final List<Doubt> GOOD = Arrays.asList(new Doubt[4]);

    @Test
    void arrivalsAndDeparturesInOrderAreGood() {
        assertEquals(GOOD, doubts(runner("PT0S", "PT1H10M/PT1H16M", "PT2H25M/PT2H41M", "PT3H40M")));
    }

    @Test
    void aDepartureBeforeItsArrivalIsOutOfSequence() {
        assertEquals(only(2, Doubt.OUT_OF_SEQUENCE),
                doubts(runner("PT0S", "PT1H10M/PT1H16M", "PT2H25M/PT2H05M", "PT3H40M")));
    }

    @Test
    void aDepartureAtItsArrivalIsOutOfSequenceTheInMatMissedTheRunner() {
        // what timing publishes when only the out mat read the runner
        assertEquals(only(2, Doubt.OUT_OF_SEQUENCE),
                doubts(runner("PT0S", "PT1H10M/PT1H16M", "PT2H41M/PT2H41M", "PT3H40M")));
        assertEquals(GOOD, doubts(runner("PT0S", "PT1H10M/PT1H16M", "PT2H41M/PT2H41M", "PT3H40M"), 2));
    }

    @Test
    void aDepartureRepeatedAsTheNextArrivalDoubtsBothPassages() {
        // Estevelles' arrival carries, to the second, the time the runner left Sainte-Henriette
        assertEquals(Arrays.asList(null, Doubt.SAME_AS_NEIGHBOUR, Doubt.SAME_AS_NEIGHBOUR, null),
                doubts(runner("PT0S", "PT1H10M/PT1H50M12.2S", "PT1H50M12.9S/PT2H41M", "PT3H40M")));
    }

    @Test
    void aDepartureRepeatedAtTheNextStationDoubtsBothPassages() {
        assertEquals(Arrays.asList(null, Doubt.SAME_AS_NEIGHBOUR, Doubt.SAME_AS_NEIGHBOUR, null),
                doubts(runner("PT0S", "PT1H10M/PT1H16M", "PT2H25M/PT1H16M", "PT3H40M")));
    }

    @Test
    void anArrivalRepeatedAsTheNextDepartureDoubtsBothPassages() {
        assertEquals(Arrays.asList(null, null, Doubt.SAME_AS_NEIGHBOUR, Doubt.SAME_AS_NEIGHBOUR),
                doubts(runner("PT0S", "PT1H10M/PT1H16M", "PT2H25M/PT3H40M", "PT3H40M")));
    }

    @Test
    void aNextArrivalBeforeTheDepartureDoubtsTheDepartureWhoseArrivalIsInOrder() {
        // the col's mat read the runner's chip in a crew bag 2 h after they went on
        RunnerTiming runner = runner("PT0S", "PT1H10M/PT3H15M", "PT2H25M/PT2H41M", "PT3H40M");
        assertEquals(only(1, Doubt.OUT_OF_SEQUENCE), doubts(runner));
        // an official set Sainte-Henriette's arrival: the next arrival takes the doubt
        assertEquals(only(2, Doubt.OUT_OF_SEQUENCE), doubts(runner, 1));
    }

    @Test
    void aSegmentsPaceRunsFromTheDeparture() {
        // 30 min from leaving Estevelles to the finish, where 33 min is the fastest: an hour from its arrival
        assertEquals(only(3, Doubt.TOO_FAST), doubts(runner("PT0S", "PT1H10M", "PT2H25M/PT2H55M", "PT3H25M")));
        assertEquals(GOOD, doubts(runner("PT0S", "PT1H10M", "PT2H25M/PT2H52M", "PT3H25M")));
    }

    @Test
    void withoutTheRulesDeparturesAreNotDoubted() {
        assertEquals(GOOD, doubts(runner("PT0S", "PT1H10M/PT1H05M", "PT1H05M/PT2H41M", "PT2H45M"), Rules.NONE));
    }

    @Test
    void theDepartureIsKeptAsItWas() {
        RunnerTiming runner = runner("PT0S", "PT1H10M/PT1H05M", "PT2H25M/PT2H41M", "PT3H40M");
        assertEquals(runner.passages().stream().map(Passage::departure).toList(),
                DoubtfulPassages.marked(runner, COURSE, Set.of(), ALL).passages().stream()
                        .map(Passage::departure).toList());
    }
}
