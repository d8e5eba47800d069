package fr.pyramidesnoires.timing.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.testing.Eventually;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus of deploy/observability/prometheus.sh (the Debian package, checked by promtool) scraping this
 * running timing service: what the race-day dashboard reads.
 */
@QuarkusTest
class PrometheusScrapeTest {

    @TestHTTPResource("/")
    URL service;

    /** Prometheus' configuration, data and log: the test's own. */
    private final Path stack = newStackDir();

    @Test
    void targetsThatAreNotJobEqualsHostPortAreRefused() throws Exception {
        Answer answer = script("config", Map.of("PROMETHEUS_TARGETS", "timing=127.0.0.1"));
        assertNotEquals(0, answer.exit(), answer.output());
        assertTrue(answer.output().contains("is not host:port"), answer.output());
    }

    @Test
    void prometheusScrapesTheTimingServiceAndSeesItsLag() throws Exception {
        int port = freePort();
        Map<String, String> env = Map.of("PROMETHEUS_PORT", String.valueOf(port),
                "PROMETHEUS_TARGETS", "timing=127.0.0.1:" + service.getPort());
        Answer started = script("start", env);
        try {
            assertEquals(0, started.exit(), started.output());
            assertTrue(started.output().contains("is valid prometheus config file syntax"),
                    "promtool checked the configuration: " + started.output());
            Eventually.until(() -> query(port, "up{job=\"timing\"}").contains("\"1\"]"), Duration.ofSeconds(30),
                    "Prometheus never found timing up");
            assertTrue(query(port, "timing_consumer_lag{topic=\"chip-reads\"}").contains("\"partition\":\"5\""));
        } finally {
            Answer stopped = script("stop", env);
            assertEquals(0, stopped.exit(), stopped.output());
        }
    }

    private record Answer(int exit, String output) {
    }

    private Answer script(String command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder process = new ProcessBuilder(repository().resolve("deploy/observability/prometheus.sh").toString(),
                command).redirectErrorStream(true);
        process.environment().putAll(env);
        process.environment().put("STACK_DIR", stack.toString());
        Process running = process.start();
        String output = new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Answer(running.waitFor(), output);
    }

    private static String query(int port, String promql) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static Path repository() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("deploy/observability/prometheus.sh"))) {
                return dir;
            }
        }
        throw new IllegalStateException("deploy/observability/prometheus.sh not found");
    }

    private static Path newStackDir() {
        try {
            return Files.createTempDirectory("prometheus-test");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
