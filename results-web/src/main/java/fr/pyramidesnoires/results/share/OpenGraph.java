package fr.pyramidesnoires.results.share;

import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.results.finish.FinishLine;
import fr.pyramidesnoires.results.finish.FinishMessages;
import fr.pyramidesnoires.results.finish.Placings;
import fr.pyramidesnoires.results.language.ChosenLanguage;
import fr.pyramidesnoires.results.language.Language;
import fr.pyramidesnoires.results.language.Messages;
import fr.pyramidesnoires.results.race.RaceView;
import fr.pyramidesnoires.results.race.ReadModel;
import fr.pyramidesnoires.results.race.Runner;
import fr.pyramidesnoires.results.ranking.AidStationRanking;
import fr.pyramidesnoires.results.runner.RunnerResource.RunnerDetail;
import fr.pyramidesnoires.results.runner.Splits;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What a link to a runner or a race shows once shared in a chat or a social network (Open Graph and Twitter
 * cards), as {inject:openGraph.runner(runner)} in the page's head. Names come from entries, so the page's escaping
 * writes them; nothing here is markup.
 */
@RequestScoped
@Named("openGraph")
public class OpenGraph {

    /** @param url absolute, as the preview links it */
    public record Card(String title, String description, String type, String url) {
    }

    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");

    /** The site's address as the public reaches it, "https://live.example.org"; else the request's own. */
    @ConfigProperty(name = "results.public-url")
    Optional<URI> publicUrl;
    @ConfigProperty(name = "results.zone")
    ZoneId zone;
    @ConfigProperty(name = "results.aid-station-ranking")
    AidStationRanking aidStations;
    @Inject
    UriInfo uri;

    final ReadModel model;
    final ChosenLanguage language;

    OpenGraph(ReadModel model, ChosenLanguage language) {
        this.model = model;
        this.language = language;
    }

    public Card runner(RunnerDetail runner) {
        FinishMessages words = words(FinishMessages.class);
        String who = runner.name() != null ? runner.name() : words(Messages.class).bib() + " " + runner.bib();
        return new Card(who + " — " + model.raceName(runner.raceCode()), runnerDescription(runner, words), "profile",
                url());
    }

    private String runnerDescription(RunnerDetail runner, FinishMessages words) {
        Language in = language.language();
        if (runner.status() == RunnerTiming.Status.FINISHED) {
            RaceView race = RaceView.of(model, runner.raceCode(), aidStations);
            Optional<Runner> finisher = model.runner(runner.raceCode(), runner.bib());
            Optional<Placings.Placing> placing = Placings.of(race.runners()).of(runner.bib());
            Optional<String> time = finisher.flatMap(r -> FinishLine.officialTime(r, race));
            if (placing.isPresent() && time.isPresent()) {
                return words.previewFinished(time.get(), Ordinal.of(placing.get().overall(), in));
            }
        }
        if (runner.status() == RunnerTiming.Status.ON_COURSE && last(runner).isPresent()) {
            Splits.Split at = last(runner).get();
            return words.lastPoint() + " " + at.pointName() + " — " + HOUR_MINUTE.format(at.time().atZone(zone))
                    + (at.rank() == null ? "" : " — " + Ordinal.of(at.rank(), in));
        }
        return words(Messages.class).runnerStatus(runner.status());
    }

    private static Optional<Splits.Split> last(RunnerDetail runner) {
        return runner.splits().stream().filter(s -> s.doubtful() == null).reduce((first, second) -> second);
    }

    public Card race(String race) {
        long finishers = model.runners(race).stream()
                .filter(r -> r.status() == RunnerTiming.Status.FINISHED).count();
        return new Card(model.raceName(race), words(FinishMessages.class).previewFinishers((int) finishers), "website",
                url());
    }

    /** The page's own address, without its query: a filtered ranking is shared as its race. */
    private String url() {
        URI base = publicUrl.orElse(uri.getBaseUri());
        String root = base.toString().replaceAll("/+$", "");
        return root + uri.getRequestUri().getRawPath();
    }

    private <T> T words(Class<T> bundle) {
        return language.language() == Language.FR ? MessageBundles.get(bundle)
                : MessageBundles.get(bundle, Localized.Literal.of(language.language().code()));
    }
}
