package fr.pyramidesnoires.results.finish;

import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.results.race.Group;
import fr.pyramidesnoires.results.race.Runner;
import fr.pyramidesnoires.results.ranking.Ranked;
import fr.pyramidesnoires.results.ranking.RankingRules;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Where each finisher of a race placed: overall, among their sex, and in their category (category and sex together,
 * as the ranking pages group them). The same rules as the rankings, applied to each group on its own, so the screen
 * and the certificate never say another rank than the ranking page filtered to that group.
 */
public final class Placings {

    /** @param category the rank within the runner's {@link Group} */
    public record Placing(int overall, int sex, int category) {
    }

    private final Map<Integer, Placing> byBib;

    private Placings(Map<Integer, Placing> byBib) {
        this.byBib = byBib;
    }

    public static Placings of(List<Runner> runners) {
        Map<Integer, Integer> overall = finisherRanks(runners);
        Map<Integer, Integer> bySex = new HashMap<>();
        runners.stream().collect(Collectors.groupingBy(r -> r.entry().sex())).values()
                .forEach(group -> bySex.putAll(finisherRanks(group)));
        Map<Integer, Integer> byCategory = new HashMap<>();
        runners.stream().collect(Collectors.groupingBy(Runner::group)).values()
                .forEach(group -> byCategory.putAll(finisherRanks(group)));
        return new Placings(overall.keySet().stream().collect(Collectors.toMap(Function.identity(),
                bib -> new Placing(overall.get(bib), bySex.get(bib), byCategory.get(bib)))));
    }

    /** @return empty for a runner who has not finished, or finished unranked */
    public Optional<Placing> of(int bib) {
        return Optional.ofNullable(byBib.get(bib));
    }

    /** Ranks of the finishers alone: runners on course rank after them and have no place yet. */
    private static Map<Integer, Integer> finisherRanks(Collection<Runner> runners) {
        Set<Integer> finished = runners.stream()
                .filter(r -> r.status() == RunnerTiming.Status.FINISHED)
                .map(r -> r.entry().bib()).collect(Collectors.toSet());
        return RankingRules.rank(runners.stream().map(r -> r.competitor(Set.of())).toList()).stream()
                .filter(Ranked::isRanked)
                .filter(r -> finished.contains(r.competitor().bib()))
                .collect(Collectors.toMap(r -> r.competitor().bib(), Ranked::rank));
    }
}
