package fr.pyramidesnoires.results.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LineChartTest {

    static final List<String> POINTS = List.of("Départ", "Terril 5", "Arrivée");
    static final List<Double> KM = List.of(0.0, 12.0, 35.0);

    static LineChart ranks(List<LineChart.Series> series) {
        return new LineChart(new LineChart.Look("rank", "Rang", "Rang à chaque point.", "Les chiffres", "Point", "km",
                v -> String.valueOf(Math.round(v)), true, true), POINTS, KM, series);
    }

    @Test
    void aScreenReaderHearsTheFiguresInWords() {
        String svg = ranks(List.of(new LineChart.Series("WALLET Chloé (13)", Arrays.asList(5.0, 3.0, null)))).svg();

        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 480 "), svg);
        assertTrue(svg.contains("role=\"img\""), svg);
        assertTrue(svg.contains("aria-labelledby=\"rank-t rank-d\""), svg);
        assertTrue(svg.contains("<title id=\"rank-t\">Rang</title>"), svg);
        assertTrue(svg.contains("<desc id=\"rank-d\">Rang à chaque point. WALLET Chloé (13) : Départ — 5, Terril 5 — 3."
                + "</desc>"), svg);
    }

    @Test
    void aSeriesWithoutAnyValueIsNotSaid() {
        String words = ranks(List.of(new LineChart.Series("A", List.of(1.0, 2.0, 3.0)),
                new LineChart.Series("B", Arrays.asList(null, null, null)))).description();

        assertEquals("Rang à chaque point. A : Départ — 1, Terril 5 — 2, Arrivée — 3.", words);
    }

    @Test
    void itFillsThePhonesWidthAndNoMore() {
        String svg = ranks(List.of(new LineChart.Series("A", List.of(1.0, 1.0, 1.0)))).svg();

        assertTrue(svg.contains("style=\"width:100%;max-width:480px;height:auto;display:block\""), svg);
        assertFalse(svg.contains(" width=\"480\""), "a fixed width would overflow a phone");
    }

    @Test
    void runnersNamesNeverBecomeMarkup() {
        String html = ranks(List.of(new LineChart.Series("<script>alert('x')</script> & \"co\"",
                List.of(1.0, 2.0, 3.0)))).html();

        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;"), html);
    }

    @Test
    void rankOneIsDrawnOnTopAndTheLineBreaksWhereThereIsNoValue() {
        String svg = ranks(List.of(new LineChart.Series("A", Arrays.asList(1.0, null, 4.0)))).svg();

        List<Double> ys = circles(svg);
        assertEquals(2, ys.size(), "no dot where there is no value");
        assertTrue(ys.get(0) < ys.get(1), "rank 1 above rank 4: " + ys);
        Matcher path = Pattern.compile("<path d=\"([^\"]*)\"").matcher(svg);
        assertTrue(path.find());
        assertFalse(path.group(1).contains("L"), "two points apart are not joined: " + path.group(1));
    }

    @Test
    void higherValuesGoUpWhenLowerIsNotBetter() {
        LineChart gaps = new LineChart(new LineChart.Look("gap", "Écart", "Écart.", "Chiffres", "Point", "km",
                v -> v + " min", false, false), POINTS, KM, List.of(new LineChart.Series("A", List.of(0.0, 2.0, 9.0))));

        List<Double> ys = circles(gaps.svg());
        assertTrue(ys.get(0) > ys.get(1) && ys.get(1) > ys.get(2), ys.toString());
    }

    @Test
    void theTableHasOneRowPerPointAndOneColumnPerSeries() {
        String html = ranks(List.of(new LineChart.Series("A", Arrays.asList(5.0, 3.0, null)),
                new LineChart.Series("B", List.of(6.0, 2.0, 1.0)))).html();

        assertTrue(html.startsWith("<figure"), html);
        assertTrue(html.contains("<details><summary>Les chiffres</summary>"), html);
        assertTrue(html.contains("<tr><th scope=\"row\">Terril 5</th><td class=\"num\">3</td><td class=\"num\">2</td></tr>"),
                html);
        assertTrue(html.contains("<tr><th scope=\"row\">Arrivée</th><td class=\"num\">—</td><td class=\"num\">1</td></tr>"),
                html);
        assertTrue(html.contains(">B</text>"), "two series have a legend");
    }

    @Test
    void aSeriesMustHaveOneValuePerPoint() {
        assertThrows(IllegalArgumentException.class,
                () -> ranks(List.of(new LineChart.Series("A", List.of(1.0, 2.0)))));
    }

    @Test
    void aChartWithoutAnyValueIsEmpty() {
        assertTrue(ranks(List.of(new LineChart.Series("A", Arrays.asList(null, null, null)))).isEmpty());
        assertFalse(ranks(List.of(new LineChart.Series("A", Arrays.asList(null, 2.0, null)))).isEmpty());
    }

    private static List<Double> circles(String svg) {
        return Pattern.compile("<circle[^>]* cy=\"([0-9.]+)\"").matcher(svg).results()
                .map(m -> Double.parseDouble(m.group(1))).toList();
    }
}
