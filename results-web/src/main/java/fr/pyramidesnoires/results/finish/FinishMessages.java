package fr.pyramidesnoires.results.finish;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the finish-line screen, the finisher certificate's link, the shared links' previews and the
 * followed runners' alerts, as {finish:...}: French in messages/finish_fr.properties, English in
 * messages/finish_en.properties.
 */
@MessageBundle(value = "finish", locale = "fr")
public interface FinishMessages {

    String screenTitle();

    String screenLink();

    String latestFinishers();

    String comingNext();

    String rank();

    String categoryRank();

    /** Before the point's name: "Dernier point :", "Last point:". */
    String lastPoint();

    String expected();

    String finishedCount(int count);

    String nobodyFinished();

    String nobodyComing();

    String certificateLink();

    /** A shared link's preview of a finisher: "Temps officiel 3:31:07, 1er au scratch". */
    String previewFinished(String time, String rank);

    String previewFinishers(int count);

    String alertsOn();

    /** The name of the corner where passing alerts show. */
    String alerts();
}
