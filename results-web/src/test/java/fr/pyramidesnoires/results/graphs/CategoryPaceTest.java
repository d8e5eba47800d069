package fr.pyramidesnoires.results.graphs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fr.pyramidesnoires.events.CourseEvent;
import fr.pyramidesnoires.events.RunnerTiming.Doubt;
import fr.pyramidesnoires.events.RunnerTiming.Passage;
import fr.pyramidesnoires.results.graphs.CategoryPace.Segment;
import fr.pyramidesnoires.results.runner.Splits;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CategoryPaceTest {

    static final Instant GUN = Instant.parse("2027-03-20T08:00:00Z");
    static final List<CourseEvent.Point> POINTS = List.of(
            new CourseEvent.Point(0, "start", "Départ", 0, 0, null),
            new CourseEvent.Point(1, "ste-henriette", "Terril Sainte-Henriette", 12, 210, null),
            new CourseEvent.Point(2, "estevelles", "Terril d'Estevelles", 24, 480, null, true),
            new CourseEvent.Point(3, "finish", "Arrivée", 35, 700, null));

    static Passage at(int order, String elapsed) {
        CourseEvent.Point p = POINTS.get(order);
        return new Passage(order, p.id(), p.name(), p.km(), GUN.plus(Duration.parse(elapsed)));
    }

    static Map<Segment, Double> paces(Passage... passages) {
        return CategoryPace.paces(Splits.of(List.of(passages), GUN, Map.of(), Set.of(2)));
    }

    @Test
    void theMedianIsTheMiddlePaceOrBetweenTheTwoMiddleOnes() {
        assertEquals(7.0, CategoryPace.median(List.of(9.0, 5.0, 7.0)));
        assertEquals(6.5, CategoryPace.median(List.of(8.0, 5.0, 6.0, 7.0)));
        assertEquals(4.0, CategoryPace.median(List.of(4.0)));
        assertNull(CategoryPace.median(List.of()));
    }

    @Test
    void eachSegmentRunsFromThePointLastLeft() {
        assertEquals(Map.of(new Segment(0, 1), 7.5, new Segment(1, 2), 7.5),
                paces(at(0, "PT0S"), at(1, "PT1H30M"), at(2, "PT3H")));
    }

    @Test
    void theCategoryMedianOfEachSegmentCountsTheRunnerAndTheOthersWhoDidIt() {
        Map<Segment, Double> runner = paces(at(0, "PT0S"), at(1, "PT1H30M"), at(2, "PT3H"));
        List<Map<Segment, Double>> category = List.of(runner,
                paces(at(0, "PT0S"), at(1, "PT1H12M")),
                paces(at(0, "PT0S"), at(1, "PT1H36M"), at(2, "PT3H12M")),
                paces(at(0, "PT0S"), at(1, "PT2H")));

        Map<Segment, Double> medians = CategoryPace.medians(runner, category);

        // 6:00, 7:30, 8:00 and 10:00 /km to Sainte-Henriette: between 7:30 and 8:00
        assertEquals(7.75, medians.get(new Segment(0, 1)), 1e-9);
        // 7:30 and 8:00 /km on to Estevelles, by the only two who went on
        assertEquals(7.75, medians.get(new Segment(1, 2)), 1e-9);
    }

    @Test
    void aSegmentNobodyElseInTheCategoryDidHasNoMedian() {
        Map<Segment, Double> runner = paces(at(0, "PT0S"), at(1, "PT1H30M"), at(2, "PT3H"));
        List<Map<Segment, Double>> category = List.of(runner, paces(at(0, "PT0S"), at(1, "PT1H36M")));

        Map<Segment, Double> medians = CategoryPace.medians(runner, category);

        assertEquals(7.75, medians.get(new Segment(0, 1)), 1e-9);
        assertNull(medians.get(new Segment(1, 2)), "only the runner reached Estevelles");
        assertEquals(Map.of(), CategoryPace.medians(runner, List.of(runner)), "no one else at all");
    }

    @Test
    void aDoubtfulPassageIsNoSegmentEndNorStartAndIsLeftOutOfTheMedian() {
        Map<Segment, Double> runner = paces(at(0, "PT0S"), at(1, "PT1H30M"), at(2, "PT3H"));
        // her Sainte-Henriette read is doubtful: her one segment runs from the start to Estevelles
        Map<Segment, Double> doubted = paces(at(0, "PT0S"), at(1, "PT0H20M").doubted(Doubt.TOO_FAST), at(2, "PT2H"));
        assertEquals(Map.of(new Segment(0, 2), 5.0), doubted);

        Map<Segment, Double> medians = CategoryPace.medians(runner,
                List.of(runner, doubted, paces(at(0, "PT0S"), at(1, "PT1H36M"), at(2, "PT3H12M"))));

        assertEquals(7.75, medians.get(new Segment(0, 1)), 1e-9, "the 20-minute read is not a 1:40 /km pace");
        assertEquals(7.75, medians.get(new Segment(1, 2)), 1e-9);
    }

    @Test
    void theStopAtAnAidStationTimedOnTheWayOutIsNotInTheNextSegment() {
        // 30 minutes at Estevelles, then 11 km in 1 h 22 min 30 s
        Passage estevelles = at(2, "PT3H").departed(GUN.plus(Duration.parse("PT3H30M")));
        Map<Segment, Double> paces = paces(at(0, "PT0S"), at(1, "PT1H30M"), estevelles, at(3, "PT4H52M30S"));

        assertEquals(7.5, paces.get(new Segment(2, 3)), 1e-9);
    }
}
