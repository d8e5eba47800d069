package fr.pyramidesnoires.results.stats;

import fr.pyramidesnoires.events.CourseEvent;
import fr.pyramidesnoires.events.RaceEvent;
import fr.pyramidesnoires.results.language.ChosenLanguage;
import fr.pyramidesnoires.results.race.RaceState;
import fr.pyramidesnoires.results.race.RaceView;
import fr.pyramidesnoires.results.race.ReadModel;
import fr.pyramidesnoires.results.ranking.AidStationRanking;
import fr.pyramidesnoires.results.ranking.Ranked;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A race in numbers: who started, finished, gave up; how many went through each terril and who led there. */
@Path("/")
public class StatsResource {

    /**
     * @param passages  good passages: a doubtful one counts once an official confirms it
     * @param leaderBib first through the point still in the race, null while nobody has passed
     */
    public record PointStats(String pointId, String name, double km, int passages, Integer leaderBib) {
    }

    public record RaceStats(String raceCode, RaceState state, List<PointStats> points) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance stats(RaceStats stats, String race);
    }

    @ConfigProperty(name = "results.aid-station-ranking")
    AidStationRanking aidStations;

    final ReadModel model;
    final ChosenLanguage language;

    StatsResource(ReadModel model, ChosenLanguage language) {
        this.model = model;
        this.language = language;
    }

    @GET
    @Path("races/{race}/stats")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@PathParam("race") String race) {
        return language.page(Templates.stats(stats(race), race));
    }

    @GET
    @Path("api/races/{race}/stats")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Starters, finishers, DNF and DNS of a race; passages and leader at each point")
    public RaceStats stats(@PathParam("race") String race) {
        RaceView view = RaceView.of(model, race, aidStations);
        // the first through each point is a ranking: only for a race that publishes one
        boolean ranked = model.publication(race) == RaceEvent.Publication.RANKING;
        List<PointStats> points = view.course().map(CourseEvent::points).orElse(List.of()).stream()
                .map(p -> {
                    List<Ranked> passed = view.rankedAt(p.order());
                    return new PointStats(p.id(), p.name(), p.km(), passed.size(),
                            passed.isEmpty() || !ranked || !passed.get(0).isRanked() ? null
                                    : passed.get(0).competitor().bib());
                }).toList();
        return new RaceStats(race, RaceState.of(view.runners(), view.gun().isPresent()), points);
    }
}
