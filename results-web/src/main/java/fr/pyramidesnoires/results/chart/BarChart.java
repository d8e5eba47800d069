package fr.pyramidesnoires.results.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One bar per timing point, stacked from parts that add up (passed in time, passed late, still on the way): plain
 * SVG as {@link LineChart}, with its description in words and its table.
 */
public final class BarChart {

    /** @param counts one per point */
    public record Part(String name, List<Integer> counts) {
    }

    /** @param id unique within the page; @param intro the description's first sentence */
    public record Look(String id, String title, String intro, String tableCaption, String pointHeading) {
    }

    private static final int WIDTH = 480;
    private static final int LEFT = 44;
    private static final int RIGHT = 8;
    private static final int TOP = 16;
    private static final int PLOT_HEIGHT = 170;
    private static final int LEGEND_ROW = 18;

    private final Look look;
    private final List<String> points;
    private final List<Part> parts;

    public BarChart(Look look, List<String> points, List<Part> parts) {
        this.look = Objects.requireNonNull(look);
        this.points = List.copyOf(points);
        this.parts = List.copyOf(parts);
        if (parts.stream().anyMatch(p -> p.counts().size() != points.size())) {
            throw new IllegalArgumentException("one count per point and part");
        }
    }

    public String html() {
        List<String> headings = new ArrayList<>();
        headings.add(look.pointHeading());
        parts.forEach(p -> headings.add(p.name()));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            List<String> row = new ArrayList<>();
            row.add(points.get(i));
            for (Part p : parts) {
                row.add(String.valueOf(p.counts().get(i)));
            }
            rows.add(row);
        }
        return Svg.figure(svg(), look.tableCaption(), headings, rows);
    }

    /** "Intro. Point: part 12, part 3. Point: ..." */
    public String description() {
        StringBuilder words = new StringBuilder(look.intro());
        for (int i = 0; i < points.size(); i++) {
            List<String> said = new ArrayList<>();
            for (Part p : parts) {
                said.add(p.name() + " " + p.counts().get(i));
            }
            words.append(' ').append(points.get(i)).append(" : ").append(String.join(", ", said)).append('.');
        }
        return words.toString();
    }

    public String svg() {
        int legendRows = (parts.size() + 1) / 2;
        int labels = 16 * Math.max(1, points.size() > 8 ? 2 : 1);
        int height = TOP + PLOT_HEIGHT + labels + 8 + legendRows * LEGEND_ROW;
        StringBuilder svg = Svg.open(WIDTH, height, look.title(), description(), look.id());
        int highest = 1;
        for (int i = 0; i < points.size(); i++) {
            int total = 0;
            for (Part p : parts) {
                total += p.counts().get(i);
            }
            highest = Math.max(highest, total);
        }
        double step = Svg.step(highest, true);
        double top = Math.ceil(highest / step) * step;
        int bottom = TOP + PLOT_HEIGHT;
        svg.append("<g stroke=\"#ccc\" fill=\"#555\">");
        for (double v = 0; v <= top + step / 1000; v += step) {
            String y = Svg.number(bottom - v / top * PLOT_HEIGHT);
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
                    .append(y).append("\" y2=\"").append(y).append("\"/><text stroke=\"none\" x=\"")
                    .append(LEFT - 4).append("\" y=\"").append(y).append("\" dy=\"4\" text-anchor=\"end\">")
                    .append(Math.round(v)).append("</text>");
        }
        svg.append("</g>");
        double slot = (WIDTH - LEFT - RIGHT) / (double) Math.max(1, points.size());
        double barWidth = Math.max(4, slot * 0.7);
        // about 6 units a letter at this size; on a long course labels alternate between two lines, twice the room
        int room = Math.max(3, (int) (slot * (points.size() > 8 ? 2 : 1) / 6));
        for (int i = 0; i < points.size(); i++) {
            double x = LEFT + slot * i + (slot - barWidth) / 2;
            double y = bottom;
            for (int p = 0; p < parts.size(); p++) {
                int count = parts.get(p).counts().get(i);
                double h = count / top * PLOT_HEIGHT;
                y -= h;
                if (count > 0) {
                    svg.append("<rect fill=\"").append(Svg.colour(p)).append("\" x=\"").append(Svg.number(x))
                            .append("\" y=\"").append(Svg.number(y)).append("\" width=\"")
                            .append(Svg.number(barWidth)).append("\" height=\"").append(Svg.number(h))
                            .append("\"><title>").append(Svg.text(points.get(i) + " — " + parts.get(p).name()
                                    + " " + count)).append("</title></rect>");
                }
            }
            // on a long course every other point's label goes one line down, so neighbours do not overlap
            int labelY = bottom + 14 + (points.size() > 8 && i % 2 == 1 ? 16 : 0);
            svg.append("<text fill=\"#555\" x=\"").append(Svg.number(x + barWidth / 2)).append("\" y=\"")
                    .append(labelY).append("\" text-anchor=\"middle\" font-size=\"10\">")
                    .append(Svg.text(shortName(points.get(i), room))).append("</text>");
        }
        for (int p = 0; p < parts.size(); p++) {
            int x = p % 2 == 0 ? LEFT : LEFT + (WIDTH - LEFT) / 2;
            int y = bottom + labels + 8 + (p / 2) * LEGEND_ROW;
            svg.append("<rect fill=\"").append(Svg.colour(p)).append("\" x=\"").append(x).append("\" y=\"")
                    .append(y).append("\" width=\"14\" height=\"12\"/><text x=\"").append(x + 20).append("\" y=\"")
                    .append(y + 10).append("\">").append(Svg.text(parts.get(p).name())).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    /**
     * A point's name under its bar, in the room there is: "Terril d'Estevelles" is "Estevelles", a name too long is
     * cut short. The table has the full names.
     */
    static String shortName(String point, int room) {
        String name = point.strip().replaceFirst("(?i)^terril\\s+", "").replaceFirst("(?i)^(de la |de |du |des |d')", "");
        return name.length() <= room ? name : name.substring(0, Math.max(1, room - 1)) + "…";
    }
}
