package fr.pyramidesnoires.events.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The race-day Grafana dashboard (deploy/observability/grafana-race-day.json) as each service's tests see it: the
 * metric names its panels' PromQL asks of that service, for the test to find them in the service's /q/metrics.
 */
public final class RaceDayDashboard {

    private static final String FILE = "deploy/observability/grafana-race-day.json";

    private RaceDayDashboard() {
    }

    /** @param service the prefix of the service's metrics: timing, registration or results */
    public static Set<String> metricsOf(String service) {
        Pattern name = Pattern.compile("\\b" + service + "_[a-z0-9_]+");
        Set<String> names = new TreeSet<>();
        for (JsonNode panel : panels()) {
            for (JsonNode target : panel.path("targets")) {
                Matcher m = name.matcher(target.path("expr").asText());
                while (m.find()) {
                    names.add(m.group());
                }
            }
        }
        return names;
    }

    /** The metrics the dashboard asks of the service that its /q/metrics page does not expose: none, as it should. */
    public static Set<String> notExposed(String service, String exposition) {
        Set<String> missing = new TreeSet<>(metricsOf(service));
        missing.removeIf(metric -> MetricsText.exposes(exposition, metric));
        return missing;
    }

    /** Every panel; each must ask something. */
    public static JsonNode panels() {
        try {
            JsonNode dashboard = new ObjectMapper().readTree(Files.readString(find()));
            for (JsonNode panel : dashboard.path("panels")) {
                if (panel.path("targets").isEmpty() || panel.path("targets").get(0).path("expr").asText().isBlank()) {
                    throw new IllegalStateException("Panel without a query: " + panel.path("title").asText());
                }
            }
            return dashboard.path("panels");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tests run in their module's folder, one or two levels under the repository's root. */
    private static Path find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(FILE))) {
                return dir.resolve(FILE);
            }
        }
        throw new IllegalStateException(FILE + " not found above " + Path.of("").toAbsolutePath());
    }
}
