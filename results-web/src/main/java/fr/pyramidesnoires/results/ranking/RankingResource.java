package fr.pyramidesnoires.results.ranking;

import fr.pyramidesnoires.results.race.ReadModel;
import fr.pyramidesnoires.results.race.Runner;
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
import java.util.List;
import java.util.SortedSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@Path("/")
public class RankingResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(SortedSet<String> races);

        static native TemplateInstance ranking(String race, String sex, String category, List<RankingRow> rows);
    }

    @ConfigProperty(name = "results.zone")
    ZoneId zone;

    final ReadModel model;

    RankingResource(ReadModel model) {
        this.model = model;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance home() {
        return Templates.home(model.raceCodes());
    }

    @GET
    @Path("races/{race}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance rankingPage(@PathParam("race") String race, @QueryParam("sex") String sex,
                                        @QueryParam("category") String category) {
        return Templates.ranking(race, sex, category, rows(race, sex, category));
    }

    /** The same ranking as the page, for other sites and apps. */
    @GET
    @Path("api/races/{race}/ranking")
    @Produces(MediaType.APPLICATION_JSON)
    public List<RankingRow> ranking(@PathParam("race") String race, @QueryParam("sex") String sex,
                                    @QueryParam("category") String category) {
        return rows(race, sex, category);
    }

    private List<RankingRow> rows(String race, String sex, String category) {
        if (!model.raceCodes().contains(race)) {
            throw new NotFoundException("Course inconnue / Unknown race: " + race);
        }
        List<Runner> group = model.runners(race).stream()
                .filter(r -> blank(sex) || r.entry().sex().name().equals(sex))
                .filter(r -> blank(category) || r.entry().category().equals(category))
                .toList();
        return RaceRanking.rows(group, zone);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
