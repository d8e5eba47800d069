package fr.pyramidesnoires.csv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One line of the semicolon-separated files French spreadsheets open, with the one rule every export of the
 * platform follows: a cell never runs as a formula, whatever a runner typed as their name or club.
 */
public final class CsvLine {

    /** What a spreadsheet takes as the start of a formula, or strips before looking for one. */
    private static final String FORMULA_START = "=+-@\t\r";

    private CsvLine() {
    }

    /**
     * The cells of one line as {@link #cell} wrote them: unquoted, and the apostrophe that kept a formula from
     * running taken off again, so that a file exported here and imported back reads as it was.
     */
    public static List<String> read(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ';' && !quoted) {
                cells.add(unescaped(cell.toString()));
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(unescaped(cell.toString()));
        return cells;
    }

    private static String unescaped(String text) {
        return text.length() > 1 && text.charAt(0) == '\'' && FORMULA_START.indexOf(text.charAt(1)) >= 0
                ? text.substring(1) : text;
    }

    public static String of(Object... cells) {
        return Arrays.stream(cells).map(CsvLine::cell).collect(Collectors.joining(";")) + "\n";
    }

    /**
     * Text starting like a formula gets a leading apostrophe, which spreadsheets show as text and do not run.
     * Numbers, dates and codes are the platform's own, never typed by a runner: a negative number stays a number.
     * Quoted when it holds the separator, a quote or a line break, a lone CR included (some spreadsheets end a
     * line on it).
     */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (value instanceof String && !text.isEmpty() && FORMULA_START.indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
