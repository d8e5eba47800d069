package fr.pyramidesnoires.results.language;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.results.race.RaceState;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import java.time.LocalTime;

/**
 * Every word the pages show, as {msg:...} in the templates: French in messages/msg_fr.properties, English in
 * messages/msg_en.properties. A key missing from either file fails the build.
 */
@MessageBundle(locale = "fr")
public interface Messages {

    /** The page's own language, for {@code <html lang>}: it comes from the file the page's words come from. */
    String lang();

    String otherLang();

    /** The switch link's text, in the language it switches to. */
    String otherLanguage();

    String liveResults();

    String myRunners();

    String search();

    String searchHint();

    String follow();

    String following();

    String nameWithheld();

    String races();

    String noRace();

    String start();

    /**
     * Keys phase_$NOT_STARTED, phase_$RUNNING, phase_$FINISHED: "_$" since the constants hold "_" themselves.
     * Quarkus 3.30 fails the build on a per-constant message without the annotation, needless elsewhere.
     */
    @Message
    String phase(RaceState.Phase phase);

    String started();

    String onCourse();

    String finished();

    String dnf();

    String dns();

    String leading();

    String ranking();

    String statistics();

    String groups();

    String all();

    String women();

    String men();

    /** Men's letter: H in French, M in English; entries carry H whatever the page's language. */
    String menCode();

    /** A runner's sex as the page writes it, keys sex_F, sex_H, sex_X: F, H or M, X. */
    @Message
    String sex(EntryEvent.Sex sex);

    /** Keys runnerStatus_$ON_COURSE and so on ("_$" as for {@link #phase}). */
    @Message
    String runnerStatus(RunnerTiming.Status status);

    String nonBinary();

    String rankingCaption();

    /** The page of a race that publishes who finished, not a ranking. */
    String finishers();

    String finishersNote();

    String finishersCaption();

    String finisherBibsNote();

    String finisherBibsCaption();

    String rank();

    String bib();

    String name();

    String lastPoint();

    String timeOfDay();

    String time();

    String gap();

    String passed();

    String passedCaption();

    String expected();

    String nobodyOnTheWay();

    String expectedCaption();

    String around();

    String splitsCaption();

    String segment();

    /** At an aid station timed on the way out: when the runner came in, went out, and stopped in between. */
    String in();

    String out();

    String stop();

    String notLeftYet();

    /** Which time a segment runs from where aid stations time the way out: the pace leaves the stop out. */
    String segmentNote();

    String atStation();

    String atStationCaption();

    String rankedOnArrival();

    String rankedOnDeparture();

    String pace();

    String estimatedArrivals();

    /** @param distance from the start, in the event's units: "24.0 km" */
    String arrival(String point, String distance, LocalTime time);

    String estimateNote();

    String searchTitle();

    String noRunnerFound();

    String searchCaption();

    String race();

    String status();

    String followingNote();

    String nobodyFollowed();

    String expectedAt();

    String statsCaption();

    /** A passage timing doubts, shown but not ranked or counted until an official confirms it. */
    String doubtful();

    String doubtSameAsNeighbour();

    String doubtOutOfSequence();

    String doubtTooFast();
}
