package fr.pyramidesnoires.results.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BarChartTest {

    static BarChart chart(List<String> points) {
        return new BarChart(new BarChart.Look("counts", "Passages", "Coureurs par point.", "Les chiffres", "Point"),
                points, List.of(new BarChart.Part("Dans les temps", List.of(10, 6)),
                new BarChart.Part("Après la barrière", List.of(0, 2)), new BarChart.Part("En route", List.of(0, 2))));
    }

    @Test
    void theCountsAreSaidInWordsAndInTheTable() {
        BarChart chart = chart(List.of("Départ", "Terril d'Estevelles"));

        assertEquals("Coureurs par point. Départ : Dans les temps 10, Après la barrière 0, En route 0."
                + " Terril d'Estevelles : Dans les temps 6, Après la barrière 2, En route 2.", chart.description());
        String html = chart.html();
        assertTrue(html.contains("role=\"img\""), html);
        assertTrue(html.contains("<desc id=\"counts-d\">Coureurs par point. Départ"), html);
        assertTrue(html.contains("<th scope=\"row\">Terril d&#39;Estevelles</th><td class=\"num\">6</td>"
                + "<td class=\"num\">2</td><td class=\"num\">2</td>"), html);
    }

    @Test
    void aBarIsAsHighAsItsCountAndAnEmptyPartDrawsNothing() {
        String svg = chart(List.of("Départ", "Estevelles")).svg();

        List<Double> heights = Pattern.compile("<rect fill=\"[^\"]+\" x=\"[0-9.]+\" y=\"[0-9.]+\" width=\"[0-9.]+\" "
                + "height=\"([0-9.]+)\"><title>").matcher(svg).results().map(m -> Double.parseDouble(m.group(1))).toList();
        assertEquals(4, heights.size(), "10 at the start; 6, 2 and 2 at Estevelles: " + heights);
        assertEquals(heights.get(0), heights.get(1) + heights.get(2) + heights.get(3), 0.2, "both bars count 10");
        assertEquals(3 * heights.get(2), heights.get(1), 0.2);
    }

    @Test
    void underABarATerrilGoesByItsOwnNameCutShortWhenThereIsNoRoom() {
        assertEquals("Estevelles", BarChart.shortName("Terril d'Estevelles", 14));
        assertEquals("Sainte-Henriette", BarChart.shortName("Terril de Sainte-Henriette", 16));
        assertEquals("Départ 9-9bis", BarChart.shortName("Départ 9-9bis", 14));
        assertEquals("Départ…", BarChart.shortName("Départ 9-9bis", 7));
        assertEquals("5", BarChart.shortName("Terril 5", 3));
    }

    @Test
    void pointNamesAreEscaped() {
        String svg = chart(List.of("<b>Départ</b>", "Fin")).svg();

        assertFalse(svg.contains("<b>"), svg);
        assertTrue(svg.contains("&lt;b&gt;Départ&lt;/b&gt;"), svg);
    }
}
