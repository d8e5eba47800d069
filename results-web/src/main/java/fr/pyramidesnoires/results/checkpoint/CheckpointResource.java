package fr.pyramidesnoires.results.checkpoint;

import fr.pyramidesnoires.events.CourseEvent;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.results.language.ChosenLanguage;
import fr.pyramidesnoires.results.race.RaceView;
import fr.pyramidesnoires.results.race.ReadModel;
import fr.pyramidesnoires.results.race.Runner;
import fr.pyramidesnoires.results.runner.Splits;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A terril as its spectators see it: who went through, in what order, and who is coming next. */
@Path("/")
public class CheckpointResource {

    /** @param rank null for a runner who withdrew since: they went through, but lead no one */
    public record Passed(Integer rank, int bib, String name, String category, Instant time, Duration elapsed) {
    }

    public record Expected(int bib, String name, String category, String lastPoint, Instant expectedAt) {
    }

    public record CheckpointView(String raceCode, String pointId, String pointName, double km, List<Passed> passed,
                                 List<Expected> expected) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance checkpoint(CheckpointView point, ZoneId zone, String race);
    }

    @ConfigProperty(name = "results.zone")
    ZoneId zone;

    final ReadModel model;
    final ChosenLanguage language;

    CheckpointResource(ReadModel model, ChosenLanguage language) {
        this.model = model;
        this.language = language;
    }

    @GET
    @Path("races/{race}/points/{point}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@PathParam("race") String race, @PathParam("point") String point) {
        return language.page(Templates.checkpoint(view(race, point), zone, race));
    }

    @GET
    @Path("api/races/{race}/points/{point}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Who passed a point, in rank order, and who is expected there next and when")
    public CheckpointView view(@PathParam("race") String race, @PathParam("point") String pointId) {
        RaceView view = RaceView.ranked(model, race);
        CourseEvent course = view.course().orElseThrow(() -> new NotFoundException("Parcours inconnu / No course"));
        CourseEvent.Point point = course.points().stream().filter(p -> p.id().equals(pointId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Point inconnu / Unknown point: " + pointId));
        Map<Integer, Runner> byBib = view.runners().stream()
                .collect(Collectors.toMap(r -> r.entry().bib(), Function.identity()));
        List<Passed> passed = view.rankedAt(point.order()).stream()
                .map(ranked -> {
                    Runner runner = byBib.get(ranked.competitor().bib());
                    Instant time = ranked.competitor().timeAt(point.order()).orElseThrow();
                    Instant zero = view.zero(runner);
                    return new Passed(ranked.rank(), runner.entry().bib(), runner.publicName(),
                            runner.categoryLabel(), time, zero == null ? null : Duration.between(zero, time));
                }).toList();
        List<Expected> expected = view.runners().stream()
                .filter(r -> r.status() == RunnerTiming.Status.ON_COURSE)
                .filter(r -> r.passages().get(r.passages().size() - 1).order() < point.order())
                .flatMap(r -> Splits.ahead(r.passages(), course, view.zero(r)).stream()
                        .filter(e -> e.order() == point.order())
                        .map(e -> new Expected(r.entry().bib(), r.publicName(), r.categoryLabel(),
                                r.passages().get(r.passages().size() - 1).pointName(), e.at())))
                .sorted(Comparator.comparing(Expected::expectedAt))
                .toList();
        return new CheckpointView(race, point.id(), point.name(), point.km(), passed, expected);
    }

}
