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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

/** A spectator with "my runners" open hears of a followed runner's passage, in the page and from the system. */
@QuarkusTest
class FollowingAlertsBrowserTest {

    @TestHTTPResource("/")
    URL root;

    private ChromeDriver browser;
    private TopicProbe kafka;
    private String race;

    @BeforeEach
    void follow() throws Exception {
        kafka = TopicProbe.onTheServicesBroker();
        race = FinishFixture.race(kafka);
        browser = HeadlessChromium.start();
        String origin = root.toString().replaceAll("/$", "");
        browser.executeCdpCommand("Browser.grantPermissions",
                Map.of("origin", origin, "permissions", List.of("notifications")));
        browser.get(root + "mes-coureurs");
        browser.executeScript("localStorage.setItem('tpn-following', JSON.stringify(['" + race + "/25']))");
        browser.get(root + "mes-coureurs");
    }

    @AfterEach
    void close() {
        browser.quit();
        kafka.close();
    }

    @Test
    void aFollowedRunnersPassageIsToldWithItsTimeAndRankWithoutReload() throws Exception {
        awaitScript("return document.getElementById('following-alerts')?.dataset.listening === 'yes'",
                "the page never listened to the followed runner's race");
        assertEquals("granted", browser.executeScript("return Notification.permission"));
        // record what the page asks the system to show
        browser.executeScript("""
                window.shown = [];
                const Real = window.Notification;
                window.Notification = function (title, options) { shown.push(title); return new Real(title, options); };
                window.Notification.permission = Real.permission;
                document.documentElement.dataset.loadedOnce = 'yes';""");
        assertEquals("", browser.executeScript("return document.querySelector('#following-alerts [role=status]').innerText"));

        FinishFixture.timed(kafka, race, 25, Status.FINISHED, "PT5S", "PT1H20M", "PT2H35M");

        awaitScript("return document.querySelector('#following-alerts [role=status]').innerText.includes('Dossard 25')",
                "the passage was never told in the page");
        String told = (String) browser.executeScript(
                "return document.querySelector('#following-alerts [role=status]').innerText");
        // 10:35 UTC is 11:35 in Paris; fifth at the finish, after the four who came in before
        assertTrue(told.contains("Dossard 25 O'HARA<SCRIPT> Dan\" — Arrivée, 11:35, 5e"), told);
        assertEquals(0L, browser.executeScript("return document.querySelectorAll('#following-alerts script').length"));
        assertEquals(List.of(told.strip()), browser.executeScript("return window.shown"));
        assertEquals("yes", browser.executeScript("return document.documentElement.dataset.loadedOnce"));
    }

    @Test
    void theSpectatorIsOfferedToTurnNotificationsOnWhereTheyAreNotYet() throws Exception {
        browser.executeCdpCommand("Browser.resetPermissions", Map.of());
        browser.get(root + "races/" + race + "/runners/25");
        awaitScript("return document.getElementById('following-alerts')?.dataset.listening === 'yes'",
                "the runner page never listened to the followed runner's race");
        assertEquals("Activer les notifications", browser.executeScript(
                "return document.querySelector('#following-alerts button').textContent"));
    }

    private void awaitScript(String script, String failure) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!Boolean.TRUE.equals(browser.executeScript(script))) {
            assertTrue(Instant.now().isBefore(deadline), failure);
            Thread.sleep(200);
        }
    }
}
