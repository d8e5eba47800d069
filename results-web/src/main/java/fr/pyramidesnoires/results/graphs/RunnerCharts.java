package fr.pyramidesnoires.results.graphs;

import fr.pyramidesnoires.events.Units;
import fr.pyramidesnoires.results.chart.LineChart;
import fr.pyramidesnoires.results.language.Language;
import fr.pyramidesnoires.results.language.Messages;
import fr.pyramidesnoires.results.race.RaceView;
import fr.pyramidesnoires.results.runner.RunnerResource.RunnerDetail;
import fr.pyramidesnoires.results.runner.Splits;
import io.quarkus.qute.i18n.Localized;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.DoubleFunction;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The runner page's charts: rank and pace along the course, and the same against another runner when asked. */
@ApplicationScoped
public class RunnerCharts {

    /**
     * @param html    the charts, ready to be written as they are; null while there is not enough to draw
     * @param problem why the runner to compare with could not be, in the page's language; null when fine
     * @param vs      the bib asked to compare with, as typed, for the form to show it again
     */
    public record View(String html, String problem, String vs) {
    }

    /** @param behindSeconds how far the other runner was behind at the point; negative when ahead */
    public record Gap(int order, String pointName, long behindSeconds) {
    }

    /** A timing point either runner went through: the charts' horizontal positions. */
    private record Point(int order, String name, double km) {
    }

    final ChartMessages french;
    final ChartMessages english;
    final Messages frenchPages;
    final Messages englishPages;
    final Units units;

    RunnerCharts(ChartMessages french, @Localized("en") ChartMessages english, Messages frenchPages,
                 @Localized("en") Messages englishPages, @ConfigProperty(name = "results.units") String units) {
        this.french = french;
        this.english = english;
        this.frenchPages = frenchPages;
        this.englishPages = englishPages;
        this.units = Units.of(units);
    }

    /**
     * @param vs     the bib to compare with, as the spectator typed it; null or blank for none
     * @param detail the detail of another runner of the race, empty for a bib the race does not have
     */
    public View of(RaceView race, RunnerDetail runner, String vs, IntFunction<Optional<RunnerDetail>> detail,
                   Language language) {
        ChartMessages words = language == Language.EN ? english : french;
        RunnerDetail other = null;
        String problem = null;
        if (vs != null && !vs.isBlank()) {
            Integer bib = bib(vs.strip());
            if (bib == null) {
                problem = words.notABib(vs.strip());
            } else if (bib == runner.bib()) {
                problem = words.sameRunner();
            } else {
                other = detail.apply(bib).orElse(null);
                problem = other == null ? words.unknownBib(bib) : null;
            }
        }
        List<RunnerDetail> shown = other == null ? List.of(runner) : List.of(runner, other);
        List<Point> points = points(shown);
        if (points.size() < 2) {
            return new View(null, problem, vs);
        }
        StringBuilder html = new StringBuilder();
        html.append(rankChart(shown, points, words).html());
        // the category as the page writes it: men are H in French, M in English
        String category = runner.category().category() + "-"
                + (language == Language.EN ? englishPages : frenchPages).sex(runner.category().sex());
        html.append(paceChart(race, shown, points, category, words).html());
        if (other != null) {
            LineChart gap = gapChart(runner, other, points, words);
            if (!gap.isEmpty()) {
                html.append(gap.html());
            }
        }
        return new View(html.toString(), problem, vs);
    }

    private LineChart rankChart(List<RunnerDetail> shown, List<Point> points, ChartMessages words) {
        List<LineChart.Series> series = shown.stream().map(r -> new LineChart.Series(name(r, words),
                points.stream().map(p -> good(r, p.order()).map(s -> s.rank() == null ? null
                        : s.rank().doubleValue()).orElse(null)).toList())).toList();
        return new LineChart(look("rank", words.rankTitle(), words.rankIntro(), words, v -> String.valueOf(Math.round(v)),
                true, true), names(points), distances(points), series);
    }

