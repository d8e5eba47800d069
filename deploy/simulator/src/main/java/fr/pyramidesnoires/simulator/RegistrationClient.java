package fr.pyramidesnoires.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/** Registers runners the way runners do: through registration-service's public API. */
final class RegistrationClient {

    /** What registration gave the runner. */
    record Registered(int bib, String chip) {
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final URI entries;
    /**
     * From a random start, so that another simulation on the same platform gives other numbers; from 5,000,000 up,
     * apart from the numbers registration's own tests give, when the end-to-end tests run it on their database.
     */
    private final AtomicInteger licences = new AtomicInteger(5_000_000 + new Random().nextInt(4_000_000));

    RegistrationClient(String baseUrl) {
        this.entries = URI.create(baseUrl + "/api/entries");
    }

    /**
     * @return null when registration refused the runner (race full, say): the simulator goes on without them
     */
    Registered register(SimRunner runner) throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("firstName", runner.firstName());
        body.put("lastName", runner.lastName());
        body.put("sex", runner.sex());
        body.put("birthDate", runner.birthDate().toString());
        body.put("raceCode", runner.raceCode());
        body.put("nationality", "FRA");
        body.put("club", runner.club());
        body.put("email", "simulated.runner@example.org");
        // a made-up FFA licence number, seven digits, one per runner: registration refuses a number already entered
        body.put("licenceNumber", String.valueOf(licences.getAndIncrement()));
        HttpRequest request = HttpRequest.newBuilder(entries)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            return null;
        }
        JsonNode entry = json.readTree(response.body());
        return new Registered(entry.get("bib").asInt(), entry.get("chip").asText());
    }
}
