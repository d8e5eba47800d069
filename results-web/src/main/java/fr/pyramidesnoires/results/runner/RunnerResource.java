package fr.pyramidesnoires.results.runner;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.results.graphs.RunnerCharts;
import fr.pyramidesnoires.results.language.ChosenLanguage;
import fr.pyramidesnoires.results.race.Group;
import fr.pyramidesnoires.results.race.RaceView;
import fr.pyramidesnoires.results.race.ReadModel;
import fr.pyramidesnoires.results.race.Runner;
import fr.pyramidesnoires.results.ranking.AidStationRanking;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** One runner's race: every split, their rank along the way, and when they should reach what lies ahead. */
@Path("/")
public class RunnerResource {

    /**
     * @param name     null when the runner refused publication of their name
     * @param category category and sex, "SE-F" in the API
     */
    public record RunnerDetail(String raceCode, int bib, String name, String club, Group category, String nationality,
                               RunnerTiming.Status status, List<Splits.Split> splits, List<Splits.Estimate> ahead) {

        /** Whether the runner went through an aid station that times the way out, whose stop segments leave out. */
        public boolean stopsTimed() {
            return splits.stream().anyMatch(Splits.Split::departureTimed);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance runner(RunnerDetail runner, ZoneId zone, String race, RunnerCharts.View graphs);
    }

    @ConfigProperty(name = "results.zone")
    ZoneId zone;
    @ConfigProperty(name = "results.aid-station-ranking")
    AidStationRanking aidStations;

    final ReadModel model;
    final ChosenLanguage language;
    final RunnerCharts charts;

    RunnerResource(ReadModel model, ChosenLanguage language, RunnerCharts charts) {
        this.model = model;
        this.language = language;
        this.charts = charts;
    }

    @GET
    @Path("races/{race}/runners/{bib}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@PathParam("race") String race, @PathParam("bib") int bib,
                                 @QueryParam("vs") String vs) {
        RunnerDetail runner = detail(race, bib);
        // a bib to compare with that the race does not have is said on the page, not answered with a 404
        RunnerCharts.View graphs = charts.of(RaceView.ranked(model, race, aidStations), runner, vs,
                other -> model.runner(race, other).isPresent() ? Optional.of(detail(race, other)) : Optional.empty(),
                language.language());
        return language.page(Templates.runner(runner, zone, race, graphs));
    }

    @GET
    @Path("api/races/{race}/runners/{bib}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A runner's splits with ranks at each point, and estimated arrivals ahead at their own pace")
    public RunnerDetail detail(@PathParam("race") String race, @PathParam("bib") int bib) {
        RaceView view = RaceView.ranked(model, race, aidStations);
        Runner runner = model.runner(race, bib)
                .orElseThrow(() -> new NotFoundException("Dossard inconnu / Unknown bib: " + bib));
        Map<Integer, Integer> ranks = new HashMap<>();
        runner.passages().forEach(p -> view.rankAt(p.order(), bib).ifPresent(rank -> ranks.put(p.order(), rank)));
        EntryEvent entry = runner.entry();
        List<Splits.Estimate> ahead = runner.status() == RunnerTiming.Status.ON_COURSE
                ? view.course().map(c -> Splits.ahead(runner.passages(), c, view.zero(runner))).orElse(List.of())
                : List.of();
        return new RunnerDetail(race, bib, runner.publicName(), entry.club(), runner.group(), entry.nationality(),
                runner.status(), Splits.of(runner.passages(), view.zero(runner), ranks, view.departureTimed()), ahead);
    }
}
