package fr.pyramidesnoires.results.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.events.RunnerTiming.Passage;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.HeadlessChromium;
import fr.pyramidesnoires.events.testing.TopicProbe;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
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

/** A spectator on a phone types their address on the runner's page while the race goes on, and asks. */
@QuarkusTest
class AlertFormBrowserTest {

    @TestHTTPResource("/")
    URL root;
    @Inject
    MockMailbox mailbox;

    private ChromeDriver browser;
    private TopicProbe kafka;

    @BeforeEach
    void open() throws Exception {
        browser = HeadlessChromium.start();
        kafka = TopicProbe.onTheServicesBroker();
    }

    @AfterEach
    void close() {
        browser.quit();
        kafka.close();
    }

    @Test
    void theAddressBeingTypedSurvivesALiveRefreshAndTheFormAsks() throws Exception {
        String race = "AB" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String id = UUID.randomUUID().toString();
        kafka.send(Topics.ENTRIES, id, new EntryEvent(EntryEvent.Type.UPSERTED, id, race, 7, "C7", "Jade",
                "Lemaire", false, EntryEvent.Sex.F, "ES", null, "FRA", Instant.now()));
        String page = root + "races/" + race + "/runners/7";
        Instant deadline = Instant.now().plusSeconds(20);
        do {
            assertTrue(Instant.now().isBefore(deadline), "the runner page never came");
            Thread.sleep(200);
            browser.get(page);
        } while (browser.findElements(By.id("alert-email")).isEmpty());
        browser.executeScript("document.documentElement.dataset.loadedOnce = 'yes'");
        String address = "jade-fan-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        browser.findElement(By.id("alert-email")).sendKeys(address.substring(0, 10));

        // the race changes while the spectator types: the page swaps its main part
        RunnerTiming timing = new RunnerTiming(race, 7, RunnerTiming.Status.ON_COURSE, null, List.of(
                new Passage(0, "start", "Départ", 0, Instant.now().minus(Duration.ofMinutes(70))),
                new Passage(1, "ste-henriette", "Terril Sainte-Henriette", 12, Instant.now())), null, null);
        kafka.send(Topics.RUNNER_TIMINGS, timing.key(), timing);
        deadline = Instant.now().plusSeconds(20);
        while (!((String) browser.executeScript("return document.querySelector('main').innerText"))
                .contains("Terril Sainte-Henriette")) {
            assertTrue(Instant.now().isBefore(deadline), "the passage never showed on the open page");
            Thread.sleep(200);
        }
        assertEquals("yes", browser.executeScript("return document.documentElement.dataset.loadedOnce"),
                "refreshed in place, not reloaded");
        assertEquals(address.substring(0, 10), browser.executeScript(
                "return document.getElementById('alert-email').value"));
        assertEquals("alert-email", browser.executeScript("return document.activeElement.id"));

        browser.switchTo().activeElement().sendKeys(address.substring(10));
        browser.findElement(By.cssSelector(".passing-alerts button[type=submit]")).click();
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("Consultez vos e-mails"));
        deadline = Instant.now().plusSeconds(20);
        while (mailbox.getMailsSentTo(address).isEmpty()) {
            assertTrue(Instant.now().isBefore(deadline), "no confirmation mail to " + address);
            Thread.sleep(200);
        }
    }
}
