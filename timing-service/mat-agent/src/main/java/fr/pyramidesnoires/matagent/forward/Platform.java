package fr.pyramidesnoires.matagent.forward;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The platform's timing service as the mat's device account reaches it. */
public final class Platform {

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);

    private final URI base;
    private final String authorization;
    private final HttpClient http;

    /**
     * @param base   the platform's timing address, e.g. {@code https://timing.example.org}
     * @param device user:password of the mat's device account
     */
    public Platform(URI base, String device, Duration connectTimeout) {
        this.base = base;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(device.getBytes(StandardCharsets.UTF_8));
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    }

    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public String toString() {
        // never the password
        return base.toString();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", authorization).timeout(ANSWER_WITHIN);
    }
}
