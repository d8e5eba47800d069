package fr.pyramidesnoires.registration.admin;

import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Semicolon-separated lines, as the results CSV and French spreadsheets expect. */
final class Csv {

    static final String MEDIA_TYPE = "text/csv;charset=UTF-8";

    private Csv() {
    }

    static Response download(StringBuilder csv, String fileName) {
        return Response.ok(csv.toString())
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    static String line(Object... cells) {
        return Arrays.stream(cells).map(Csv::cell).collect(Collectors.joining(";")) + "\n";
    }

    /**
     * Quoted when it holds the separator, a quote or a line break. A runner's own text that a spreadsheet would
     * run as a formula (=, +, -, @) gets a leading apostrophe, so that an export never runs what a runner typed.
     */
    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (value instanceof String && !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
