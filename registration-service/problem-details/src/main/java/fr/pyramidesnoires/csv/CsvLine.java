package fr.pyramidesnoires.csv;

import java.util.Arrays;
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
