package fr.pyramidesnoires.results.graphs;

import fr.pyramidesnoires.results.ranking.Competitor;
import fr.pyramidesnoires.results.ranking.Ranked;
import fr.pyramidesnoires.results.ranking.RankingRules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * How far behind the leader some runners were at each timing point: their time there less the time of whoever
 * reached it first (the point's own leader, ranked as the point's page ranks: a runner who withdrew leads no
 * point). Nothing at the start, where crossing the mat first wins nothing, nor where the runner has no good
 * passage.
 */
public final class LeaderGaps {

    /** @param gaps one per point order from the start (order 0, always null) to the finish */
    public record Line(int bib, List<Duration> gaps) {
    }

    private LeaderGaps() {
    }

    /**
     * @param field  the whole race, each runner once, their good passages only
     * @param bibs   the runners whose lines are wanted, in the order wanted
     * @param points how many points the course has, start and finish included
     */
    public static List<Line> of(Collection<Competitor> field, List<Integer> bibs, int points) {
        List<Optional<Instant>> led = new ArrayList<>();
        for (int order = 0; order < points; order++) {
            List<Ranked> ranked = RankingRules.rankAt(field, order);
            led.add(ranked.isEmpty() || !ranked.get(0).isRanked() ? Optional.empty()
                    : ranked.get(0).competitor().timeAt(order));
        }
        List<Line> lines = new ArrayList<>();
        for (int bib : bibs) {
            Competitor runner = field.stream().filter(c -> c.bib() == bib).findFirst().orElseThrow(
                    () -> new IllegalArgumentException("bib " + bib + " is not in the field"));
            List<Duration> gaps = new ArrayList<>();
            gaps.add(null);
            for (int order = 1; order < points; order++) {
                Optional<Instant> leader = led.get(order);
                gaps.add(leader.isEmpty() ? null : runner.timeAt(order)
                        .map(at -> Duration.between(leader.get(), at))
                        .filter(gap -> !gap.isNegative()).orElse(null));
            }
            lines.add(new Line(bib, gaps));
        }
        return lines;
    }
}
