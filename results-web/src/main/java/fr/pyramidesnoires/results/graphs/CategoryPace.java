package fr.pyramidesnoires.results.graphs;

import fr.pyramidesnoires.results.runner.Splits;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A runner's pace on each segment against the median pace of their category (category and sex) on the same
 * segment. A segment runs from the point a runner last left on a good passage to the next good passage, as the
 * runner's splits count it: a doubtful passage is no part of it, and the time stopped at an aid station timed on
 * the way out is not in it. Only runners who did that very segment (same two points) count towards its median,
 * the runner included; a segment nobody else in the category did has no median, as comparing a runner with
 * themselves says nothing.
 */
public final class CategoryPace {

    /** From the point of order {@code from} to the point of order {@code to}. */
    public record Segment(int from, int to) {
    }

    private CategoryPace() {
    }

    /** A runner's pace, minutes per km, on each segment their splits have one for, in course order. */
    public static Map<Segment, Double> paces(List<Splits.Split> splits) {
        Map<Segment, Double> paces = new LinkedHashMap<>();
        Integer left = null;
        for (Splits.Split split : splits) {
            if (split.doubtful() != null) {
                continue;
            }
            if (left != null && split.paceMinKm() != null) {
                paces.put(new Segment(left, split.order()), split.paceMinKm());
            }
            left = split.order();
        }
        return paces;
    }

    /**
     * @param runner   the runner's paces
     * @param category the paces of everyone in the category, the runner included, one map per runner
     * @return the category's median on each of the runner's segments; a segment only the runner did is left out
     */
    public static Map<Segment, Double> medians(Map<Segment, Double> runner,
                                               Collection<Map<Segment, Double>> category) {
        Map<Segment, Double> medians = new LinkedHashMap<>();
        runner.keySet().forEach(segment -> {
            List<Double> paces = new ArrayList<>();
            category.forEach(paced -> {
                Double pace = paced.get(segment);
                if (pace != null) {
                    paces.add(pace);
                }
            });
            if (paces.size() > 1) {
                medians.put(segment, median(paces));
            }
        });
        return medians;
    }

    /** The middle value; between the two middle ones for an even count. Null for none. */
    public static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
