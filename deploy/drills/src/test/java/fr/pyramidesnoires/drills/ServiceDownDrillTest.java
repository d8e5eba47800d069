package fr.pyramidesnoires.drills;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.testing.HeadlessChromium;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Both timing instances killed: what nginx answers in their place is the platform's, not nginx's own "502 Bad
 * Gateway". A volunteer's browser gets a page in French and English telling them to check whether what they sent
 * was taken; an API call (the checkpoint page's, a mat agent's) gets problem+json; both say when to try again. The
 * checkpoint page open on a volunteer's phone keeps the bib typed meanwhile, says why it waits, and sends it once
 * timing is back.
 */
class ServiceDownDrillTest {

    private static final String TITLE = "Service momentanément indisponible / Service briefly unavailable";
    /** A checkpoint of the 110 and 55 km, where the drills' volunteer (every point) may record. */
    private static final String POINT = "pinchonvalles";
    private static final String BIB = "99999";

    @Test
    void noTimingInstanceLeftIsToldInThePlatformsWords() throws Exception {
        Cluster cluster = Cluster.get();
        ChromeDriver phone = volunteersPhone();
        try {
            phone.get(cluster.timingUrl() + "/checkpoint?point=" + POINT);
            assertTrue(phone.findElement(By.tagName("h1")).getText().contains("Pointage"), phone::getPageSource);
            try {
                cluster.kill("timing-1");
                cluster.kill("timing-2");
                nginxAnswersInThePlatformsWords(cluster);

                // no such bib in any race: timing will refuse it, which shows that it was sent
                phone.findElement(By.id("bib")).sendKeys(BIB, Keys.ENTER);
                assertTrue(Cluster.await(Duration.ofSeconds(20),
                                () -> state(phone).startsWith(TITLE + " — 1 en attente")),
                        () -> "the phone says: " + state(phone));
            } finally {
                cluster.startInstance("timing-1");
                cluster.startInstance("timing-2");
                // nginx left both out for 10 s after they failed: whole again through it before the next drill
                assertTrue(Cluster.await(Duration.ofSeconds(60),
                                () -> answers(cluster, cluster.timingUrl() + "/q/health/ready")),
                        "timing not ready again through nginx");
            }
            // the page tries again every 10 s
            assertTrue(Cluster.await(Duration.ofSeconds(40), () -> state(phone).startsWith("0 en attente")),
                    () -> "the phone says: " + state(phone));
            String sent = phone.findElement(By.id("list")).getText();
            assertTrue(sent.startsWith(BIB + " — ") && sent.contains("inconnu ici"), sent);
        } finally {
            phone.quit();
        }
    }

    private static void nginxAnswersInThePlatformsWords(Cluster cluster) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(cluster.timingUrl() + "/race-control"))
                        .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(502, page.statusCode());
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElse(""));
        assertEquals("5", page.headers().firstValue("Retry-After").orElse(""));
        assertTrue(page.body().contains("<h1>" + TITLE + "</h1>"), page.body());
        assertTrue(page.body().contains("vérifiez dans un instant s'il a été pris en compte"), page.body());

        HttpResponse<String> call = http.send(HttpRequest.newBuilder(
                                URI.create(cluster.timingUrl() + "/api/checkpoints/" + POINT + "/passages"))
                        .header("Content-Type", "application/json").header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("[]")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(502, call.statusCode());
        assertEquals("application/problem+json", call.headers().firstValue("Content-Type").orElse(""));
        assertEquals("5", call.headers().firstValue("Retry-After").orElse(""));
        JsonPath problem = JsonPath.from(call.body());
        assertEquals("https://pyramides-noires.fr/problems/service-unavailable", problem.getString("type"));
        assertEquals(TITLE, problem.getString("title"));

        // the other services are not concerned
        assertEquals(200, cluster.get(cluster.resultsUrl() + "/races/110K", null).statusCode());
    }

    /**
     * Debian's Chromium, trusting the cluster's certificate alone beyond the system's (by its public key), signed in
     * as the drills' volunteer as a phone would be.
     */
    private static ChromeDriver volunteersPhone() throws Exception {
        byte[] publicKey = MessageDigest.getInstance("SHA-256")
                .digest(Cluster.certificate().getPublicKey().getEncoded());
        ChromeOptions options = new ChromeOptions();
        options.addArguments("--ignore-certificate-errors-spki-list=" + Base64.getEncoder().encodeToString(publicKey));
        ChromeDriver phone = HeadlessChromium.start(options);
        phone.executeCdpCommand("Network.enable", Map.of());
        phone.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(Cluster.VOLUNTEER.getBytes(StandardCharsets.UTF_8)))));
        return phone;
    }

    private static String state(ChromeDriver phone) {
        return phone.findElement(By.id("state")).getText();
    }

    private static boolean answers(Cluster cluster, String url) {
        try {
            return cluster.get(url, null).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }
}
