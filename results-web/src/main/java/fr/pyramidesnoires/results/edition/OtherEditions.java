package fr.pyramidesnoires.results.edition;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.PastResults;
import fr.pyramidesnoires.events.RaceEvent;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.results.race.ReadModel;
import fr.pyramidesnoires.results.race.Runner;
import fr.pyramidesnoires.results.ranking.RaceTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A runner's results in the other editions, by {@link SameRunner}: the past editions' races, and this edition's
 * runner of the same name and sex. Named for the runner pages, which ask it from their template
 * ({@code inject:otherEditions}).
 */
@Named("otherEditions")
@ApplicationScoped
public class OtherEditions {

    /**
     * One race of another edition.
     *
     * @param rank null for this edition's race, whose ranking is on the runner's page, and for a non-finisher
     * @param time the race time of a finisher
     */
    public record Link(int year, String raceCode, String raceName, String href, RunnerTiming.Status status, Integer rank,
                       String time) {
    }

    @ConfigProperty(name = "results.zone")
    ZoneId zone;

    final Editions editions;
    final ReadModel model;

    OtherEditions(Editions editions, ReadModel model) {
        this.editions = editions;
        this.model = model;
    }

    /** For the runner of this edition's race, whose page is asked; none when their name is withheld. */
    public List<Link> ofCurrent(String raceCode, int bib) {
        return model.runner(raceCode, bib).filter(r -> !r.entry().nameHidden())
                .map(r -> others(key(r.entry()), currentYear(raceCode)))
                .orElse(List.of());
    }

    /** For a runner of a past edition's race. */
    public List<Link> ofPast(PastResults race, PastResults.Row row) {
        return others(SameRunner.key(row.lastName(), row.firstName(), row.sex()), race.year());
    }

    /** The same runner's races in the other editions than the one their page shows, newest first. */
    private List<Link> others(String key, int year) {
        List<Link> links = new ArrayList<>();
        if (key == null) {
            return links;
        }
        for (Runner runner : model.allRunners()) {
            EntryEvent entry = runner.entry();
            // a namesake in another race of the same edition is another runner: one runs one race a year
            boolean sameEdition = currentYear(entry.raceCode()) == year;
            // a race that publishes no ranking has no runner pages to link to
            if (!sameEdition && !entry.nameHidden() && key.equals(key(entry))
                    && model.publication(entry.raceCode()) == RaceEvent.Publication.RANKING) {
                links.add(new Link(currentYear(entry.raceCode()), entry.raceCode(),
                        model.raceName(entry.raceCode()),
                        "/races/" + entry.raceCode() + "/runners/" + entry.bib(), runner.status(), null,
                        runner.status() == RunnerTiming.Status.FINISHED && runner.timing().gunTimeMs() != null
                                ? RaceTimes.format(Duration.ofMillis(runner.timing().gunTimeMs())) : null));
            }
        }
        for (Editions.PastRun run : editions.runsOf(key)) {
            // the page's own edition, imported once it was over among them, is not another
            if (run.race().year() != year) {
                links.add(new Link(run.race().year(), run.race().raceCode(), run.race().raceName(),
                        "/editions/" + run.race().year() + "/" + run.race().raceCode() + "/runners/" + run.row().bib(),
                        run.row().status().timing(), run.row().rank(), EditionResource.time(run.row())));
            }
        }
        links.sort(Comparator.comparingInt(Link::year).reversed());
        return links;
    }

    private static String key(EntryEvent entry) {
        return SameRunner.key(entry.lastName(), entry.firstName(), entry.sex());
    }

    /** The year the race of this edition starts, in the event's zone. */
    private int currentYear(String raceCode) {
        return model.raceInfo(raceCode).filter(r -> r.startTime() != null)
                .map(r -> r.startTime().atZoneSameInstant(zone).getYear())
                .orElseGet(() -> Year.now(zone).getValue());
    }
}
