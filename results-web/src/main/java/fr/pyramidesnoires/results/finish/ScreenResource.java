package fr.pyramidesnoires.results.finish;

import fr.pyramidesnoires.results.language.ChosenLanguage;
import fr.pyramidesnoires.results.race.RaceView;
import fr.pyramidesnoires.results.race.ReadModel;
import fr.pyramidesnoires.results.ranking.AidStationRanking;
import fr.pyramidesnoires.results.ranking.PageCache;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.buffer.Buffer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The announcer's screen at the finish: a TV or a laptop showing who just came in and who comes next, in type read
 * across the finish area. Rendered once per change of the race, however many screens show it.
 */
@Path("/")
public class ScreenResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance screen(String race, String raceName, FinishLine line, ZoneId zone);
    }

    @ConfigProperty(name = "results.zone")
    ZoneId zone;
    @ConfigProperty(name = "results.aid-station-ranking")
    AidStationRanking aidStations;

    final ReadModel model;
    final PageCache pages;
    final ChosenLanguage language;

    ScreenResource(ReadModel model, PageCache pages, ChosenLanguage language) {
        this.model = model;
        this.pages = pages;
        this.language = language;
    }

    @GET
    @Path("screen/{race}")
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public Buffer screen(@PathParam("race") String race) {
        // a race whose organiser publishes no ranking has no ranks to announce: 404, as its runner pages
        RaceView.requireRanking(model, race);
        return pages.get(race, "screen", language.language(), () -> language.page(Templates.screen(race,
                model.raceName(race),
                FinishLine.of(RaceView.of(model, race, aidStations)), zone)).render()).html();
    }
}
