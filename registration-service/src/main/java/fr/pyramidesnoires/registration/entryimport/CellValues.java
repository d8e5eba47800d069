package fr.pyramidesnoires.registration.entryimport;

import fr.pyramidesnoires.events.EntryEvent;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values of an entry as other platforms write them, in French or English: each reading either answers the
 * value or throws an IllegalArgumentException saying, French then English, what was expected.
 */
public final class CellValues {

    /** Codes and words, accents and case set aside, as registration platforms and results files write them. */
    private static final Map<String, EntryEvent.Sex> SEXES = Map.ofEntries(
            Map.entry("f", EntryEvent.Sex.F), Map.entry("femme", EntryEvent.Sex.F),
            Map.entry("feminin", EntryEvent.Sex.F), Map.entry("female", EntryEvent.Sex.F),
            Map.entry("w", EntryEvent.Sex.F), Map.entry("woman", EntryEvent.Sex.F),
            Map.entry("women", EntryEvent.Sex.F), Map.entry("h", EntryEvent.Sex.H), Map.entry("m", EntryEvent.Sex.H),
            Map.entry("homme", EntryEvent.Sex.H), Map.entry("masculin", EntryEvent.Sex.H),
            Map.entry("male", EntryEvent.Sex.H), Map.entry("man", EntryEvent.Sex.H), Map.entry("men", EntryEvent.Sex.H),
            Map.entry("x", EntryEvent.Sex.X), Map.entry("nb", EntryEvent.Sex.X),
            Map.entry("non binaire", EntryEvent.Sex.X), Map.entry("non-binaire", EntryEvent.Sex.X),
            Map.entry("non-binary", EntryEvent.Sex.X), Map.entry("nonbinary", EntryEvent.Sex.X));
    private static final Set<String> YES = Set.of("oui", "o", "yes", "y", "true", "1");
    private static final Set<String> NO = Set.of("non", "n", "no", "false", "0");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern SLASHED_DATE = Pattern.compile("(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})");

    private CellValues() {
    }

    /** The one reading of a sex cell for every file an organiser uploads (entries, past editions). */
    public static EntryEvent.Sex sex(String cell) {
        EntryEvent.Sex sex = cell == null ? null : SEXES.get(Normalizer.normalize(cell, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").strip().toLowerCase(Locale.ROOT));
        if (sex == null) {
            throw new IllegalArgumentException("sexe « " + cell + " » : F, H, M, X, Femme, Homme, Female ou Male"
                    + " attendu / sex '" + cell + "': F, H, M, X, Female, Male, Femme or Homme expected");
        }
        return sex;
    }

    /** yyyy-MM-dd whatever the order; with slashes (or dots), the mapping's order of day and month. */
    static LocalDate date(String cell, ColumnMapping.DateOrder order) {
        String text = cell.strip();
        boolean dayFirst = order == ColumnMapping.DateOrder.DAY_MONTH_YEAR;
        try {
            Matcher iso = ISO_DATE.matcher(text);
            if (iso.matches()) {
                return LocalDate.of(number(iso, 1), number(iso, 2), number(iso, 3));
            }
            Matcher slashed = SLASHED_DATE.matcher(text);
            if (slashed.matches()) {
                return LocalDate.of(number(slashed, 3), number(slashed, dayFirst ? 2 : 1),
                        number(slashed, dayFirst ? 1 : 2));
            }
        } catch (DateTimeException e) {
            // a 31 February: said below as any date not understood
        }
        throw new IllegalArgumentException("'" + cell + "' : date attendue en "
                + (dayFirst ? "jj/mm/aaaa" : "mm/jj/aaaa") + " ou aaaa-mm-jj / a date as "
                + (dayFirst ? "dd/mm/yyyy" : "mm/dd/yyyy") + " or yyyy-mm-dd expected");
    }

    /** An ISO 3166 code, three letters as entries keep it, or two letters as many exports write it. */
    static String nationality(String cell) {
        String code = cell.strip().toUpperCase(Locale.ROOT);
        if (code.matches("[A-Z]{2}")) {
            try {
                return new Locale("", code).getISO3Country();
            } catch (MissingResourceException e) {
                throw new IllegalArgumentException("'" + cell + "' : aucun pays n'a ce code / no country has this"
                        + " code");
            }
        }
        return code;
    }

    static boolean yesNo(String cell) {
        String text = cell.strip().toLowerCase(Locale.ROOT);
        if (YES.contains(text) || NO.contains(text)) {
            return YES.contains(text);
        }
        throw new IllegalArgumentException("'" + cell + "' : oui ou non attendu / yes or no expected");
    }

    static int bib(String cell) {
        try {
            return Integer.parseInt(cell.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + cell + "' : un nombre entier attendu / a whole number expected");
        }
    }

    private static int number(Matcher matcher, int group) {
        return Integer.parseInt(matcher.group(group));
    }
}
