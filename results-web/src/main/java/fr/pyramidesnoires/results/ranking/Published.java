package fr.pyramidesnoires.results.ranking;

import fr.pyramidesnoires.events.RaceEvent.Publication;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A race's ranking cut down to what its organiser publishes: the whole ranking, or only who finished, in bib order,
 * with nothing that ranks them (no rank, time of day, race time or gap), with or without names, clubs and
 * nationalities.
 */
public final class Published {

    private Published() {
    }

    public static List<RankingRow> rows(List<RankingRow> ranking, Publication publication) {
        return switch (publication) {
            case RANKING -> ranking;
            case FINISHERS -> finishers(ranking).map(row -> new RankingRow(null, row.bib(), row.name(), row.club(),
                    row.category(), row.nationality(), row.status(), null, null, null, null, null, false)).toList();
            case FINISHER_BIBS -> finishers(ranking).map(row -> new RankingRow(null, row.bib(), null, null, null, null,
                    row.status(), null, null, null, null, null, false)).toList();
        };
    }

    private static Stream<RankingRow> finishers(List<RankingRow> ranking) {
        return ranking.stream().filter(row -> "FINISHED".equals(row.status()))
                .sorted(Comparator.comparingInt(RankingRow::bib));
    }
}
