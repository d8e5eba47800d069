package fr.pyramidesnoires.registration.admin;

import fr.pyramidesnoires.csv.CsvLine;
import fr.pyramidesnoires.problem.Problem;
import fr.pyramidesnoires.problem.ProblemException;
import fr.pyramidesnoires.registration.entry.Entry;
import fr.pyramidesnoires.registration.entry.EntryRefused;
import fr.pyramidesnoires.registration.entry.EntryStatus;
import fr.pyramidesnoires.registration.race.Race;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A race's bibs and chips from the organiser's spreadsheet, one entry a line:
 * {@code entry or licence or email;bib;chip},
 * a cell left empty keeping what the entry has. All of it or nothing: a list half applied would leave two runners
 * with one bib as often as not, so every line is checked before any is applied, and the lines at fault are answered
 * together.
 */
@ApplicationScoped
public class BibImport {

    /** The bib column's name on a first line that is a header, not an entry. */
    private static final Set<String> HEADERS = Set.of("bib", "dossard");

    /** The entries to change, each as its line asks. */
    record Assignment(int line, Entry entry, Integer bib, String chip) {
    }

    final EntryCorrections corrections;

    BibImport(EntryCorrections corrections) {
        this.corrections = corrections;
    }

    /** @return how many entries the list changed */
    @Transactional
    public int apply(String raceCode, String csv) {
        Race race = Race.lockForEntry(raceCode);
        if (race == null) {
            throw new EntryRefused(404, "unknown-race", "Aucune course " + raceCode + " / There is no race "
                    + raceCode);
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        List<Assignment> assignments = read(race, csv, errors);
        refuseHeld(assignments, errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(new Problem(Problem.TYPES + "bib-list-refused",
                    "Liste de dossards refusée / Bib list refused", 422, errors.size() + " ligne(s) en faute, rien"
                    + " n'est changé / " + errors.size() + " line(s) at fault, nothing changed", errors));
        }
        // the bibs and chips passed around within the list are let go first, so that a swap takes no one's number; a
        // bib let go is parked at its negative until its new one comes, a confirmed entry never being without one
        List<Assignment> changing = assignments.stream().filter(a -> changes(a.bib(), a.entry().bib)
                || changes(a.chip(), a.entry().chip)).toList();
        for (Assignment a : changing) {
            a.entry().bib = changes(a.bib(), a.entry().bib) ? -a.entry().bib : a.entry().bib;
            a.entry().chip = changes(a.chip(), a.entry().chip) ? null : a.entry().chip;
        }
        Entry.flush();
        for (Assignment a : changing) {
            corrections.correct(a.entry().id, new EntryChanges(null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, a.bib(), a.chip()));
        }
        return changing.size();
    }

    private static List<Assignment> read(Race race, String csv, List<Problem.FieldError> errors) {
        String[] lines = csv.replace("\uFEFF", "").split("\r\n|\r|\n");
        List<Assignment> assignments = new ArrayList<>();
        Map<Object, Integer> seen = new HashMap<>();
        for (int n = 1; n <= lines.length; n++) {
            String line = lines[n - 1];
            List<String> cells = CsvLine.read(line);
            boolean header = n == 1 && cells.size() > 1
                    && HEADERS.contains(cells.get(1).strip().toLowerCase(Locale.ROOT));
            if (line.isBlank() || header) {
                continue;
            }
            try {
                Assignment a = assignment(n, race, cells);
                once(a.entry().id, n, seen);
                once(a.bib() == null ? null : "bib " + a.bib(), n, seen);
                once(a.chip() == null ? null : "chip " + a.chip(), n, seen);
                assignments.add(a);
            } catch (IllegalArgumentException e) {
                errors.add(lineError(n, e.getMessage()));
            }
        }
        return assignments;
    }

    /** An entry, a bib or a chip named on two lines. */
    private static void once(Object key, int line, Map<Object, Integer> seen) {
        Integer before = key == null ? null : seen.putIfAbsent(key, line);
        if (before != null) {
            throw new IllegalArgumentException(key + " : déjà à la ligne " + before + " / " + key
                    + ": already on line " + before);
        }
    }

    private static Problem.FieldError lineError(int line, String why) {
        return new Problem.FieldError("ligne " + line + " / line " + line, why);
    }

    private static Assignment assignment(int line, Race race, List<String> cells) {
        if (cells.size() < 2 || cells.size() > 3) {
            throw new IllegalArgumentException("attendu : inscription, licence ou e-mail;dossard;puce"
                    + " / expected: entry, licence or email;bib;chip");
        }
        Entry entry = entry(race, cells.get(0).strip());
        String bibCell = cells.get(1).strip();
        String chip = cells.size() == 3 && !cells.get(2).isBlank() ? cells.get(2).strip() : null;
        Integer bib = null;
        if (!bibCell.isEmpty()) {
            try {
                bib = Integer.valueOf(bibCell);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("dossard " + bibCell + " : un nombre entier attendu / bib "
                        + bibCell + ": a whole number is expected");
            }
            if (bib < race.bibFirst || bib > race.bibLast) {
                throw new IllegalArgumentException("dossard " + bib + " hors de " + race.bibFirst + "-" + race.bibLast
                        + " / bib " + bib + " is not in " + race.bibFirst + "-" + race.bibLast);
            }
        }
        if (chip != null && !chip.matches(EntryChanges.CHIP)) {
            throw new IllegalArgumentException("puce : " + EntryChanges.CHIP_MESSAGE + " / chip: "
                    + EntryChanges.CHIP_MESSAGE);
        }
        if (entry.status != EntryStatus.CONFIRMED) {
            throw new IllegalArgumentException("l'inscription n'a pas de place / the entry has no place");
        }
        return new Assignment(line, entry, bib, chip);
    }

    /** By its id, or the one entry of the race with this licence or e-mail. */
    private static Entry entry(Race race, String key) {
        List<Entry> found;
        if (key.matches("\\p{XDigit}{8}-(\\p{XDigit}{4}-){3}\\p{XDigit}{12}")) {
            found = Entry.list("id = ?1 and raceCode = ?2", UUID.fromString(key), race.code);
        } else if (key.contains("@")) {
            found = Entry.list("lower(email) = ?1 and raceCode = ?2 and status <> ?3", key.toLowerCase(Locale.ROOT),
                    race.code, EntryStatus.CANCELLED);
        } else {
            found = Entry.list("licenceNumber = ?1 and raceCode = ?2 and status <> ?3", key, race.code,
                    EntryStatus.CANCELLED);
        }
        if (found.size() != 1) {
            throw new IllegalArgumentException((found.isEmpty() ? "aucune inscription " : "plusieurs inscriptions ")
                    + key + " dans " + race.code + " / " + (found.isEmpty() ? "no entry " : "several entries ") + key
                    + " in " + race.code);
        }
        return found.get(0);
    }

    /** A bib or chip held in the event by an entry the list does not give a new one. */
    private static void refuseHeld(List<Assignment> assignments, List<Problem.FieldError> errors) {
        Set<UUID> newBib = new HashSet<>();
        Set<UUID> newChip = new HashSet<>();
        for (Assignment a : assignments) {
            if (a.bib() != null) {
                newBib.add(a.entry().id);
            }
            if (a.chip() != null) {
                newChip.add(a.entry().id);
            }
        }
        for (Assignment a : assignments) {
            List<Entry> bibHolders = a.bib() == null ? List.of() : Entry.list("bib", a.bib());
            bibHolders.stream().filter(holder -> !newBib.contains(holder.id)).findFirst()
                    .ifPresent(holder -> errors.add(held(a, "dossard " + a.bib(), "bib " + a.bib(), holder)));
            List<Entry> chipHolders = a.chip() == null ? List.of() : Entry.list("chip", a.chip());
            chipHolders.stream().filter(holder -> !newChip.contains(holder.id)).findFirst()
                    .ifPresent(holder -> errors.add(held(a, "puce " + a.chip(), "chip " + a.chip(), holder)));
        }
    }

    private static Problem.FieldError held(Assignment a, String fr, String en, Entry holder) {
        return lineError(a.line(), fr + " : l'inscription " + holder.id + " (" + holder.raceCode + ") l'a déjà / "
                + en + ": held by entry " + holder.id + " (" + holder.raceCode + ")");
    }

    private static <T> boolean changes(T asked, T current) {
        return asked != null && !asked.equals(current);
    }
}
