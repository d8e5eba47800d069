package fr.pyramidesnoires.results.ranking;

import fr.pyramidesnoires.events.RunnerTiming;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Words of the ranking's lines, as {rankingNotes:...}: messages/rankingNotes_fr.properties and _en. A status a page
 * writes without a runner's own at hand is named {RunnerStatus:DNF}, for {msg:runnerStatus(...)} to put in words.
 */
@TemplateData(target = RunnerTiming.Status.class, namespace = "RunnerStatus")
@MessageBundle(value = "rankingNotes", locale = "fr")
public interface RankingNotes {

    /** In the last point's column, for a runner only through the start: no point reached yet, no time, no gap. */
    String onlyStarted();
}
