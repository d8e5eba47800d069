package fr.pyramidesnoires.results.graphs;

import fr.pyramidesnoires.events.CourseEvent;
import fr.pyramidesnoires.events.Units;
import fr.pyramidesnoires.results.chart.BarChart;
import fr.pyramidesnoires.results.chart.LineChart;
import fr.pyramidesnoires.results.language.ChosenLanguage;
import fr.pyramidesnoires.results.language.Language;
import fr.pyramidesnoires.results.race.RaceView;
import fr.pyramidesnoires.results.race.ReadModel;
import fr.pyramidesnoires.results.race.Runner;
import fr.pyramidesnoires.results.ranking.AidStationRanking;
import fr.pyramidesnoires.results.ranking.Competitor;
import fr.pyramidesnoires.results.ranking.PageCache;
import fr.pyramidesnoires.results.ranking.RaceRanking;
import fr.pyramidesnoires.results.ranking.RankingRow;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.vertx.core.buffer.Buffer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A race's charts, apart from its ranking so that the ranking read by thousands of phones stays as light as it is:
 * the gap to the leader of the first ten along the course, and how many went through each point against its
 * cut-off. Rendered once per change of the race (and per cut-off that falls), like the ranking.
 */
@Path("/")
public class RaceChartsResource {

    /** How many runners the gap chart follows: more lines than this cannot be told apart. */
    static final int LEADERS = 10;

    @CheckedTemplate
    static class Templates {
        /** @param leaderGaps null without a course or a ranked runner; @param counts null without a course */
        static native TemplateInstance charts(String race, String raceName, String leaderGaps, String counts);
    }

    @ConfigProperty(name = "results.zone")
    ZoneId zone;
    @ConfigProperty(name = "results.aid-station-ranking")
    AidStationRanking aidStations;

    final ReadModel model;
    final PageCache pages;
    final ChosenLanguage language;
    final ChartMessages french;
    final ChartMessages english;
    final Units units;
    final Clock clock;

    RaceChartsResource(ReadModel model, PageCache pages, ChosenLanguage language, ChartMessages french,
                       @Localized("en") ChartMessages english, @ConfigProperty(name = "results.units") String units,
                       Clock clock) {
        this.model = model;
        this.pages = pages;
        this.language = language;
        this.french = french;
        this.english = english;
        this.units = Units.of(units);
        this.clock = clock;
    }

    @GET
    @Path("races/{race}/graphiques")
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public Buffer page(@PathParam("race") String race) {
        RaceView.requireRanking(model, race);
        Instant now = clock.instant();
        long cutoffsPassed = model.course(race).map(c -> PointCounts.cutoffsPassed(c, now)).orElse(0L);
        Language chosen = language.language();
        // the counts change when a cut-off falls as well as when a runner passes: a bounded part of the page's name
        return pages.get(race, "charts|" + cutoffsPassed, chosen, () -> render(race, chosen, now)).html();
    }

    private String render(String race, Language chosen, Instant now) {
        ChartMessages words = chosen == Language.EN ? english : french;
        RaceView view = RaceView.ranked(model, race, aidStations);
        String name = model.raceName(race);
        String gaps = null;
        String counts = null;
        if (view.course().isPresent()) {
            CourseEvent course = view.course().get();
            List<Competitor> field = view.runners().stream().map(r -> r.competitor(Set.of())).toList();
            gaps = leaderGaps(view, course, field, words);
            counts = counts(course, field, now, words);
        }
        return language.page(Templates.charts(race, name, gaps, counts)).render();
    }

    private String leaderGaps(RaceView view, CourseEvent course, List<Competitor> field, ChartMessages words) {
        List<RankingRow> leaders = RaceRanking.rows(view.runners(), zone).stream()
                .filter(row -> row.rank() != null).limit(LEADERS).toList();
        if (leaders.isEmpty()) {
            return null;
        }
        Map<Integer, Runner> byBib = view.runners().stream()
                .collect(Collectors.toMap(r -> r.entry().bib(), Function.identity()));
        List<LeaderGaps.Line> lines = LeaderGaps.of(field, leaders.stream().map(RankingRow::bib).toList(),
                course.points().size());
        // the start is no gap: the chart begins at the first point after it
        List<CourseEvent.Point> points = course.points().subList(1, course.points().size());
        List<LineChart.Series> series = lines.stream().map(line -> {
            Runner runner = byBib.get(line.bib());
            String label = runner.publicName() == null ? words.bib(line.bib())
                    : line.bib() + " " + runner.publicName();
            return new LineChart.Series(label, line.gaps().subList(1, line.gaps().size()).stream()
                    .map(gap -> gap == null ? null : gap.toMillis() / 60_000.0).toList());
        }).toList();
        LineChart chart = new LineChart(new LineChart.Look("chart-leaders", words.leaderGapsTitle(),
                words.leaderGapsIntro(), words.figures() + " — " + words.leaderGapsTitle(), words.point(),
                units.distanceUnit(), RunnerCharts::signedMinutes, false, false),
                points.stream().map(CourseEvent.Point::name).toList(),
                points.stream().map(p -> units.distance(p.km())).toList(), series);
        return chart.isEmpty() ? null : chart.html();
    }

    private static String counts(CourseEvent course, List<Competitor> field, Instant now, ChartMessages words) {
        List<PointCounts.Count> counts = PointCounts.of(course, field, now);
        return new BarChart(new BarChart.Look("chart-counts", words.countsTitle(), words.countsIntro(),
                words.figures() + " — " + words.countsTitle(), words.point()),
                counts.stream().map(PointCounts.Count::pointName).toList(), List.of(
                new BarChart.Part(words.inTime(), counts.stream().map(PointCounts.Count::inTime).toList()),
                new BarChart.Part(words.late(), counts.stream().map(PointCounts.Count::late).toList()),
                new BarChart.Part(words.onTheWay(), counts.stream().map(PointCounts.Count::onTheWay).toList()),
                new BarChart.Part(words.outOfTime(), counts.stream().map(PointCounts.Count::outOfTime).toList())))
                .html();
    }
}
