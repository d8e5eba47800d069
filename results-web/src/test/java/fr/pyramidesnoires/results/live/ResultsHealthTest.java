package fr.pyramidesnoires.results.live;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.RaceEvent;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.Eventually;
import fr.pyramidesnoires.events.testing.MetricsText;
import fr.pyramidesnoires.events.testing.RaceDayDashboard;
import fr.pyramidesnoires.events.testing.TopicProbe;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the race-day dashboard shows of a results replica: open live pages and pages served by kind. */
@QuarkusTest
class ResultsHealthTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @TestHTTPResource("/")
    URL root;

    @Test
    void aLivePageOpenCountsAsAClientUntilItCloses() throws Exception {
        String race = publishedRace();
        double before = metric("results_live_clients", "");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<InputStream> live = client.send(HttpRequest.newBuilder(URI.create(root + "races/" + race + "/live"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, live.statusCode());
        Eventually.until(() -> metric("results_live_clients", "") == before + 1, Duration.ofSeconds(10),
                "the open live page is not counted");
        live.body().close();
        Eventually.until(() -> metric("results_live_clients", "") == before, Duration.ofSeconds(10),
                "the closed live page still counts");
    }

    @Test
    void aRankingPageServedCountsUnderItsKind() {
        String race = publishedRace();
        String kind = "page=\"RankingResource.rankingPage\"";
        double before = metric("results_page_renders_seconds_count", kind);
        given().accept("text/html").when().get("/races/" + race).then().statusCode(200);
        assertEquals(before + 1, metric("results_page_renders_seconds_count", kind));
    }

    @Test
    void everyResultsMetricOfTheRaceDayDashboardIsExposed() throws Exception {
        aRankingPageServedCountsUnderItsKind();
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        var asked = RaceDayDashboard.metricsOf("results");
        assertTrue(asked.size() >= 2, "the dashboard shows results: " + asked);
        assertEquals(Set.of(), RaceDayDashboard.notExposed("results", metrics),
                "asked by the dashboard, not at /q/metrics");
    }

    private static double metric(String name, String label) {
        return MetricsText.sum(given().when().get("/q/metrics").then().statusCode(200).extract().asString(), name,
                label);
    }

    /** A race the results know, for its pages and its live stream. */
    private static String publishedRace() {
        String race = "HL" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        TopicProbe.shared().send(Topics.RACES, race, new RaceEvent(race, race, 12, 150, OffsetDateTime.now(), 100));
        Eventually.until(() -> given().get("/api/races/" + race + "/ranking").statusCode() == 200, WAIT, race);
        return race;
    }
}
