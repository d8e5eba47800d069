package fr.pyramidesnoires.results.course;

import fr.pyramidesnoires.events.CourseEvent;
import fr.pyramidesnoires.events.RunnerTiming.Status;
import fr.pyramidesnoires.results.ranking.RaceTimes;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The course profile of a race as the page draws it in SVG, in the drawing's own units (a {@link #WIDTH} by
 * {@link #HEIGHT} view box that the browser scales to the screen): the profile's line and the area under it, a
 * vertical mark at each timing point, the km along the bottom, and every placed runner on the line.
 *
 * @param area    the path under the profile, filled
 * @param line    the profile itself
 * @param at      the instant the runners are placed at
 * @param time    the same, as a time of day in the event's zone
 * @param top     the height at the top of the plot, in metres (or the climb so far without a track)
 * @param bottom  the height at the bottom of the plot
 * @param runners leaders last, so that they are drawn over the others
 */
public record ProfileDrawing(String race, String area, String line, List<PointMark> points, List<Tick> ticks,
                             List<RunnerMark> runners, Instant at, String time, boolean fromTrack, long top, long bottom) {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 320;
    static final double LEFT = 44;
    static final double RIGHT = WIDTH - 8;
    static final double PLOT_TOP = 12;
    static final double PLOT_BOTTOM = 250;
    /** Samples of the profile line at most: about one per unit across, whatever the track's number of points. */
    static final int LINE_SAMPLES = 300;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final int[] TICK_STEPS = {1, 2, 5, 10, 20, 25, 50, 100};

    /** @param cutoff the latest passage allowed, counted from the gun, "4:30:00"; null where there is none */
    public record PointMark(String name, double km, double x, String cutoff) {
    }

    public record Tick(double km, double x) {
    }

    /**
     * @param key      "race/bib", as followed runners are kept in the browser
     * @param name     null for a runner who refused its publication
     * @param finisher at the finish
     */
    public record RunnerMark(int bib, String name, String key, double km, double x, double y, boolean leader,
                             boolean finisher) {
    }

    public static ProfileDrawing of(String race, CourseEvent course, List<Positions.Position> positions, Instant at,
                                    ZoneId zone) {
        CourseProfile profile = CourseProfile.of(course);
        double length = Math.max(course.points().get(course.points().size() - 1).km(),
                profile.samples().get(profile.samples().size() - 1).km());
        double low = profile.samples().stream().mapToDouble(CourseProfile.Sample::elevationM).min().orElse(0);
        double high = profile.samples().stream().mapToDouble(CourseProfile.Sample::elevationM).max().orElse(0);
        // round numbers at the top and bottom, some room above the highest point, and a flat course still drawn
        long bottom = (long) Math.floor(low / 10) * 10;
        long top = Math.max(bottom + 20, (long) Math.ceil((high + (high - low) * 0.1) / 10) * 10);
        Scale scale = new Scale(length, bottom, top);

        List<double[]> along = new ArrayList<>();
        if (profile.fromTrack()) {
            for (int i = 0; i <= LINE_SAMPLES; i++) {
                double km = length * i / LINE_SAMPLES;
                along.add(new double[] {scale.x(km), scale.y(profile.elevationAt(km))});
            }
        } else {
            profile.samples().forEach(s -> along.add(new double[] {scale.x(s.km()), scale.y(s.elevationM())}));
        }
        StringBuilder line = new StringBuilder();
        for (double[] xy : along) {
            line.append(line.isEmpty() ? "M" : " L").append(number(xy[0])).append(' ').append(number(xy[1]));
        }
        String area = line + " L" + number(along.get(along.size() - 1)[0]) + " " + number(PLOT_BOTTOM)
                + " L" + number(along.get(0)[0]) + " " + number(PLOT_BOTTOM) + " Z";

        List<PointMark> points = course.points().stream().map(p -> new PointMark(p.name(), p.km(),
                round(scale.x(p.km())), p.cutoff() == null ? null : RaceTimes.format(p.cutoff()))).toList();
        int step = tickStep(length);
        List<Tick> ticks = new ArrayList<>();
        for (int km = 0; km <= length; km += step) {
            ticks.add(new Tick(km, round(scale.x(km))));
        }
        List<RunnerMark> runners = new ArrayList<>();
        positions.stream().filter(p -> !p.leader()).forEach(p -> runners.add(mark(race, p, profile, scale)));
        positions.stream().filter(Positions.Position::leader).forEach(p -> runners.add(mark(race, p, profile, scale)));
        return new ProfileDrawing(race, area, line.toString(), points, List.copyOf(ticks), List.copyOf(runners), at,
                CLOCK.format(at.atZone(zone)), profile.fromTrack(), top, bottom);
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public double plotTop() {
        return PLOT_TOP;
    }

    public double plotBottom() {
        return PLOT_BOTTOM;
    }

    public double left() {
        return LEFT;
    }

    public double right() {
        return RIGHT;
    }

    public long leaders() {
        return runners.stream().filter(RunnerMark::leader).count();
    }

    public long finishers() {
        return runners.stream().filter(RunnerMark::finisher).count();
    }

    private static RunnerMark mark(String race, Positions.Position p, CourseProfile profile, Scale scale) {
        return new RunnerMark(p.bib(), p.name(), race + "/" + p.bib(), Math.round(p.km() * 1000) / 1000.0,
                round(scale.x(p.km())), round(scale.y(profile.elevationAt(p.km()))), p.leader(),
                p.status() == Status.FINISHED);
    }

    /** The km between two ticks: a round step giving at most six ticks, so that their labels fit on a phone. */
    static int tickStep(double length) {
        for (int step : TICK_STEPS) {
            if (length / step <= 6) {
                return step;
            }
        }
        return TICK_STEPS[TICK_STEPS.length - 1];
    }

    private record Scale(double length, double bottom, double top) {

        double x(double km) {
            return LEFT + (length <= 0 ? 0 : km / length * (RIGHT - LEFT));
        }

        double y(double elevation) {
            return PLOT_BOTTOM - (elevation - bottom) / (top - bottom) * (PLOT_BOTTOM - PLOT_TOP);
        }
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
