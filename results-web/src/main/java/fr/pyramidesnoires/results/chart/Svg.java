package fr.pyramidesnoires.results.chart;

import java.util.List;
import java.util.Locale;

/** What the charts share: text made safe for SVG and HTML, numbers written the same way, the series' looks. */
final class Svg {

    /** Distinct for the colour-blind as far as ten lines go, and each line has its own dash as well. */
    private static final List<String> COLOURS = List.of("#0b5394", "#d1495b", "#2e8540", "#e08e0b", "#6a3d9a",
            "#00798c", "#8c564b", "#c2185b", "#4d4d4d", "#7f7f00");
    private static final List<String> DASHES = List.of("", "6 3", "2 2", "8 3 2 3", "1 3", "10 4", "4 4",
            "6 2 2 2", "3 6", "12 3");

    private Svg() {
    }

    /** Runner names, point names and clubs come from organisers and entrants: none of it may become markup. */
    static String text(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder safe = new StringBuilder(raw.length());
        for (char c : raw.toCharArray()) {
            switch (c) {
                case '&' -> safe.append("&amp;");
                case '<' -> safe.append("&lt;");
                case '>' -> safe.append("&gt;");
                case '"' -> safe.append("&quot;");
                case '\'' -> safe.append("&#39;");
                default -> safe.append(c);
            }
        }
        return safe.toString();
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String colour(int series) {
        return COLOURS.get(series % COLOURS.size());
    }

    static String dash(int series) {
        String dash = DASHES.get(series % DASHES.size());
        return dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"";
    }

    /** The opening of a chart: it fills the width it is given, a phone's as a desktop's, and says what it shows. */
    static StringBuilder open(int width, int height, String title, String description, String id) {
        return new StringBuilder().append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width)
                .append(' ').append(height).append("\" role=\"img\" aria-labelledby=\"").append(id).append("-t ")
                .append(id).append("-d\" style=\"width:100%;max-width:").append(width)
                .append("px;height:auto;display:block\" font-family=\"system-ui, sans-serif\" font-size=\"12\">")
                .append("<title id=\"").append(id).append("-t\">").append(text(title)).append("</title>")
                .append("<desc id=\"").append(id).append("-d\">").append(text(description)).append("</desc>");
    }

    /** A chart and, for whoever does not see it, the same figures as a table to unfold. */
    static String figure(String svg, String tableCaption, List<String> headings, List<List<String>> rows) {
        StringBuilder html = new StringBuilder("<figure class=\"chart\" style=\"margin:1rem 0\">").append(svg)
                .append("<details><summary>").append(text(tableCaption)).append("</summary><table><caption>")
                .append(text(tableCaption)).append("</caption><thead><tr>");
        for (int i = 0; i < headings.size(); i++) {
            html.append("<th scope=\"col\"").append(i == 0 ? "" : " class=\"num\"").append('>')
                    .append(text(headings.get(i))).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            html.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                html.append(i == 0 ? "<th scope=\"row\">" : "<td class=\"num\">").append(text(row.get(i)))
                        .append(i == 0 ? "</th>" : "</td>");
            }
            html.append("</tr>");
        }
        return html.append("</tbody></table></details></figure>").toString();
    }

    /** Round steps (1, 2, 5 times a power of ten) spanning the values, about five of them. */
    static double step(double span, boolean whole) {
        if (span <= 0) {
            return 1;
        }
        double raw = span / 4;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / power < 1.5 ? power : raw / power < 3.5 ? 2 * power : raw / power < 7.5 ? 5 * power
                : 10 * power;
        return whole ? Math.max(1, Math.round(step)) : step;
    }
}
