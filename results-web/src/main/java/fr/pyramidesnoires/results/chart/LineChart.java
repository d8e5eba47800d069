package fr.pyramidesnoires.results.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleFunction;

/**
 * Lines along the course: one value per timing point for each series, placed by the points' distance. Drawn as
 * plain SVG that scales to the width it is given, titled and described in words for screen readers, with the
 * figures as a table to unfold for whoever cannot read a chart.
 */
public final class LineChart {

    /** @param values one per point, null where the series has no value (a line breaks there) */
    public record Series(String name, List<Double> values) {
    }

    /**
     * What the chart shows, the words around its figures and how they are written.
     *
     * @param id            unique within the page: the SVG's title and description are referred to by it
     * @param intro         the description's first sentence, before the figures in words
     * @param pointHeading  the table's first column, and the horizontal axis's name ("km")
     * @param format        how a value is written on the axis, in the description and the table
     * @param whole         whether values are whole (ranks, counts): the axis then has whole steps only
     * @param lowerIsBetter draws the lowest value on top, as a rank 1 is
     */
    public record Look(String id, String title, String intro, String tableCaption, String pointHeading,
                       String distanceUnit, DoubleFunction<String> format, boolean whole, boolean lowerIsBetter) {
    }

    private static final int WIDTH = 480;
    private static final int LEFT = 52;
    private static final int RIGHT = 12;
    private static final int TOP = 12;
    private static final int PLOT_HEIGHT = 180;
    private static final int AXIS_HEIGHT = 34;
    private static final int LEGEND_ROW = 18;

    private final Look look;
    private final List<String> points;
    private final List<Double> km;
    private final List<Series> series;

    /**
     * @param points the timing points' names, in course order
     * @param km     their distance from the start, in the unit the page writes distances in
     */
    public LineChart(Look look, List<String> points, List<Double> km, List<Series> series) {
        this.look = Objects.requireNonNull(look);
        this.points = List.copyOf(points);
        this.km = List.copyOf(km);
        this.series = List.copyOf(series);
        if (points.size() != km.size() || series.stream().anyMatch(s -> s.values().size() != points.size())) {
            throw new IllegalArgumentException("one distance and one value per point and series");
        }
    }

    /** Whether there is any value to draw at all. */
    public boolean isEmpty() {
        return series.stream().allMatch(s -> s.values().stream().allMatch(Objects::isNull));
    }

