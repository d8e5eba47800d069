package fr.pyramidesnoires.results.live;

import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.Eventually;
import fr.pyramidesnoires.events.testing.HeadlessChromium;
import fr.pyramidesnoires.events.testing.TopicProbe;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

/** A spectator going from page to page of a live race: every page left lets its live streams go, its alerts' too. */
@QuarkusTest
class LeavingLivePagesTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void theSeventhLivePageOpenedLoadsAsFastAsTheFirst() throws Exception {
        String race = "V" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String id = UUID.randomUUID().toString();
        TopicProbe.shared().send(Topics.ENTRIES, id, new EntryEvent(EntryEvent.Type.UPSERTED, id, race, 88, "C88",
                "Inès", "Caron", false, EntryEvent.Sex.F, "SE", null, "FRA", Instant.now()));
        Eventually.until(() -> io.restassured.RestAssured.get("/api/races/" + race + "/ranking").statusCode(),
                status -> status == 200, Duration.ofSeconds(20), status -> race + " never known: " + status);
        ChromeDriver browser = HeadlessChromium.start();
        try {
            // followed: every page also opens the passing alerts' stream of the runner's race
            browser.get(root.toString());
            browser.executeScript("localStorage.setItem('tpn-following', JSON.stringify([arguments[0]]))",
                    race + "/88");
            // a browser holds six connections to a server: pages that kept their streams would stall the fourth
            for (int page = 1; page <= 9; page++) {
                Instant asked = Instant.now();
                browser.get(root + (page % 2 == 0 ? "races/" + race : "races/" + race + "/runners/88"));
                Duration took = Duration.between(asked, Instant.now());
                assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "page " + page + " took " + took);
            }
        } finally {
            browser.quit();
        }
    }
}
