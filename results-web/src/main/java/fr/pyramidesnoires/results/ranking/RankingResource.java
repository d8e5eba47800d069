package fr.pyramidesnoires.results.ranking;

import com.fasterxml.jackson.annotation.JsonIgnore;
import fr.pyramidesnoires.csv.CsvLine;
import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.RaceEvent.Publication;
import fr.pyramidesnoires.results.course.CourseDrawings;
import fr.pyramidesnoires.results.course.ProfileDrawing;
import fr.pyramidesnoires.results.language.ChosenLanguage;
import fr.pyramidesnoires.results.race.RaceState;
import fr.pyramidesnoires.results.race.ReadModel;
import fr.pyramidesnoires.results.race.Runner;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.buffer.Buffer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/")
public class RankingResource {

    /**
     * A race on the event's home page.
     *
     * @param start    when it starts, written in French for the API
     * @param startsAt the same, for the page to write in its own language
     */
    public record RaceCard(String code, String name, Double distanceKm, Integer elevationGainM, String start,
                           @JsonIgnore ZonedDateTime startsAt, RaceState state, RankingRow leader) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(List<RaceCard> races);

        /**
         * @param ranked whether the race publishes its ranking, or only who finished
         * @param named  whether those finishers are shown with their names (when they agreed), clubs, categories
         * @param profile the course with the runners on it; null until the course is known
         */
        static native TemplateInstance ranking(String race, String raceName, String sex, String category,
                                               List<String> categories, boolean nonBinary, List<RankingRow> rows,
                                               boolean ranked, boolean named, ProfileDrawing profile);
    }

    private static final DateTimeFormatter START = Formats.DAY.withLocale(Locale.FRENCH);

    @ConfigProperty(name = "results.zone")
    ZoneId zone;

    final ReadModel model;
    final PageCache pages;
    final ChosenLanguage language;
    final CourseDrawings drawings;

    RankingResource(ReadModel model, PageCache pages, ChosenLanguage language, CourseDrawings drawings) {
        this.model = model;
        this.pages = pages;
        this.language = language;
        this.drawings = drawings;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance home() {
        return language.page(Templates.home(races()));
    }

    @GET
    @Path("api/races")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every race with its state: not started, running (counts, leader) or finished")
    public List<RaceCard> races() {
        return model.raceCodes().stream().map(this::card).toList();
    }

    private RaceCard card(String code) {
        List<Runner> runners = model.runners(code);
        RaceState state = RaceState.of(runners, model.course(code).map(c -> c.gunStart() != null).orElse(false));
        List<RankingRow> rows = Published.rows(RaceRanking.rows(runners, zone), model.publication(code));
        RankingRow leader = rows.isEmpty() || rows.get(0).rank() == null ? null : rows.get(0);
        return model.raceInfo(code)
                .map(r -> {
                    ZonedDateTime start = r.startTime().atZoneSameInstant(zone);
                    return new RaceCard(code, r.name(), r.distanceKm(), r.elevationGainM(), START.format(start), start,
                            state, leader);
                })
                .orElse(new RaceCard(code, code, null, null, null, null, state, leader));
    }

    @GET
    @Path("races/{race}")
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public Buffer rankingPage(@PathParam("race") String race, @QueryParam("sex") String asked,
                              @QueryParam("category") String category) {
        String sex = entrySex(asked);
        // any text the organiser's races use: FFA codes, age groups ("40-49"), names with spaces
        List<String> categories = model.runners(race).stream().map(r -> r.entry().category()).distinct().sorted()
                .toList();
        // the division's links only where someone runs in it: results do not know the races' divisions
        boolean nonBinary = model.runners(race).stream().anyMatch(r -> r.entry().sex() == EntryEvent.Sex.X);
        String name = model.raceName(race);
        Publication publication = model.publication(race);
        Supplier<String> render = () -> language.page(Templates.ranking(race, name, sex, category, categories,
                nonBinary, rows(race, sex, category), publication == Publication.RANKING,
                publication != Publication.FINISHER_BIBS,
                drawings.profile(race, pages.minute()).orElse(null))).render();
        boolean knownGroup = (blank(sex) || sex.equals("F") || sex.equals("H") || sex.equals("X"))
                && (blank(category) || categories.contains(category));
        return knownGroup ? pages.get(race, groupPage(sex, category), language.language(), render).html()
                : Buffer.buffer(render.get());
    }

    /** The ranking page of a group, as named in {@link PageCache}. */
    static String groupPage(String sex, String category) {
        return "ranking|" + sex + "|" + category;
    }

    /** The official results, for the federation's results service and club websites. */
    @GET
    @Path("races/{race}/results.csv")
    @Produces("text/csv")
    @Operation(summary = "The official results as CSV (semicolon-separated, withheld names left empty); for a race"
            + " that publishes no ranking, its finishers in bib order without rank or time")
    public Response csv(@PathParam("race") String race) {
        StringBuilder csv = new StringBuilder(CsvLine.of("rank", "bib", "name", "category", "club", "nationality",
                "status", "time"));
        for (RankingRow row : rows(race, null, null)) {
            csv.append(CsvLine.of(row.rank(), row.bib(), row.name(),
                    row.category() == null ? null : row.category().label(), row.club(), row.nationality(),
                    row.status(), "FINISHED".equals(row.status()) ? row.raceTime() : null));
        }
        return Response.ok(csv.toString())
                .header("Content-Disposition", "attachment; filename=\"resultats-" + race + ".csv\"").build();
    }

    /** The same ranking as the page, for other sites and apps. */
    @GET
    @Path("api/races/{race}/ranking")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A race's ranking, overall or for one sex (F, H or M, X) and category; DNF, DNS, DSQ last."
            + " A race that publishes no ranking lists its finishers in bib order, without rank, time or gap")
    public List<RankingRow> ranking(@PathParam("race") String race, @QueryParam("sex") String sex,
                                    @QueryParam("category") String category) {
        return rows(race, entrySex(sex), category);
    }

    /** The sex as entries carry it: a link or a client may ask for the men as M. */
    private static String entrySex(String asked) {
        return "M".equals(asked) ? EntryEvent.Sex.H.name() : asked;
    }

    private List<RankingRow> rows(String race, String sex, String category) {
        if (!model.raceCodes().contains(race)) {
            throw new NotFoundException("Course inconnue / Unknown race: " + race);
        }
        List<Runner> group = model.runners(race).stream()
                .filter(r -> blank(sex) || r.entry().sex().name().equals(sex))
                .filter(r -> blank(category) || r.entry().category().equals(category))
                .toList();
        return Published.rows(RaceRanking.rows(group, zone), model.publication(race));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
