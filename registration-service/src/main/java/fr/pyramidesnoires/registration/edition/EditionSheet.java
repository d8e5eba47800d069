package fr.pyramidesnoires.registration.edition;

import fr.pyramidesnoires.csv.CsvLine;
import fr.pyramidesnoires.registration.entryimport.CellValues;
import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.EventJson;
import fr.pyramidesnoires.events.PastResults;
import fr.pyramidesnoires.events.PastResults.Row;
import fr.pyramidesnoires.events.PastResults.Status;
import fr.pyramidesnoires.problem.PlainText;
import fr.pyramidesnoires.problem.Problem;
import fr.pyramidesnoires.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The results of one race of a past edition, read from the file the organiser kept (semicolon-separated, a header
 * line first) through a column mapping. All of it or nothing: a line at fault would leave a runner out of the
 * ranking, or rank them wrong, so every fault of the file is answered together, with its line.
 * <p>
 * Only the public fields are read; a column that carries personal data (birth date, e-mail, phone, address) is
 * never read, even when the mapping names it, and is listed in the answer as left out.
 */
public final class EditionSheet {

    /** A column of the file left out of the results, and why. */
    public record Ignored(String column, String why) {
    }

    /** What the file gave, and the columns it left out. */
    public record Read(PastResults results, List<Ignored> ignored) {
    }

    /** The fields a mapping may name, each with the headers French and English results files give it. */
    static final Map<String, List<String>> DEFAULT_HEADERS = defaults();

