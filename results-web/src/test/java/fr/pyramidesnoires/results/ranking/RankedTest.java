package fr.pyramidesnoires.results.ranking;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RankedTest {

    private final Competitor winner = Runner.bib(7).finished("9:41:03").build();

    @Test
    void aRankedLineHasARank() {
        assertTrue(new Ranked(winner, 1).isRanked());
    }

    @Test
    void aLineWithoutRankIsListedApart() {
        assertFalse(new Ranked(Runner.bib(301).dns().build(), null).isRanked());
    }

    @Test
    void ranksStartAtOne() {
        assertThrows(IllegalArgumentException.class, () -> new Ranked(winner, 0));
    }

    @Test
    void aLineIsAboutSomeone() {
        assertThrows(NullPointerException.class, () -> new Ranked(null, 1));
    }
}