    /** The figure: the chart and its table. */
    public String html() {
        List<String> headings = new ArrayList<>();
        headings.add(look.pointHeading());
        series.forEach(s -> headings.add(s.name()));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            List<String> row = new ArrayList<>();
            row.add(points.get(i));
            for (Series s : series) {
                row.add(written(s.values().get(i)));
            }
            rows.add(row);
        }
        return Svg.figure(svg(), look.tableCaption(), headings, rows);
    }

    /** The figures in words: "Intro. Name : Point — value, Point — value." A series without values says nothing. */
    public String description() {
        StringBuilder words = new StringBuilder(look.intro());
        for (Series s : series) {
            List<String> said = new ArrayList<>();
            for (int i = 0; i < points.size(); i++) {
                if (s.values().get(i) != null) {
                    said.add(points.get(i) + " — " + written(s.values().get(i)));
                }
            }
            if (!said.isEmpty()) {
                words.append(' ').append(s.name()).append(" : ").append(String.join(", ", said)).append('.');
            }
        }
        return words.toString();
    }

    public String svg() {
        int legendRows = series.size() < 2 ? 0 : (series.size() + 1) / 2;
        int height = TOP + PLOT_HEIGHT + AXIS_HEIGHT + legendRows * LEGEND_ROW + 4;
        StringBuilder svg = Svg.open(WIDTH, height, look.title(), description(), look.id());
        List<Double> all = series.stream().flatMap(s -> s.values().stream()).filter(Objects::nonNull).toList();
        double low = all.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double high = all.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        if (look.lowerIsBetter() && look.whole()) {
            low = Math.min(low, 1);
        } else {
            low = Math.min(low, 0);
        }
        double step = Svg.step(high - low, look.whole());
        double from = Math.floor(low / step) * step;
        double to = Math.max(Math.ceil(high / step) * step, from + step);
        if (look.lowerIsBetter() && look.whole() && from < 1) {
            from = 1;
        }
        double firstKm = km.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double lastKm = km.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        Scale scale = new Scale(from, to, firstKm, lastKm, look.lowerIsBetter());

        svg.append("<g stroke=\"#ccc\" fill=\"#555\">");
        for (double v = from; v <= to + step / 1000; v += step) {
            String y = Svg.number(scale.y(v));
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
                    .append(y).append("\" y2=\"").append(y).append("\"/>")
                    .append("<text stroke=\"none\" x=\"").append(LEFT - 4).append("\" y=\"").append(y)
                    .append("\" dy=\"4\" text-anchor=\"end\">").append(Svg.text(look.format().apply(v)))
                    .append("</text>");
        }
        int axisY = TOP + PLOT_HEIGHT;
        svg.append("<line stroke=\"#555\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                .append("\" y1=\"").append(axisY).append("\" y2=\"").append(axisY).append("\"/>");
        double lastLabel = Double.NEGATIVE_INFINITY;
        for (double d : km) {
            double x = scale.x(d);
            svg.append("<line stroke=\"#555\" x1=\"").append(Svg.number(x)).append("\" x2=\"")
                    .append(Svg.number(x)).append("\" y1=\"").append(axisY).append("\" y2=\"").append(axisY + 4)
                    .append("\"/>");
            // twenty terrils on a phone: a label that would run into the previous one is left to the table
            if (x - lastLabel >= 26) {
                svg.append("<text stroke=\"none\" x=\"").append(Svg.number(x)).append("\" y=\"").append(axisY + 16)
                        .append("\" text-anchor=\"middle\">").append(Math.round(d)).append("</text>");
                lastLabel = x;
            }
        }
        svg.append("<text stroke=\"none\" x=\"").append(WIDTH - RIGHT).append("\" y=\"").append(axisY + 30)
                .append("\" text-anchor=\"end\">").append(Svg.text(look.distanceUnit())).append("</text></g>");

        for (int s = 0; s < series.size(); s++) {
            svg.append("<g fill=\"none\" stroke=\"").append(Svg.colour(s)).append("\" stroke-width=\"2\"")
                    .append(Svg.dash(s)).append("><path d=\"");
            boolean drawing = false;
            List<Double> values = series.get(s).values();
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) == null) {
                    drawing = false;
                    continue;
                }
                svg.append(drawing ? " L" : " M").append(Svg.number(scale.x(km.get(i)))).append(' ')
                        .append(Svg.number(scale.y(values.get(i))));
                drawing = true;
            }
            svg.append("\"/>");
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) != null) {
                    svg.append("<circle stroke-dasharray=\"none\" fill=\"").append(Svg.colour(s)).append("\" r=\"3\" cx=\"")
                            .append(Svg.number(scale.x(km.get(i)))).append("\" cy=\"")
                            .append(Svg.number(scale.y(values.get(i)))).append("\"/>");
                }
            }
            svg.append("</g>");
        }
        for (int s = 0; legendRows > 0 && s < series.size(); s++) {
            int x = s % 2 == 0 ? LEFT : LEFT + (WIDTH - LEFT) / 2;
            int y = axisY + AXIS_HEIGHT + (s / 2) * LEGEND_ROW + 10;
            svg.append("<line stroke=\"").append(Svg.colour(s)).append("\" stroke-width=\"2\"").append(Svg.dash(s))
                    .append(" x1=\"").append(x).append("\" x2=\"").append(x + 24).append("\" y1=\"").append(y)
                    .append("\" y2=\"").append(y).append("\"/><text x=\"").append(x + 30).append("\" y=\"")
                    .append(y + 4).append("\">").append(Svg.text(series.get(s).name())).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    private String written(Double value) {
        return value == null ? "—" : look.format().apply(value);
    }

    private record Scale(double from, double to, double firstKm, double lastKm, boolean lowestOnTop) {

        double x(double km) {
            double width = WIDTH - LEFT - RIGHT;
            return lastKm <= firstKm ? LEFT + width / 2 : LEFT + (km - firstKm) / (lastKm - firstKm) * width;
        }

        double y(double value) {
            double share = (value - from) / (to - from);
            return TOP + (lowestOnTop ? share : 1 - share) * PLOT_HEIGHT;
        }
    }
}
