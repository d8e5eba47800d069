package fr.pyramidesnoires.results.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.events.RunnerTiming.Passage;
import fr.pyramidesnoires.events.RunnerTiming.Status;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.HeadlessChromium;
import fr.pyramidesnoires.events.testing.TopicProbe;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** A spectator's phone with the ranking open: a passage on Kafka shows up without touching the page. */
@QuarkusTest
class LivePageBrowserTest {

    static final Instant GUN = Instant.parse("2027-03-20T08:00:00Z");

    @TestHTTPResource("/")
    URL root;

    private ChromeDriver browser;
    private TopicProbe kafka;
    private String race;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = HeadlessChromium.start();
        kafka = TopicProbe.onTheServicesBroker();
        race = "L" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String id = UUID.randomUUID().toString();
        kafka.send(Topics.ENTRIES, id, new EntryEvent(EntryEvent.Type.UPSERTED, id, race, 77, "C77", "Jade",
                "Lemaire", false, EntryEvent.Sex.F, "ES", null, "FRA", Instant.now()));
        awaitPage();
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
        kafka.close();
    }

    @Test
    void aPassageAppearsOnTheOpenRankingWithoutReload() throws Exception {
        browser.get(root + "races/" + race);

        passAndAwaitWithoutReload();
        assertTrue(row(77).contains("1:01:00"), row(77));
    }

    @Test
    void theLiveRefreshKeepsTheLanguageTheSpectatorSwitchedTo() throws Exception {
        browser.get(root + "races/" + race);
        browser.findElement(By.cssSelector("a[hreflang='en']")).click();
        // opened again by its plain address: English now comes from the remembered choice alone
        browser.get(root + "races/" + race);
        assertEquals("en", browser.executeScript("return document.documentElement.lang"));

        passAndAwaitWithoutReload();
        String main = (String) browser.executeScript("return document.querySelector('main').innerText");
        assertTrue(main.contains("Last point") && !main.contains("Dernier point"), main);
    }

    @Test
    void myRunnersSayWhereEachOneIsInWords() throws Exception {
        browser.get(root + "mes-coureurs");
        browser.executeScript("localStorage.setItem('tpn-following', JSON.stringify(['" + race + "/77']))");
        browser.get(root + "mes-coureurs");

        Instant deadline = Instant.now().plusSeconds(20);
        String list = "";
        while (!list.contains("Jade")) {
            assertTrue(Instant.now().isBefore(deadline), "the followed runner never showed: " + list);
            Thread.sleep(200);
            list = (String) browser.executeScript("return document.getElementById('following').innerText");
        }
        assertTrue(list.contains("Pas encore parti") && !list.contains("NOT_STARTED"), list);
    }

    /** Sends a passage of runner 77 and waits for it on the open page, which must not have been reloaded. */
    private void passAndAwaitWithoutReload() throws InterruptedException {
        // a mark only this page load has: a reload would lose it
        browser.executeScript("document.documentElement.dataset.loadedOnce = 'yes'");
        assertFalse(row(77).contains("Terril Sainte-Henriette"));

        RunnerTiming timing = new RunnerTiming(race, 77, Status.ON_COURSE, GUN, List.of(
                new Passage(0, "start", "Départ", 0, GUN.plusSeconds(3)),
                new Passage(1, "ste-henriette", "Terril Sainte-Henriette", 12, GUN.plus(Duration.ofMinutes(61)))),
                null, null);
        kafka.send(Topics.RUNNER_TIMINGS, timing.key(), timing);

        Instant deadline = Instant.now().plusSeconds(20);
        while (!row(77).contains("Terril Sainte-Henriette")) {
            assertTrue(Instant.now().isBefore(deadline), "the passage never showed on the open page");
            Thread.sleep(200);
        }
        assertEquals("yes", browser.executeScript("return document.documentElement.dataset.loadedOnce"));
    }

    /** Read in the page itself: the live refresh may swap the row between two driver calls. */
    private String row(int bib) {
        return (String) browser.executeScript("return document.getElementById('bib-" + bib + "').innerText");
    }

    private void awaitPage() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (io.restassured.RestAssured.get("/api/races/" + race + "/ranking").statusCode() != 200) {
            assertTrue(Instant.now().isBefore(deadline), "race never known");
            Thread.sleep(200);
        }
    }
}
