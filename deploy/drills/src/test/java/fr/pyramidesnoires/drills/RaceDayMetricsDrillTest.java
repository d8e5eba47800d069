package fr.pyramidesnoires.drills;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.simulator.Simulation;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cluster's Prometheus (deploy/observability/prometheus.sh, started by deploy/cluster.sh) sees every instance
 * and the race day the dashboard is drawn from: reads per mat, entries accepted, open live streams per replica.
 */
class RaceDayMetricsDrillTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void prometheusScrapesEveryInstanceAndSeesTheRaceDay() throws Exception {
        Cluster cluster = Cluster.get();
        assertTrue(Cluster.await(Duration.ofSeconds(60), () -> value("count(up == 1)") == 7),
                () -> "instances up as Prometheus sees them: " + query("up"));

        Simulation day = cluster.prepare(20, 3141);
        cluster.play(day, 0);
        assertTrue(Cluster.await(Duration.ofSeconds(60),
                        () -> value("count(sum by (mat) (timing_chip_reads_total) > 0)") >= 5),
                () -> "reads per mat: " + query("sum by (mat) (timing_chip_reads_total)"));
        assertTrue(Cluster.await(Duration.ofSeconds(30),
                        () -> value("sum(registration_entries_accepted_total)") >= day.registeredRunners()),
                () -> "entries accepted: " + query("sum(registration_entries_accepted_total)"));
        // each of the three replicas tells how many live pages it holds open, none at this moment
        assertEquals(3.0, value("count(results_live_clients)"), () -> "replicas: " + query("results_live_clients"));
    }

    /** The single number a PromQL expression gives now, or -1 while it gives nothing. */
    private static double value(String promql) {
        List<Map<String, Object>> series = query(promql);
        if (series.isEmpty()) {
            return -1;
        }
        List<?> sample = (List<?>) series.get(0).get("value");
        return Double.parseDouble(String.valueOf(sample.get(1)));
    }

    private static List<Map<String, Object>> query(String promql) {
        try {
            String url = "http://127.0.0.1:" + Cluster.prometheusPort() + "/api/v1/query?query="
                    + URLEncoder.encode(promql, StandardCharsets.UTF_8);
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                return List.of();
            }
            return JsonPath.from(answer.body()).getList("data.result");
        } catch (Exception notUpYet) {
            return List.of();
        }
    }
}
