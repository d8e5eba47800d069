package fr.pyramidesnoires.results.finish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.RunnerTiming.Status;
import fr.pyramidesnoires.events.testing.HeadlessChromium;
import fr.pyramidesnoires.events.testing.TopicProbe;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;

/** The announcer's TV at the finish: a runner who crosses the line shows at the top without anyone touching it. */
@QuarkusTest
class FinishScreenBrowserTest {

    @TestHTTPResource("/")
    URL root;

    private ChromeDriver browser;
    private TopicProbe kafka;
    private String race;

    @BeforeEach
    void openScreen() throws Exception {
        kafka = TopicProbe.onTheServicesBroker();
        race = FinishFixture.race(kafka);
        browser = HeadlessChromium.start();
        browser.manage().window().setSize(new Dimension(1920, 1080));
    }

    @AfterEach
    void closeScreen() {
        browser.quit();
        kafka.close();
    }

    @Test
    void aRunnerCrossingTheLineAppearsOnTopWithoutReload() throws Exception {
        browser.get(root + "screen/" + race);
        assertEquals("finisher-24", topFinisher());
        // a mark only this page load has: a reload would lose it
        browser.executeScript("document.documentElement.dataset.loadedOnce = 'yes'");

        FinishFixture.timed(kafka, race, 26, Status.FINISHED, "PT6S", "PT1H25M", "PT2H40M");

        Instant deadline = Instant.now().plusSeconds(20);
        while (!"finisher-26".equals(topFinisher())) {
            assertTrue(Instant.now().isBefore(deadline), "the new finisher never showed: " + topFinisher());
            Thread.sleep(200);
        }
        assertEquals("yes", browser.executeScript("return document.documentElement.dataset.loadedOnce"));
        String row = (String) browser.executeScript(
                "const row = document.getElementById('finisher-26'); return row.className + ' ' + row.innerText");
        // fifth overall, fourth woman and third in SE-F: the screen's category rank
        assertTrue(row.startsWith("newest") && row.contains("LEROY Eva") && row.contains("2:40:00")
                && row.contains("5") && row.contains("3 SE-F"), row);
        assertTrue(!((String) browser.executeScript("return document.getElementById('coming').innerText"))
                .contains("26"), "a finisher is no longer expected");
        // read across the finish area: nothing to scroll sideways, the clock ticking in the event's zone
        assertTrue((Long) browser.executeScript("return document.documentElement.scrollWidth") <= 1920);
        String clock = (String) browser.executeScript("return document.getElementById('clock').textContent");
        assertTrue(clock.matches("\\d\\d:\\d\\d:\\d\\d"), clock);
    }

    /** Read in the page itself: the live refresh may swap the table between two driver calls. */
    private String topFinisher() {
        return (String) browser.executeScript(
                "const row = document.querySelector('#finishers tbody tr'); return row ? row.id : null");
    }
}
