package fr.pyramidesnoires.timing.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.HeadlessChromium;
import fr.pyramidesnoires.events.testing.Eventually;
import fr.pyramidesnoires.events.testing.TopicProbe;
import fr.pyramidesnoires.timing.read.StoredReads;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The checkpoint page in a real browser (Debian's headless Chromium): a bib typed while the terril has no network
 * waits on the phone, and reaches timing once, when the network comes back.
 */
@QuarkusTest
class CheckpointPageOfflineTest {

    @TestHTTPResource("/checkpoint")
    URL page;

    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = HeadlessChromium.start();
        browser.executeCdpCommand("Network.enable", Map.of());
        String credentials = Base64.getEncoder().encodeToString("vol-est:vol-est-secret".getBytes(StandardCharsets.UTF_8));
        browser.executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", Map.of("Authorization", "Basic " + credentials)));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    private void network(boolean up) {
        browser.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", !up, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    @Test
    void aBibTypedOfflineWaitsOnThePhoneAndIsRecordedOnceBackOnline() throws Exception {
        int bib = 800_000 + new Random().nextInt(99_999);
        String chip = "CHIP-" + UUID.randomUUID();
        String entryId = UUID.randomUUID().toString();
        try (TopicProbe kafka = TopicProbe.onTheServicesBroker()) {
            kafka.send(Topics.ENTRIES, entryId, new EntryEvent(EntryEvent.Type.UPSERTED, entryId, "22K", bib, chip,
                    "Rose", "Hors-Ligne", false, EntryEvent.Sex.F, "SE", null, "FRA", Instant.now()));
        }
        browser.get(page.toString());
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("Estevelles"));

        network(false);
        browser.findElement(By.id("bib")).sendKeys(String.valueOf(bib), Keys.ENTER);
        await(() -> browser.findElement(By.id("state")).getText().contains("1 en attente"), "queued on the phone");
        assertTrue(browser.findElement(By.id("state")).getText().contains("Hors ligne"));
        Thread.sleep(1500);
        assertEquals(0, reads(chip), "nothing can reach timing without network");

        network(true);
        await(() -> reads(chip) == 1, "recorded once the network is back");
        await(() -> browser.findElement(By.id("state")).getText().contains("0 en attente"), "the phone knows");
        browser.navigate().refresh();
        Thread.sleep(1500);
        assertEquals(1, reads(chip), "a reload sends nothing twice");
        assertTrue(browser.findElement(By.id("list")).getText().contains(bib + " —"));
    }

    private static long reads(String chip) {
        return StoredReads.distinct(chip);
    }

    private static void await(BooleanSupplier condition, String what) {
        Eventually.until(condition, Duration.ofSeconds(30), "never " + what);
    }
}
