package fr.pyramidesnoires.events.testing;

/** A service's /q/metrics page (Prometheus text format), as its tests read it. */
public final class MetricsText {

    private MetricsText() {
    }

    /** The sum of the metric's series whose labels hold the given text ("" for all); 0 before any. */
    public static double sum(String exposition, String name, String label) {
        return exposition.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .filter(l -> l.contains(label))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** Whether the page holds a series of the metric. */
    public static boolean exposes(String exposition, String name) {
        return exposition.lines().anyMatch(l -> l.startsWith(name + "{") || l.startsWith(name + " "));
    }
}
