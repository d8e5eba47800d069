package fr.pyramidesnoires.results.runner;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.results.language.ChosenLanguage;
import fr.pyramidesnoires.results.race.RaceView;
import fr.pyramidesnoires.results.race.ReadModel;
import fr.pyramidesnoires.results.race.Runner;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** One runner's race: every split, their rank along the way, and when they should reach what lies ahead. */
@Path("/")
public class RunnerResource {

    /** @param name null when the runner refused publication of their name */
    public record RunnerDetail(String raceCode, int bib, String name, String club, String category, String nationality,
                               String status, List<Splits.Split> splits, List<Splits.Estimate> ahead) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance runner(RunnerDetail runner, ZoneId zone, String race);
    }

    @ConfigProperty(name = "results.zone")
    ZoneId zone;

    final ReadModel model;
    final ChosenLanguage language;

    RunnerResource(ReadModel model, ChosenLanguage language) {
        this.model = model;
        this.language = language;
    }

    @GET
    @Path("races/{race}/runners/{bib}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@PathParam("race") String race, @PathParam("bib") int bib) {
        return language.page(Templates.runner(detail(race, bib), zone, race));
    }

    @GET
    @Path("api/races/{race}/runners/{bib}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A runner's splits with ranks at each point, and estimated arrivals ahead at their own pace")
    public RunnerDetail detail(@PathParam("race") String race, @PathParam("bib") int bib) {
        RaceView view = RaceView.ranked(model, race);
        Runner runner = model.runner(race, bib)
                .orElseThrow(() -> new NotFoundException("Dossard inconnu / Unknown bib: " + bib));
        Map<Integer, Integer> ranks = new HashMap<>();
        runner.passages().forEach(p -> view.rankAt(p.order(), bib).ifPresent(rank -> ranks.put(p.order(), rank)));
        EntryEvent entry = runner.entry();
        List<Splits.Estimate> ahead = runner.status() == fr.pyramidesnoires.events.RunnerTiming.Status.ON_COURSE
                ? view.course().map(c -> Splits.ahead(runner.passages(), c, view.zero(runner))).orElse(List.of())
                : List.of();
        return new RunnerDetail(race, bib, runner.publicName(), entry.club(), runner.categoryLabel(), entry.nationality(),
                runner.status().name(), Splits.of(runner.passages(), view.zero(runner), ranks), ahead);
    }
}
