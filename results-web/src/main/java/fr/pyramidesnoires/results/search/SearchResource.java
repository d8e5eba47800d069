package fr.pyramidesnoires.results.search;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.RaceEvent;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.results.language.ChosenLanguage;
import fr.pyramidesnoires.results.race.Group;
import fr.pyramidesnoires.results.race.ReadModel;
import fr.pyramidesnoires.results.race.Runner;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Finding a runner by name, bib or club, across races; and the followed runners page, whose list lives in the
 * browser. A runner who refused publication of their name cannot be found by it.
 */
@Path("/")
public class SearchResource {

    /** @param category category and sex, "SE-F" in the API */
    public record Hit(String raceCode, int bib, String name, String club, Group category, RunnerTiming.Status status) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(String q, List<Hit> hits);

        /** @param statuses every status a followed runner may have, for the page's script to write in words */
        static native TemplateInstance following(List<RunnerTiming.Status> statuses);
    }

    static final int MAX_HITS = 100;

    final ReadModel model;
    final ChosenLanguage language;

    SearchResource(ReadModel model, ChosenLanguage language) {
        this.model = model;
        this.language = language;
    }

    @GET
    @Path("recherche")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@QueryParam("q") String q) {
        return language.page(Templates.search(q, search(q)));
    }

    @GET
    @Path("api/search")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Runners found by name, bib or club (never by a withheld name)")
    public List<Hit> search(@QueryParam("q") String q) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        String wanted = q.strip().toLowerCase(Locale.FRENCH);
        return model.allRunners().stream()
                .filter(r -> matches(r.entry(), wanted))
                // a race that publishes only bibs names none of its runners, not even here
                .filter(r -> model.publication(r.entry().raceCode()) != RaceEvent.Publication.FINISHER_BIBS)
                .sorted(Comparator.comparing((Runner r) -> r.entry().raceCode()).thenComparingInt(r -> r.entry().bib()))
                .limit(MAX_HITS)
                .map(SearchResource::hit)
                .toList();
    }

    @GET
    @Path("mes-coureurs")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance following() {
        return language.page(Templates.following(List.of(RunnerTiming.Status.values())));
    }

    private static boolean matches(EntryEvent entry, String wanted) {
        if (wanted.chars().allMatch(Character::isDigit)) {
            return String.valueOf(entry.bib()).equals(wanted);
        }
        boolean byName = !entry.nameHidden()
                && (entry.firstName() + " " + entry.lastName()).toLowerCase(Locale.FRENCH).contains(wanted)
                || !entry.nameHidden() && (entry.lastName() + " " + entry.firstName()).toLowerCase(Locale.FRENCH).contains(wanted);
        boolean byClub = entry.club() != null && entry.club().toLowerCase(Locale.FRENCH).contains(wanted);
        return byName || byClub;
    }

    private static Hit hit(Runner r) {
        return new Hit(r.entry().raceCode(), r.entry().bib(), r.publicName(), r.entry().club(), r.group(), r.status());
    }
}
