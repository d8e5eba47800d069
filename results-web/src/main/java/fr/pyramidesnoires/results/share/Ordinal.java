package fr.pyramidesnoires.results.share;

import fr.pyramidesnoires.results.language.Language;

/** A rank as words write it: 1er, 2e in French; 1st, 2nd, 3rd, 11th in English. */
public final class Ordinal {

    private Ordinal() {
    }

    public static String of(int rank, Language language) {
        if (language == Language.FR) {
            return rank + (rank == 1 ? "er" : "e");
        }
        int lastTwo = rank % 100;
        if (lastTwo >= 11 && lastTwo <= 13) {
            return rank + "th";
        }
        return rank + switch (rank % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }
}
