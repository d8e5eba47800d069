package fr.pyramidesnoires.results.graphs;

import fr.pyramidesnoires.problem.Problem;
import fr.pyramidesnoires.problem.ProblemException;
import fr.pyramidesnoires.results.runner.RunnerResource;
import fr.pyramidesnoires.results.runner.RunnerResource.RunnerDetail;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Two runners of a race side by side, as the runner page's comparison draws them, for other sites and apps. */
@Path("/")
public class RunnerComparisonResource {

    /** @param gaps how far {@code vs} was behind {@code runner} at each point both went through */
    public record Comparison(RunnerDetail runner, RunnerDetail vs, List<RunnerCharts.Gap> gaps) {
    }

    final RunnerResource runners;

    RunnerComparisonResource(RunnerResource runners) {
        this.runners = runners;
    }

    @GET
    @Path("api/races/{race}/runners/{bib}/compare")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Two runners' splits and ranks, and the time gap between them at each point both passed"
            + " (vs: the other runner's bib; 400 when it is no bib or the same runner, 404 when the race has none)")
    public Comparison compare(@PathParam("race") String race, @PathParam("bib") int bib,
                              @QueryParam("vs") String vs) {
        RunnerDetail runner = runners.detail(race, bib);
        Integer other = vs == null ? null : RunnerCharts.bib(vs.strip());
        if (other == null || other == bib) {
            String why = other == null ? "un numéro de dossard est requis / a bib number is required"
                    : "le même coureur / the same runner";
            throw new ProblemException(new Problem(Problem.TYPES + "invalid-fields", "Champs invalides / Invalid fields",
                    400, "vs " + why, List.of(new Problem.FieldError("vs", why))));
        }
        RunnerDetail compared = runners.detail(race, other);
        return new Comparison(runner, compared, RunnerCharts.gaps(runner, compared));
    }
}