    private LineChart paceChart(RaceView race, List<RunnerDetail> shown, List<Point> points, String category,
                                ChartMessages words) {
        RunnerDetail runner = shown.get(0);
        Map<CategoryPace.Segment, Double> own = CategoryPace.paces(runner.splits());
        List<Map<CategoryPace.Segment, Double>> sameGroup = race.runners().stream()
                .filter(r -> r.group().equals(runner.category()))
                .map(r -> CategoryPace.paces(Splits.of(r.passages(), race.zero(r), Map.of(), race.departureTimed())))
                .toList();
        Map<CategoryPace.Segment, Double> medians = CategoryPace.medians(own, sameGroup);
        List<LineChart.Series> series = new ArrayList<>();
        shown.forEach(r -> series.add(new LineChart.Series(name(r, words), points.stream()
                .map(p -> good(r, p.order()).map(Splits.Split::paceMinKm).map(this::perUnit).orElse(null))
                .toList())));
        if (!medians.isEmpty()) {
            series.add(new LineChart.Series(words.categoryMedian(category), points.stream()
                    .map(p -> medians.entrySet().stream().filter(m -> m.getKey().to() == p.order())
                            .map(m -> perUnit(m.getValue())).findFirst().orElse(null))
                    .toList()));
        }
        return new LineChart(look("pace", words.paceTitle(), words.paceIntro(category), words, this::pace, false,
                true), names(points), distances(points), series);
    }

    private LineChart gapChart(RunnerDetail runner, RunnerDetail other, List<Point> points, ChartMessages words) {
        Map<Integer, Long> gaps = gaps(runner, other).stream()
                .collect(Collectors.toMap(Gap::order, Gap::behindSeconds));
        List<Double> minutes = points.stream()
                .map(p -> gaps.containsKey(p.order()) ? gaps.get(p.order()) / 60.0 : null).toList();
        return new LineChart(look("gap", words.gapTitle(), words.gapIntro(name(runner, words), name(other, words)),
                words, RunnerCharts::signedMinutes, false, false), names(points), distances(points),
                List.of(new LineChart.Series(name(other, words), minutes)));
    }

    /**
     * How far the other runner was behind at each point both went through on good passages, the start aside: their
     * race time there less the runner's, negative where the other was ahead.
     */
    public static List<Gap> gaps(RunnerDetail runner, RunnerDetail other) {
        List<Gap> gaps = new ArrayList<>();
        runner.splits().stream().filter(s -> s.doubtful() == null && s.order() > 0 && s.elapsed() != null)
                .forEach(mine -> good(other, mine.order()).map(Splits.Split::elapsed).ifPresent(theirs ->
                        gaps.add(new Gap(mine.order(), mine.pointName(), theirs.minus(mine.elapsed()).toSeconds()))));
        return gaps;
    }

    private LineChart.Look look(String id, String title, String intro, ChartMessages words,
                                DoubleFunction<String> format, boolean whole, boolean lowerIsBetter) {
        return new LineChart.Look("chart-" + id, title, intro, words.figures() + " — " + title, words.point(),
                units.distanceUnit(), format, whole, lowerIsBetter);
    }

    /** Every point either runner went through on a good passage, in course order. */
    private static List<Point> points(List<RunnerDetail> runners) {
        TreeMap<Integer, Point> points = new TreeMap<>();
        runners.forEach(r -> r.splits().stream().filter(s -> s.doubtful() == null)
                .forEach(s -> points.putIfAbsent(s.order(), new Point(s.order(), s.pointName(), s.km()))));
        return List.copyOf(points.values());
    }

    private List<String> names(List<Point> points) {
        return points.stream().map(Point::name).toList();
    }

    private List<Double> distances(List<Point> points) {
        return points.stream().map(p -> units.distance(p.km())).toList();
    }

    private static Optional<Splits.Split> good(RunnerDetail runner, int order) {
        return runner.splits().stream().filter(s -> s.order() == order && s.doubtful() == null).findFirst();
    }

    /** "WALLET Chloé (13)", or the bib alone for a runner who withheld their name. */
    static String name(RunnerDetail runner, ChartMessages words) {
        return runner.name() == null ? words.bib(runner.bib()) : runner.name() + " (" + runner.bib() + ")";
    }

    private Double perUnit(Double minutesPerKm) {
        return minutesPerKm == null ? null : units.pace(minutesPerKm * 60) / 60;
    }

    /** Minutes per km (or mile) as "7:30 /km". */
    private String pace(double minutes) {
        long seconds = Math.round(minutes * 60);
        return String.format(Locale.ROOT, "%d:%02d /%s", seconds / 60, seconds % 60, units.distanceUnit());
    }

    /** Minutes as "+0:05:00", "-0:02:30". */
    static String signedMinutes(double minutes) {
        long seconds = Math.round(Math.abs(minutes) * 60);
        return String.format(Locale.ROOT, "%s%d:%02d:%02d", minutes < 0 ? "-" : "+", seconds / 3600,
                seconds % 3600 / 60, seconds % 60);
    }

    /** The bib typed, or null for anything but a positive whole number. */
    static Integer bib(String typed) {
        try {
            int bib = Integer.parseInt(typed);
            return bib > 0 ? bib : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