    private static Map<String, List<String>> defaults() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("rank", List.of("Clt", "Classement", "Place", "Rang", "Rank"));
        headers.put("bib", List.of("Dossard", "Doss", "Bib"));
        headers.put("lastName", List.of("Nom", "Last name", "Lastname"));
        headers.put("firstName", List.of("Prénom", "First name", "Firstname"));
        headers.put("sex", List.of("Sexe", "Sex"));
        headers.put("category", List.of("Cat", "Catégorie", "Category"));
        headers.put("club", List.of("Club"));
        headers.put("nationality", List.of("Nat", "Nationalité", "Pays", "Nationality"));
        headers.put("time", List.of("Temps", "Temps officiel", "Time"));
        headers.put("status", List.of("Statut", "Status"));
        headers.put("raceName", List.of("Course", "Race"));
        headers.put("distanceKm", List.of("Distance"));
        return headers;
    }

    private static final Set<String> REQUIRED = Set.of("bib", "lastName", "firstName", "sex", "time");

    /**
     * Words that start a word of a header saying what no results page may show; the shortest ("an", the birth
     * year of French results files, "tel") only as whole words.
     */
    private static final List<String> PERSONAL = List.of("naiss", "birth", "ddn", "ne le", "ne(e) le", "an",
            "annee", "age", "mail", "email", "courriel", "tel", "telephone", "phone", "portable", "mobile", "gsm",
            "adresse", "address", "urgence", "emergency", "licence", "license", "certificat");

    private static final Pattern TIME = Pattern.compile("(\\d{1,3}):([0-5]\\d):([0-5]\\d)(?:[.,](\\d{1,3}))?");
    private static final Pattern RACE_CODE = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final int MAX_TEXT = 100;

    private EditionSheet() {
    }

    /**
     * @param columns    the mapping, {@code field:Header,...}; a field it leaves out keeps its default headers
     * @param raceName   null when a column gives it
     * @param distanceKm null when a column gives it
     * @throws ProblemException a 422 listing every fault, by parameter and by line
     */
    public static Read read(int year, String raceCode, String raceName, String distanceKm, String columns,
                            String csv) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (year < 1900 || year > Year.now().getValue()) {
            errors.add(new Problem.FieldError("year", "une édition passée, de 1900 à cette année / a past edition,"
                    + " from 1900 to this year"));
        }
        if (raceCode == null || !RACE_CODE.matcher(raceCode).matches()) {
            errors.add(new Problem.FieldError("race", "lettres, chiffres, - ou _, 40 au plus / letters, digits, -"
                    + " or _, at most 40"));
        }
        Map<String, List<String>> mapping = mapping(columns, errors);
        String[] lines = (csv == null ? "" : csv).replace("\uFEFF", "").split("\r\n|\r|\n");
        int headerLine = 0;
        while (headerLine < lines.length && lines[headerLine].isBlank()) {
            headerLine++;
        }
        if (headerLine == lines.length) {
            throw refused(List.of(new Problem.FieldError("csv", "fichier vide : une ligne d'en-tête puis une ligne"
                    + " par coureur / empty file: a header line, then one line a runner")));
        }
        List<String> headers = CsvLine.read(lines[headerLine]).stream().map(String::strip).toList();
        Map<String, Integer> at = new HashMap<>();
        List<Ignored> ignored = new ArrayList<>();
        locate(mapping, headers, headerLine + 1, at, ignored, errors);
        if (!errors.isEmpty()) {
            throw refused(errors);
        }
        Sheet sheet = new Sheet(at);
        List<Row> rows = new ArrayList<>();
        Map<Integer, Integer> bibLines = new HashMap<>();
        for (int n = headerLine + 2; n <= lines.length; n++) {
            if (lines[n - 1].isBlank()) {
                continue;
            }
            try {
                Row row = sheet.row(CsvLine.read(lines[n - 1]));
                Integer before = bibLines.putIfAbsent(row.bib(), n);
                if (before != null) {
                    throw new IllegalArgumentException("dossard " + row.bib() + " déjà à la ligne " + before
                            + " / bib " + row.bib() + " already on line " + before);
                }
                rows.add(row);
            } catch (IllegalArgumentException e) {
                errors.add(lineError(n, e.getMessage()));
            }
        }
        String name = raceName != null && !raceName.isBlank() ? raceName.strip() : sheet.raceName;
        Double distance = sheet.distanceKm;
        if (distanceKm != null && !distanceKm.isBlank()) {
            try {
                distance = Sheet.distance(distanceKm.strip());
            } catch (IllegalArgumentException e) {
                distance = null;
            }
        }
        if (name == null || !PlainText.Check.isPlain(name) || name.length() > MAX_TEXT) {
            errors.add(new Problem.FieldError("raceName", "le nom de la course, en paramètre ou en colonne, 100"
                    + " caractères au plus / the race's name, as a parameter or a column, at most 100 characters"));
        }
        if (distance == null || !(distance > 0 && distance <= 1000)) {
            errors.add(new Problem.FieldError("distanceKm", "la distance en km, en paramètre ou en colonne, de 0 à"
                    + " 1000 / the distance in km, as a parameter or a column, from 0 to 1000"));
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new Problem.FieldError("csv", "aucune ligne de résultat / no result line"));
        }
        if (!errors.isEmpty()) {
            throw refused(errors);
        }
        PastResults results = new PastResults(year, raceCode, name, distance, ranked(rows, at.containsKey("rank")));
        refuseTooLarge(results);
        return new Read(results, ignored);
    }

    /** The defaults, with what the organiser's mapping names instead. */
    private static Map<String, List<String>> mapping(String columns, List<Problem.FieldError> errors) {
        Map<String, List<String>> mapping = new LinkedHashMap<>(DEFAULT_HEADERS);
        if (columns == null || columns.isBlank()) {
            return mapping;
        }
        for (String pair : columns.split(",")) {
            int colon = pair.indexOf(':');
            String field = colon < 0 ? pair.strip() : pair.substring(0, colon).strip();
            String header = colon < 0 ? "" : pair.substring(colon + 1).strip();
            if (!DEFAULT_HEADERS.containsKey(field)) {
                errors.add(new Problem.FieldError("columns", field + " : champ inconnu ou non public, seuls "
                        + DEFAULT_HEADERS.keySet() + " sont publiés / unknown or private field, only "
                        + DEFAULT_HEADERS.keySet() + " are published"));
            } else if (header.isEmpty()) {
                errors.add(new Problem.FieldError("columns", field + " : champ:En-tête attendu / field:Header"
                        + " expected"));
            } else {
                mapping.put(field, List.of(header));
            }
        }
        return mapping;
    }

    /** Where each field is in the file; the columns no field reads go to {@code ignored}. */
    private static void locate(Map<String, List<String>> mapping, List<String> headers, int line,
                               Map<String, Integer> at, List<Ignored> ignored, List<Problem.FieldError> errors) {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = headers.size() - 1; i >= 0; i--) {
            byName.put(plain(headers.get(i)), i);
        }
        mapping.forEach((field, names) -> {
            Integer column = names.stream().map(name -> byName.get(plain(name))).filter(c -> c != null)
                    .findFirst().orElse(null);
            boolean named = !names.equals(DEFAULT_HEADERS.get(field));
            if (column == null && (named || REQUIRED.contains(field))) {
                errors.add(lineError(line, "aucune colonne " + String.join(" ou ", names) + " pour " + field
                        + " / no column " + String.join(" or ", names) + " for " + field));
            } else if (column != null && personal(headers.get(column))) {
                errors.add(lineError(line, "la colonne " + headers.get(column) + " porte des données personnelles,"
                        + " jamais publiées / column " + headers.get(column) + " holds personal data, never"
                        + " published"));
            } else if (column != null) {
                at.put(field, column);
            }
        });
        for (int i = 0; i < headers.size(); i++) {
            if (!at.containsValue(i) && !headers.get(i).isEmpty()) {
                ignored.add(personal(headers.get(i))
                        ? new Ignored(headers.get(i), "données personnelles, ni lues ni publiées / personal data,"
                        + " neither read nor published")
                        : new Ignored(headers.get(i), "aucun champ ne la lit / no field reads it"));
            }
        }
    }

    static boolean personal(String header) {
        String words = " " + plain(header).replaceAll("[^a-z0-9()]+", " ") + " ";
        return PERSONAL.stream().anyMatch(word -> word.length() <= 3 ? words.contains(" " + word + " ")
                : words.contains(" " + word));
    }

    /** A header or a word as people type it: no accents, no case, no dots or extra spaces. */
    static String plain(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replace('.', ' ').replaceAll("\\s+", " ").strip();
    }

    /** Finishers by rank (their time where the file gives none), then the others as the file lists them. */
    private static List<Row> ranked(List<Row> rows, boolean ranksGiven) {
        List<Row> finishers = rows.stream().filter(r -> r.status() == Status.FINISHED)
                .sorted(Comparator.comparing(Row::timeMs)).toList();
        List<Row> ranked = new ArrayList<>();
        for (Row r : finishers) {
            int rank = ranksGiven ? r.rank() : 1 + (int) finishers.stream().filter(o -> o.timeMs() < r.timeMs()).count();
            ranked.add(new Row(rank, r.bib(), r.lastName(), r.firstName(), r.sex(), r.category(), r.club(),
                    r.nationality(), r.timeMs(), r.status()));
        }
        ranked.sort(Comparator.comparing(Row::rank));
        rows.stream().filter(r -> r.status() != Status.FINISHED).forEach(ranked::add);
        return ranked;
    }

    private static void refuseTooLarge(PastResults results) {
        int bytes = EventJson.write(results).getBytes(StandardCharsets.UTF_8).length;
        if (bytes > PastResults.MAX_BYTES) {
            throw new ProblemException(new Problem(Problem.TYPES + "past-results-too-large",
                    "Résultats trop volumineux / Results too large", 422, "ces " + results.rows().size()
                    + " lignes feraient un message de " + bytes + " octets, " + PastResults.MAX_BYTES + " au plus ;"
                    + " rien n'est publié / these " + results.rows().size() + " lines would make a message of "
                    + bytes + " bytes, at most " + PastResults.MAX_BYTES + "; nothing is published", List.of()));
        }
    }

    private static ProblemException refused(List<Problem.FieldError> errors) {
        return new ProblemException(new Problem(Problem.TYPES + "past-results-refused",
                "Résultats refusés / Results refused", 422, errors.size() + " faute(s), rien n'est publié / "
                + errors.size() + " fault(s), nothing is published", errors));
    }

    private static Problem.FieldError lineError(int line, String why) {
        return new Problem.FieldError("ligne " + line + " / line " + line, why);
    }

    /** The cells of one line, read by the columns the header gave. */
    private static final class Sheet {

        private final Map<String, Integer> at;
        String raceName;
        Double distanceKm;

        Sheet(Map<String, Integer> at) {
            this.at = at;
        }

        Row row(List<String> cells) {
            int bib = bib(cell(cells, "bib"));
            String lastName = cell(cells, "lastName");
            String firstName = cell(cells, "firstName");
            if (lastName == null && firstName != null) {
                throw new IllegalArgumentException("prénom sans nom : les deux, ou aucun pour un nom non publié"
                        + " / first name without last name: both, or neither for a withheld name");
            }
            EntryEvent.Sex sex = CellValues.sex(cell(cells, "sex"));
            String time = cell(cells, "time");
            String rank = cell(cells, "rank");
            Status status = status(cell(cells, "status"), time, rank);
            Long timeMs = status == Status.FINISHED ? time(time) : null;
            Integer place = status == Status.FINISHED && at.containsKey("rank") ? rank(rank) : null;
            sameOnEveryLine(cells);
            return new Row(place, bib, lastName, lastName == null ? null : firstName == null ? "" : firstName, sex,
                    cell(cells, "category"), cell(cells, "club"), cell(cells, "nationality"), timeMs, status);
        }

        /** Race name and distance, when columns give them, are the race's: the same on every line. */
        private void sameOnEveryLine(List<String> cells) {
            String name = cell(cells, "raceName");
            if (name != null && raceName != null && !name.equals(raceName)) {
                throw new IllegalArgumentException("course " + name + " et non " + raceName + " : une course par"
                        + " fichier / race " + name + ", not " + raceName + ": one race a file");
            }
            raceName = raceName == null ? name : raceName;
            String distance = cell(cells, "distanceKm");
            if (distance != null) {
                double km = distance(distance);
                if (distanceKm != null && km != distanceKm) {
                    throw new IllegalArgumentException("distance " + distance + " et non " + distanceKm + " / "
                            + "distance " + distance + ", not " + distanceKm);
                }
                distanceKm = km;
            }
        }

        /** The cell of a field, stripped; null when empty or when the file has no such column. */
        private String cell(List<String> cells, String field) {
            Integer column = at.get(field);
            String value = column == null || column >= cells.size() ? "" : cells.get(column).strip();
            if (!PlainText.Check.isPlain(value) || value.length() > MAX_TEXT) {
                throw new IllegalArgumentException(field + " : caractère invisible ou plus de " + MAX_TEXT
                        + " caractères / " + field + ": an invisible character or over " + MAX_TEXT + " characters");
            }
            return value.isEmpty() ? null : value;
        }

        private static int bib(String cell) {
            if (cell == null || !cell.matches("\\d{1,6}") || Integer.parseInt(cell) == 0) {
                throw new IllegalArgumentException("dossard " + (cell == null ? "vide" : cell) + " : un nombre"
                        + " entier au-dessus de 0 / bib " + (cell == null ? "empty" : cell) + ": a whole number"
                        + " above 0");
            }
            return Integer.parseInt(cell);
        }

        /** The status column's word, else a word in the time or rank cell, else a finisher. */
        private static Status status(String status, String time, String rank) {
            for (String cell : new String[] {status, time, rank}) {
                Status said = cell == null ? null : statusWord(cell);
                if (said != null) {
                    return said;
                }
            }
            if (status != null && !plain(status).matches("finished|finisher|arrive|arrivee|ok")) {
                throw new IllegalArgumentException("statut " + status + " : arrivé, DNF (abandon), DNS (non"
                        + " partant) ou DSQ (disqualifié) / status " + status + ": finished, DNF, DNS or DSQ");
            }
            return Status.FINISHED;
        }

        private static Status statusWord(String cell) {
            return switch (plain(cell).replaceAll("[^a-z ]", "").strip()) {
                case "dnf", "ab", "abd", "aband", "abandon", "abandonne" -> Status.DNF;
                case "dns", "np", "non partant", "absent" -> Status.DNS;
                case "dsq", "disq", "disqualifie", "disqualification" -> Status.DSQ;
                default -> null;
            };
        }

        private static long time(String cell) {
            Matcher m = TIME.matcher(cell == null ? "" : cell);
            if (!m.matches()) {
                throw new IllegalArgumentException("temps " + (cell == null ? "vide" : cell) + " : h:mm:ss ou"
                        + " hh:mm:ss(.s), ou DNF/abandon / time " + (cell == null ? "empty" : cell)
                        + ": h:mm:ss or hh:mm:ss(.s), or DNF/abandon");
            }
            String fraction = m.group(4) == null ? "0" : (m.group(4) + "00").substring(0, 3);
            return ((Long.parseLong(m.group(1)) * 60 + Long.parseLong(m.group(2))) * 60 + Long.parseLong(m.group(3)))
                    * 1000 + Long.parseLong(fraction);
        }

        private static int rank(String cell) {
            String digits = cell == null ? "" : cell.replaceFirst("(?i)(\\.|e|er|ère|eme|ème)$", "");
            if (!digits.matches("\\d{1,6}") || Integer.parseInt(digits) == 0) {
                throw new IllegalArgumentException("classement " + (cell == null ? "vide" : cell) + " : un nombre"
                        + " entier au-dessus de 0 pour un arrivant / rank " + (cell == null ? "empty" : cell)
                        + ": a whole number above 0 for a finisher");
            }
            return Integer.parseInt(digits);
        }

        private static double distance(String cell) {
            try {
                return Double.parseDouble(cell.replaceFirst("(?i)\\s*km$", "").replace(',', '.'));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("distance " + cell + " : en km, 55 ou 55,3 / distance " + cell
                        + ": in km, 55 or 55.3");
            }
        }
    }
}
