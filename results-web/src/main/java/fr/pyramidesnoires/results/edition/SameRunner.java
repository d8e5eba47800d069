package fr.pyramidesnoires.results.edition;

import fr.pyramidesnoires.events.EntryEvent;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Who counts as the same runner from one edition to another, since no id lasts across the years: the same last and
 * first names once accents, case, hyphens, apostrophes and spaces are set aside, and the same sex. "LEFÈBVRE
 * Jean-Marc" of 2016 is "Lefebvre Jean Marc" of 2027. Two runners of one name and sex are taken as one; a withheld
 * name matches nobody, so a runner who refused publication is never linked.
 */
public final class SameRunner {

    private SameRunner() {
    }

    /** @return the runner's key, equal for the same runner in every edition; null for a withheld name */
    public static String key(String lastName, String firstName, EntryEvent.Sex sex) {
        if (lastName == null || lastName.isBlank() || sex == null) {
            return null;
        }
        return plain(lastName + " " + (firstName == null ? "" : firstName)) + "|" + sex.name();
    }

    static String plain(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae").replace("ß", "ss");
        return folded.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
