package fr.pyramidesnoires.results.checkpoint;

import fr.pyramidesnoires.events.CourseEvent;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.results.language.ChosenLanguage;
import fr.pyramidesnoires.results.race.Group;
import fr.pyramidesnoires.results.race.RaceView;
import fr.pyramidesnoires.results.race.ReadModel;
import fr.pyramidesnoires.results.race.Runner;
import fr.pyramidesnoires.results.ranking.AidStationRanking;
import fr.pyramidesnoires.results.runner.Splits;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A terril as its spectators see it: who went through, in what order, and who is coming next. */
@Path("/")
public class CheckpointResource {

    /**
     * @param rank      null for a runner who withdrew since: they went through, but lead no one; null too for a
     *                  runner still at an aid station where the event ranks on the departure
     * @param category  category and sex, "SE-F" in the API
     * @param time      the arrival
     * @param departure when the runner left an aid station timed on the way out; null until then
     * @param elapsed   since the start, to the time that ranks them here
     */
    public record Passed(Integer rank, int bib, String name, Group category, Instant time, Instant departure,
                         Duration elapsed) {
    }

    public record Expected(int bib, String name, Group category, String lastPoint, Instant expectedAt) {
    }

    /**
     * @param departureTimed whether the point is an aid station timed on the way out too
     * @param rankedOn       what ranks runners here: the arrival, or the departure where the event says so
     * @param atStation      at such a point ranked on the departure, who came in and has not left yet
     */
    public record CheckpointView(String raceCode, String pointId, String pointName, double km, boolean departureTimed,
                                 AidStationRanking rankedOn, List<Passed> passed, List<Passed> atStation,
                                 List<Expected> expected) {
    }

    @CheckedTemplate
    static class Templates {
        /** @param due the expected runners, those due within 30 minutes apart from the others */
        static native TemplateInstance checkpoint(CheckpointView point, ZoneId zone, String race,
                                                  ExpectedSoon.Split<Expected> due);
    }

    @ConfigProperty(name = "results.zone")
    ZoneId zone;
    @ConfigProperty(name = "results.aid-station-ranking")
    AidStationRanking aidStations;

    final ReadModel model;
    final ChosenLanguage language;
    final Clock clock;

    CheckpointResource(ReadModel model, ChosenLanguage language, Clock clock) {
        this.model = model;
        this.language = language;
        this.clock = clock;
    }

    @GET
    @Path("races/{race}/points/{point}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@PathParam("race") String race, @PathParam("point") String point) {
        CheckpointView view = view(race, point);
        return language.page(Templates.checkpoint(view, zone, race,
                ExpectedSoon.split(view.expected(), Expected::expectedAt, clock.instant())));
    }

    @GET
    @Path("api/races/{race}/points/{point}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Who passed a point, in rank order, and who is expected there next and when")
    public CheckpointView view(@PathParam("race") String race, @PathParam("point") String pointId) {
        RaceView view = RaceView.ranked(model, race, aidStations);
        CourseEvent course = view.course().orElseThrow(() -> new NotFoundException("Parcours inconnu / No course"));
        CourseEvent.Point point = course.points().stream().filter(p -> p.id().equals(pointId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Point inconnu / Unknown point: " + pointId));
        Map<Integer, Runner> byBib = view.runners().stream()
                .collect(Collectors.toMap(r -> r.entry().bib(), Function.identity()));
        List<Passed> passed = view.rankedAt(point.order()).stream()
                .map(ranked -> {
                    Runner runner = byBib.get(ranked.competitor().bib());
                    Instant ranksOn = ranked.competitor().timeAt(point.order()).orElseThrow();
                    return passed(ranked.rank(), runner, goodPassage(runner, point.order()).orElseThrow(), ranksOn,
                            view.zero(runner));
                }).toList();
        Set<Integer> listed = passed.stream().map(Passed::bib).collect(Collectors.toSet());
        List<Passed> atStation = view.runners().stream()
                .filter(r -> r.status() == RunnerTiming.Status.ON_COURSE && !listed.contains(r.entry().bib()))
                .flatMap(r -> goodPassage(r, point.order()).stream()
                        .map(p -> passed(null, r, p, p.time(), view.zero(r))))
                .sorted(Comparator.comparing(Passed::time).thenComparingInt(Passed::bib))
                .toList();
        List<Expected> expected = view.runners().stream()
                .filter(r -> r.status() == RunnerTiming.Status.ON_COURSE)
                .filter(r -> r.passages().get(r.passages().size() - 1).order() < point.order())
                .flatMap(r -> Splits.ahead(r.passages(), course, view.zero(r)).stream()
                        .filter(e -> e.order() == point.order())
                        .map(e -> new Expected(r.entry().bib(), r.publicName(), r.group(),
                                r.passages().get(r.passages().size() - 1).pointName(), e.at())))
                .sorted(Comparator.comparing(Expected::expectedAt))
                .toList();
        return new CheckpointView(race, point.id(), point.name(), point.km(), point.departureTimed(),
                view.rankedOnDeparture().contains(point.order()) ? AidStationRanking.DEPARTURE
                        : AidStationRanking.ARRIVAL, passed, atStation, expected);
    }

    private static Optional<RunnerTiming.Passage> goodPassage(Runner runner, int order) {
        return runner.passages().stream().filter(p -> p.order() == order && p.doubtful() == null).findFirst();
    }

    private static Passed passed(Integer rank, Runner runner, RunnerTiming.Passage passage, Instant ranksOn,
                                 Instant zero) {
        return new Passed(rank, runner.entry().bib(), runner.publicName(), runner.group(), passage.time(),
                passage.departure(), zero == null || ranksOn.isBefore(zero) ? null : Duration.between(zero, ranksOn));
    }

}
