package fr.pyramidesnoires.results.graphs;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the charts, as {charts:...} in templates and injected where the charts are drawn: French in
 * messages/charts_fr.properties, English in messages/charts_en.properties.
 */
@MessageBundle(value = "charts", locale = "fr")
public interface ChartMessages {

    String charts();

    String figures();

    String point();

    String bib(int bib);

    String rankTitle();

    String rankIntro();

    String paceTitle();

    String paceIntro(String category);

    String categoryMedian(String category);

    String gapTitle();

    String gapIntro(String main, String other);

    String compare();

    String compareButton();

    String compareStop();

    String notABib(String vs);

    String unknownBib(int bib);

    String sameRunner();

    String noChartYet();

    String leaderGapsTitle();

    String leaderGapsIntro();

    String countsTitle();

    String countsIntro();

    String countsRule();

    String inTime();

    String late();

    String onTheWay();

    String outOfTime();

    String noCourse();

    String soonTitle();

    String nobodySoon();

    String laterTitle();

    String soonNote();
}
