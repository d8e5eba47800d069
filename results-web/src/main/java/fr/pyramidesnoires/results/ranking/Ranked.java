package fr.pyramidesnoires.results.ranking;

import java.util.Objects;

/**
 * A competitor's line in a ranking.
 *
 * @param rank 1 for the first; equal performances share a rank. Null for runners listed apart, who are not ranked
 *             (not started, DNF, DSQ, DNS).
 */
public record Ranked(Competitor competitor, Integer rank) {

    public Ranked {
        Objects.requireNonNull(competitor, "competitor");
        if (rank != null && rank < 1) {
            throw new IllegalArgumentException("rank starts at 1: " + rank);
        }
    }

    public boolean isRanked() {
        return rank != null;
    }
}
