package fr.pyramidesnoires.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Does the officials' and volunteers' part through timing-service's API, as they would from their phones. */
public final class TimingClient {

    private static final Duration UNAVAILABLE_FOR_AT_MOST = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final String baseUrl;
    private final String official;
    private final String volunteer;

    /** @param official and volunteer: user:password of a timing account with that role */
    public TimingClient(String baseUrl, String official, String volunteer) {
        this.baseUrl = baseUrl;
        this.official = basic(official);
        this.volunteer = basic(volunteer);
    }

    /** @return whether timing accepted it */
    boolean perform(OfficeAction action) throws IOException, InterruptedException {
        if (action instanceof OfficeAction.StartSignal s) {
            return send("PUT", "/api/races/" + s.raceCode() + "/gun-start", official,
                    Map.of("time", s.at().toString(), "reason", "simulated start signal"));
        }
        if (action instanceof OfficeAction.StatusDecision d) {
            return send("PUT", "/api/races/" + d.raceCode() + "/runners/" + d.bib() + "/status", official,
                    Map.of("status", d.status(), "reason", d.reason()));
        }
        OfficeAction.VolunteerEntry v = (OfficeAction.VolunteerEntry) action;
        return send("POST", "/api/checkpoints/" + v.pointId() + "/passages", volunteer,
                List.of(Map.of("id", UUID.randomUUID().toString(), "bib", v.bib(),
                        "time", v.seen().atOffset(ZoneOffset.ofHours(1)).toString())));
    }

    private boolean send(String method, String path, String authorization, Object body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        // timing answers 503 while its database switches servers: a phone keeps what was typed and sends it again,
        // which each of these requests bears (the passage by its id, the decisions being states)
        long giveUpAt = System.nanoTime() + UNAVAILABLE_FOR_AT_MOST.toNanos();
        while (true) {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 503 || System.nanoTime() > giveUpAt) {
                return response.statusCode() / 100 == 2;
            }
            long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
            Thread.sleep(Math.max(1, Math.min(seconds, 5)) * 1000);
        }
    }

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }
}
