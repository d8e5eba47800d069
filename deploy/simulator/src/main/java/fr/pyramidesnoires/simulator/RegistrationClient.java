package fr.pyramidesnoires.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Registers runners the way runners do: through registration-service's public API. Where the entry owes a fee, the
 * runner pays it on the payment emulator's page, and only there.
 */
final class RegistrationClient {

    /** What registration gave the runner. */
    record Registered(int bib, String chip) {
    }

    /** The webhook is sent before the emulator's page redirects: the place is normally confirmed at once. */
    private static final Duration CONFIRMATION_WAIT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final URI entries;
    /** The payment pages the simulator may pay (the emulator's, on loopback); null: it pays none. */
    private final String emulatedPages;
    /**
     * From a random start, so that another simulation on the same platform gives other numbers; from 5,000,000 up,
     * apart from the numbers registration's own tests give, when the end-to-end tests run it on their database.
     */
    private final AtomicInteger licences = new AtomicInteger(5_000_000 + new Random().nextInt(4_000_000));

    /**
     * @param payEmulated the payment emulator's address, whose pages the simulated runners pay; null when the
     *                    platform takes no payments
     */
    RegistrationClient(String baseUrl, URI payEmulated) {
        this.entries = URI.create(baseUrl + "/api/entries");
        this.emulatedPages = payEmulated == null ? null : emulatedPages(payEmulated);
    }

    /**
     * A real provider's page takes real money: the simulator pays only the pages of an emulator on this machine,
     * named by its loopback address (no name looked up).
     */
    static String emulatedPages(URI emulator) {
        String host = emulator.getHost() == null ? "" : emulator.getHost();
        if (!host.equals("localhost") && !host.equals("[::1]") && !host.matches("127(\\.\\d{1,3}){3}")) {
            throw new IllegalArgumentException("--pay-emulated takes the payment emulator's address on loopback, "
                    + "e.g. http://127.0.0.1:12111, not " + emulator);
        }
        return emulator.toString().replaceAll("/+$", "") + "/pay/";
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
        HttpResponse<String> response = http.send(post(entries, "application/json", json.writeValueAsString(body)),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            return null;
        }
        JsonNode entry = json.readTree(response.body());
        if ("HELD".equals(entry.path("status").asText())) {
            entry = pay(entry.get("token").asText());
        }
        return entry.path("bib").isInt() ? new Registered(entry.get("bib").asInt(), entry.get("chip").asText()) : null;
    }

    /** As the runner does: opens the checkout, presses Pay on the provider's page, then reads the entry back. */
    private JsonNode pay(String token) throws IOException, InterruptedException {
        URI entry = URI.create(entries + "/by-token/" + token);
        HttpResponse<String> checkout = http.send(post(URI.create(entry + "/checkout"), "application/json", ""),
                HttpResponse.BodyHandlers.ofString());
        if (checkout.statusCode() != 201) {
            throw new IllegalStateException("registration opened no checkout for a held place: "
                    + checkout.statusCode() + " " + checkout.body());
        }
        String page = json.readTree(checkout.body()).get("url").asText();
        if (emulatedPages == null || !page.startsWith(emulatedPages)) {
            throw new IllegalStateException("the entry owes a fee, paid on " + page + ", which is not the payment "
                    + "emulator's page (" + (emulatedPages == null ? "none given: --pay-emulated URL" : emulatedPages)
                    + "): the simulator pays no real provider. Run the platform with the emulator, or without payments");
        }
        HttpResponse<String> paid = http.send(post(URI.create(page), "application/x-www-form-urlencoded", "action=pay"),
                HttpResponse.BodyHandlers.ofString());
        if (paid.statusCode() != 303) {
            throw new IllegalStateException("the emulator's page did not take the payment: " + paid.statusCode());
        }
        long end = System.nanoTime() + CONFIRMATION_WAIT.toNanos();
        while (true) {
            JsonNode read = json.readTree(http.send(HttpRequest.newBuilder(entry).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            if ("CONFIRMED".equals(read.path("status").asText())) {
                return read;
            }
            if (System.nanoTime() > end) {
                throw new IllegalStateException("paid, but the entry is still " + read.path("status").asText()
                        + " after " + CONFIRMATION_WAIT.toSeconds() + " s: registration got no payment notification");
            }
            Thread.sleep(100);
        }
    }

    private static HttpRequest post(URI uri, String type, String body) {
        return HttpRequest.newBuilder(uri).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
