package fr.pyramidesnoires.registration.entryimport;

import java.util.ArrayList;
import java.util.List;

/**
 * Another platform's CSV export, as spreadsheets and those platforms write it: UTF-8 with or without a BOM, cells
 * separated by semicolons (French) or commas (English), quoted when they hold a separator, a quote or a line break.
 */
final class ExportFile {

    /** One record of the file and the line it starts on, as the organiser's editor numbers it. */
    record Row(int line, List<String> cells) {
    }

    private ExportFile() {
    }

    /** Every record that is not blank, the header first. */
    static List<Row> rows(String text) {
        String file = text.startsWith("\uFEFF") ? text.substring(1) : text;
        char separator = separator(file);
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int rowLine = 1;
        for (int i = 0; i < file.length(); i++) {
            char c = file.charAt(i);
            boolean lineBreak = c == '\n' || c == '\r';
            if (lineBreak && !(c == '\n' && i > 0 && file.charAt(i - 1) == '\r')) {
                line++;
            }
            if (quoted && c == '"' && i + 1 < file.length() && file.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (lineBreak && !quoted) {
                end(rows, rowLine, cells, cell);
                rowLine = line;
            } else {
                cell.append(c);
            }
        }
        end(rows, rowLine, cells, cell);
        return rows;
    }

    private static void end(List<Row> rows, int line, List<String> cells, StringBuilder cell) {
        cells.add(cell.toString());
        cell.setLength(0);
        if (cells.stream().anyMatch(text -> !text.isBlank())) {
            rows.add(new Row(line, List.copyOf(cells)));
        }
        cells.clear();
    }

    /** The separator of the header line: whichever of ; and , it holds more of outside quotes. */
    private static char separator(String file) {
        int semicolons = 0;
        int commas = 0;
        boolean quoted = false;
        for (int i = 0; i < file.length() && (quoted || (file.charAt(i) != '\n' && file.charAt(i) != '\r')); i++) {
            char c = file.charAt(i);
            quoted ^= c == '"';
            semicolons += !quoted && c == ';' ? 1 : 0;
            commas += !quoted && c == ',' ? 1 : 0;
        }
        return commas > semicolons ? ',' : ';';
    }
}
