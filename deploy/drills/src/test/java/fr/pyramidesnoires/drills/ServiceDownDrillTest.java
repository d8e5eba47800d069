package fr.pyramidesnoires.drills;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Both timing instances killed: what nginx answers in their place is the platform's, not nginx's own "502 Bad
 * Gateway". A volunteer's browser gets a page in French and English telling them to check whether what they sent
 * was taken; the checkpoint page's and the mat agents' API calls get problem+json; both say when to try again.
 */
class ServiceDownDrillTest {

    private static final String TITLE = "Service momentanément indisponible / Service briefly unavailable";

    @Test
    void noTimingInstanceLeftIsToldInThePlatformsWords() throws Exception {
        Cluster cluster = Cluster.get();
        HttpClient http = HttpClient.newHttpClient();
        try {
            cluster.kill("timing-1");
            cluster.kill("timing-2");

            HttpResponse<String> page = http.send(HttpRequest.newBuilder(
                            URI.create(cluster.timingUrl() + "/race-control"))
                    .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(502, page.statusCode());
            assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElse(""));
            assertEquals("5", page.headers().firstValue("Retry-After").orElse(""));
            assertTrue(page.body().contains("<h1>" + TITLE + "</h1>"), page.body());
            assertTrue(page.body().contains("vérifiez dans un instant s'il a été pris en compte"), page.body());

            HttpResponse<String> call = http.send(HttpRequest.newBuilder(
                            URI.create(cluster.timingUrl() + "/api/checkpoints/7/passages"))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"bib\": 1042}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(502, call.statusCode());
            assertEquals("application/problem+json", call.headers().firstValue("Content-Type").orElse(""));
            assertEquals("5", call.headers().firstValue("Retry-After").orElse(""));
            JsonPath problem = JsonPath.from(call.body());
            assertEquals("https://pyramides-noires.fr/problems/service-unavailable", problem.getString("type"));
            assertEquals(TITLE, problem.getString("title"));

            // the other services are not concerned
            assertEquals(200, cluster.get(cluster.resultsUrl() + "/races/110K", null).statusCode());
        } finally {
            cluster.startInstance("timing-1");
            cluster.startInstance("timing-2");
            // nginx left both out for 10 s after they failed: whole again through it before the next drill
            assertTrue(Cluster.await(Duration.ofSeconds(60),
                    () -> answers(cluster, cluster.timingUrl() + "/q/health/ready")),
                    "timing not ready again through nginx");
        }
    }

    private static boolean answers(Cluster cluster, String url) {
        try {
            return cluster.get(url, null).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }
}
