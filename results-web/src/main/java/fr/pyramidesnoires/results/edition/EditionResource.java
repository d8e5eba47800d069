package fr.pyramidesnoires.results.edition;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.PastResults;
import fr.pyramidesnoires.events.PastResults.Row;
import fr.pyramidesnoires.events.PastResults.Status;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.results.language.ChosenLanguage;
import fr.pyramidesnoires.results.race.RaceView;
import fr.pyramidesnoires.results.race.ReadModel;
import fr.pyramidesnoires.results.ranking.RaceTimes;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The results of the event's past editions, as the organiser imported them, and each runner's other editions. */
@Path("/")
public class EditionResource {

    /** A race of a past edition, on the editions' page. */
    public record EditionRace(String code, String name, double distanceKm, int runners, long finishers) {
    }

    public record Edition(int year, List<EditionRace> races) {
    }

    /**
     * One runner of a past edition's race.
     *
     * @param rank        in the group asked (a sex, a category), ties sharing it; null for a non-finisher
     * @param overallRank in the whole race, given when a group was asked
     * @param name        null when withheld
     */
    public record EditionRow(Integer rank, Integer overallRank, int bib, String name, String sex, String category,
                             String club, String nationality, String time, RunnerTiming.Status status) {
    }

    /** A past edition's runner, and their other editions. */
    public record PastRunner(int year, String raceCode, String raceName, double distanceKm, EditionRow result,
                             List<OtherEditions.Link> otherEditions) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance editions(List<Edition> editions);

        /** @param past not "race": the layout takes a page's race for a live one and would open its stream */
        static native TemplateInstance edition(PastResults past, String sex, String category,
                                               List<String> categories, boolean nonBinary, List<EditionRow> rows);

        static native TemplateInstance runner(PastRunner runner);
    }

    final Editions editions;
    final OtherEditions others;
    final ReadModel model;
    final ChosenLanguage language;

    EditionResource(Editions editions, OtherEditions others, ReadModel model, ChosenLanguage language) {
        this.editions = editions;
        this.others = others;
        this.model = model;
        this.language = language;
    }

    @GET
    @Path("editions")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance editionsPage() {
        return language.page(Templates.editions(editions()));
    }

    @GET
    @Path("api/editions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The past editions, newest first, each with its races as the organiser imported them")
    public List<Edition> editions() {
        Map<Integer, List<EditionRace>> byYear = new LinkedHashMap<>();
        for (PastResults race : editions.all()) {
            byYear.computeIfAbsent(race.year(), y -> new ArrayList<>()).add(new EditionRace(race.raceCode(),
                    race.raceName(), race.distanceKm(), race.rows().size(),
                    race.rows().stream().filter(r -> r.status() == Status.FINISHED).count()));
        }
        return byYear.entrySet().stream().map(e -> new Edition(e.getKey(), e.getValue())).toList();
    }

    @GET
    @Path("editions/{year}/{race}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance rankingPage(@PathParam("year") int year, @PathParam("race") String race,
                                        @QueryParam("sex") String sex, @QueryParam("category") String category) {
        PastResults results = race(year, race);
        List<String> categories = results.rows().stream().map(Row::category).filter(Objects::nonNull).distinct()
                .sorted().toList();
        boolean nonBinary = results.rows().stream().anyMatch(r -> r.sex() == EntryEvent.Sex.X);
        return language.page(Templates.edition(results, entrySex(sex), category, categories, nonBinary,
                ranking(year, race, sex, category)));
    }

    @GET
    @Path("api/editions/{year}/{race}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A past edition's race: finishers by rank, then the runners who did not finish; for one sex"
            + " (F, H or M, X) and category, ranked within it")
    public List<EditionRow> ranking(@PathParam("year") int year, @PathParam("race") String race,
                                    @QueryParam("sex") String sex, @QueryParam("category") String category) {
        String asked = entrySex(sex);
        boolean group = !blank(asked) || !blank(category);
        List<Row> rows = race(year, race).rows().stream()
                .filter(r -> blank(asked) || r.sex().name().equals(asked))
                .filter(r -> blank(category) || category.equals(r.category()))
                .toList();
        return rows.stream().map(r -> row(r, group ? groupRank(r, rows) : r.rank(), group ? r.rank() : null))
                .toList();
    }

    @GET
    @Path("editions/{year}/{race}/runners/{bib}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance runnerPage(@PathParam("year") int year, @PathParam("race") String race,
                                       @PathParam("bib") int bib) {
        return language.page(Templates.runner(runner(year, race, bib)));
    }

    @GET
    @Path("api/editions/{year}/{race}/runners/{bib}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A runner of a past edition's race, with their other editions (same name and sex)")
    public PastRunner runner(@PathParam("year") int year, @PathParam("race") String race, @PathParam("bib") int bib) {
        PastResults results = race(year, race);
        Row row = results.rows().stream().filter(r -> r.bib() == bib).findFirst()
                .orElseThrow(() -> new NotFoundException("Dossard inconnu / Unknown bib: " + bib));
        return new PastRunner(year, race, results.raceName(), results.distanceKm(), row(row, row.rank(), null),
                others.ofPast(results, row));
    }

    @GET
    @Path("api/races/{race}/runners/{bib}/other-editions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The other editions of a runner of this edition: same name and sex, none for a withheld"
            + " name")
    public List<OtherEditions.Link> otherEditions(@PathParam("race") String race, @PathParam("bib") int bib) {
        RaceView.requireRanking(model, race);
        if (model.runner(race, bib).isEmpty()) {
            throw new NotFoundException("Dossard inconnu / Unknown bib: " + bib);
        }
        return others.ofCurrent(race, bib);
    }

    /** The race time as results write it, for a finisher. */
    static String time(Row row) {
        return row.timeMs() == null ? null : RaceTimes.format(Duration.ofMillis(row.timeMs()));
    }

    private PastResults race(int year, String race) {
        return editions.race(year, race)
                .orElseThrow(() -> new NotFoundException("Édition inconnue / Unknown edition: " + year + " " + race));
    }

    private static EditionRow row(Row row, Integer rank, Integer overallRank) {
        String name = row.lastName() == null ? null
                : (row.lastName().toUpperCase() + " " + Objects.requireNonNullElse(row.firstName(), "")).strip();
        return new EditionRow(rank, overallRank, row.bib(), name, row.sex().name(), row.category(), row.club(),
                row.nationality(), time(row), row.status().timing());
    }

    /** Ties share a rank in a group as in the race. */
    private static Integer groupRank(Row row, List<Row> group) {
        return row.rank() == null ? null
                : 1 + (int) group.stream().filter(o -> o.rank() != null && o.rank() < row.rank()).count();
    }

    /** The sex as the rows carry it: a link or a client may ask for the men as M. */
    private static String entrySex(String asked) {
        return "M".equals(asked) ? EntryEvent.Sex.H.name() : asked;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
