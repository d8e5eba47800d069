package fr.pyramidesnoires.results.ranking;

import fr.pyramidesnoires.events.RunnerTiming;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The ranking rules of the Trail des Pyramides Noires.
 *
 * <ul>
 *   <li>Finishers rank first, by official time.</li>
 *   <li>Runners still on course rank after every finisher, by the furthest timing point they reached, then by the
 *       time they reached it: the live ranking spectators follow from terril to terril.</li>
 *   <li>Equal performances share a rank and the ranks they take up are skipped (1, 2, 2, 4); tied runners are
 *       listed by bib.</li>
 *   <li>Runners not started, DNF, DSQ and DNS are listed apart, unranked, in that order.</li>
 * </ul>
 *
 * <p>The caller picks the group (overall, one sex, one category and sex) and ranks are within what it is given.
 * A result never depends on the order the competitors are given in: a live page refreshed from shuffled snapshots
 * must not make runners swap places.
 */
public final class RankingRules {

    /** Further along the course first; at the same point, whoever got there first. No read at all comes last. */
    private static final Comparator<Competitor> FURTHEST_FIRST = Comparator
            .comparingInt((Competitor runner) -> runner.furthestOrder().orElse(-1)).reversed()
            .thenComparing(runner -> runner.furthestTime().orElse(Instant.MAX));

    private static final Comparator<Competitor> BY_BIB = Comparator.comparingInt(Competitor::bib);

    private RankingRules() {
    }

    /**
     * The race ranking, live: finishers, then runners on course, then the unranked listed apart.
     *
     * @param competitors one group of one race, each runner once
     * @throws IllegalArgumentException if a bib appears twice
     */
    public static List<Ranked> rank(Collection<Competitor> competitors) {
        Map<Standing, List<Competitor>> field = byStanding(field(competitors));
        List<Competitor> finishers = field.get(Standing.FINISHED);
        Comparator<Competitor> fastestFirst = Comparator.comparing(FinishTimes.of(finishers),
                Comparator.nullsLast(Comparator.naturalOrder()));

        List<Ranked> results = new ArrayList<>(competitors.size());
        results.addAll(ranked(finishers, fastestFirst, 1));
        // Nobody still out there can be ahead of someone who has finished.
        results.addAll(ranked(field.get(Standing.ON_COURSE), FURTHEST_FIRST, finishers.size() + 1));
        results.addAll(listedApart(field.get(Standing.NOT_STARTED), BY_BIB));
        // A DNF line shows how far the runner got.
        results.addAll(listedApart(field.get(Standing.DNF), FURTHEST_FIRST));
        results.addAll(listedApart(field.get(Standing.DSQ), BY_BIB));
        results.addAll(listedApart(field.get(Standing.DNS), BY_BIB));
        return List.copyOf(results);
    }

    /**
     * The ranking at one timing point: who got there first. A runner who withdrew later is listed here, since they
     * did get there, but after the ranked runners and without a rank: a runner out of the race leads no aid station.
     * A disqualified runner is not listed anywhere. Runners not read at the point are left out.
     *
     * @param competitors one group of one race, each runner once
     * @param pointOrder  the point's order along the course, 0 for the start
     * @throws IllegalArgumentException if a bib appears twice
     */
    public static List<Ranked> rankAt(Collection<Competitor> competitors, int pointOrder) {
        List<Competitor> passed = field(competitors).stream()
                .filter(runner -> runner.status() != RunnerTiming.Status.DSQ)
                .filter(runner -> runner.timeAt(pointOrder).isPresent())
                .toList();
        Comparator<Competitor> firstThere = Comparator.comparing(runner -> runner.timeAt(pointOrder).orElseThrow());
        List<Ranked> results = new ArrayList<>(ranked(passed.stream()
                .filter(runner -> runner.status() != RunnerTiming.Status.DNF).toList(), firstThere, 1));
        results.addAll(listedApart(passed.stream()
                .filter(runner -> runner.status() == RunnerTiming.Status.DNF).toList(), firstThere));
        return List.copyOf(results);
    }

    // A runner level with the one listed just before shares their rank; the next one down takes the rank of their
    // position, so the ranks taken up by the tie are skipped.
    private static List<Ranked> ranked(List<Competitor> runners, Comparator<Competitor> performance, int firstRank) {
        List<Competitor> listed = runners.stream().sorted(performance.thenComparing(BY_BIB)).toList();
        List<Ranked> ranked = new ArrayList<>(listed.size());
        for (int i = 0; i < listed.size(); i++) {
            Competitor runner = listed.get(i);
            boolean level = i > 0 && performance.compare(listed.get(i - 1), runner) == 0;
            ranked.add(new Ranked(runner, level ? ranked.get(i - 1).rank() : firstRank + i));
        }
        return ranked;
    }

    private static List<Ranked> listedApart(List<Competitor> runners, Comparator<Competitor> order) {
        return runners.stream()
                .sorted(order.thenComparing(BY_BIB))
                .map(runner -> new Ranked(runner, null))
                .toList();
    }

    private static Map<Standing, List<Competitor>> byStanding(List<Competitor> field) {
        Map<Standing, List<Competitor>> byStanding = new EnumMap<>(Standing.class);
        for (Standing standing : Standing.values()) {
            byStanding.put(standing, new ArrayList<>());
        }
        field.forEach(runner -> byStanding.get(Standing.of(runner)).add(runner));
        return byStanding;
    }

    // The bib is the last tie-break, so two entries with one bib would be listed in whatever order they came in.
    private static List<Competitor> field(Collection<Competitor> competitors) {
        Objects.requireNonNull(competitors, "competitors");
        Set<Integer> bibs = new HashSet<>();
        for (Competitor runner : competitors) {
            Objects.requireNonNull(runner, "competitor");
            if (!bibs.add(runner.bib())) {
                throw new IllegalArgumentException("bib " + runner.bib() + " is given twice");
            }
        }
        return List.copyOf(competitors);
    }
}
