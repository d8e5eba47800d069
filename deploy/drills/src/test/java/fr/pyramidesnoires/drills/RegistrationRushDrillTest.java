package fr.pyramidesnoires.drills;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/**
 * Entries open on a race with few places left, mid-race day: runners rush both registration instances at once,
 * straight and through nginx, some of them twice. The race never holds more runners than places, no bib is given
 * twice, no runner enters twice, and every refusal says why as problem+json.
 */
class RegistrationRushDrillTest {

    private static final String RACE = "35K";
    /** The places the organiser opens: far fewer than the runners who want one. */
    private static final int PLACES = 15;
    private static final int RUNNERS = 60;
    /** Runners who, impatient, register a second time on the other instance at the same moment. */
    private static final int TWICE = 8;

    private final ObjectMapper json = new ObjectMapper();

    /** One registration as sent, and what came back. */
    private record Attempt(int runner, String via, int status, String contentType, JsonNode body) {
    }

    @Test
    void neverMoreEntriesThanPlacesNorABibTwice() throws Exception {
        Cluster cluster = Cluster.get();
        // HTTP/1.1 as browsers reach the instances' plain loopback ports: no h2c upgrade asked of them
        HttpClient http = HttpClient.newBuilder().sslContext(SSLContext.getDefault())
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        Race.breakMidRace(cluster, 40, 3535, day -> {
            JsonNode settings = settings(cluster);
            List<Integer> before = startList(cluster);
            ObjectNode few = settings.deepCopy();
            few.put("capacity", before.size() + PLACES);
            try {
                assertEquals(200, put(cluster, http, few).statusCode(), "the organiser could not set the places");
                List<Attempt> attempts = rush(cluster, http);
                judge(attempts, before);
                List<Integer> after = startList(cluster);
                assertEquals(before.size() + PLACES, after.size(), "the start list holds more runners than places");
                assertEquals(after.size(), new HashSet<>(after).size(), "a bib given twice: " + after);
            } finally {
                // the race as it was, for the drills that follow (the waitlist the rush left takes the places back)
                put(cluster, http, settings);
            }
        });
    }

    /** Every runner once, some twice, spread over registration-1, registration-2 and nginx, all at the same time. */
    private List<Attempt> rush(Cluster cluster, HttpClient http) throws Exception {
        String[] instances = {"http://127.0.0.1:" + (Cluster.PORT_BASE + 31),
                "http://127.0.0.1:" + (Cluster.PORT_BASE + 32), cluster.registrationUrl()};
        int licences = ThreadLocalRandom.current().nextInt(1_000_000, 4_000_000);
        List<Integer> runners = new ArrayList<>();
        List<String> vias = new ArrayList<>();
        for (int runner = 0; runner < RUNNERS; runner++) {
            runners.add(runner);
            vias.add(instances[runner % instances.length]);
        }
        for (int runner = 0; runner < TWICE; runner++) {
            runners.add(runner);
            // the other registration instance than the first attempt's
            vias.add(instances[(runner + 1) % 2]);
        }
        ExecutorService senders = Executors.newFixedThreadPool(24);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Attempt>> sent = new ArrayList<>();
            for (int i = 0; i < runners.size(); i++) {
                int runner = runners.get(i);
                String via = vias.get(i);
                sent.add(senders.submit(() -> {
                    go.await();
                    return register(http, via, runner, licences + runner);
                }));
            }
            go.countDown();
            List<Attempt> attempts = new ArrayList<>();
            for (Future<Attempt> attempt : sent) {
                attempts.add(attempt.get());
            }
            return attempts;
        } finally {
            senders.shutdownNow();
        }
    }

    private Attempt register(HttpClient http, String via, int runner, int licence) throws Exception {
        ObjectNode body = json.createObjectNode()
                .put("firstName", "Rush" + runner).put("lastName", "Ruée").put("sex", runner % 2 == 0 ? "F" : "M")
                .put("birthDate", "1988-05-" + (10 + runner % 18)).put("raceCode", RACE).put("nationality", "FRA")
                .put("email", "rush" + runner + "@example.org").put("licenceNumber", String.valueOf(licence));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(via + "/api/entries"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Attempt(runner, via, answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(""),
                answer.body().isEmpty() ? json.createObjectNode() : json.readTree(answer.body()));
    }

    /** What each runner was told, against the places opened. */
    private static void judge(List<Attempt> attempts, List<Integer> bibsBefore) {
        Set<Integer> bibs = new HashSet<>(bibsBefore);
        Set<Long> waitlist = new HashSet<>();
        Set<Integer> entered = new HashSet<>();
        int confirmed = 0;
        for (Attempt attempt : attempts) {
            if (attempt.status() != 201) {
                assertTrue(attempt.status() >= 400 && attempt.status() < 500,
                        "runner " + attempt.runner() + " via " + attempt.via() + ": " + attempt.status() + " "
                                + attempt.body());
                assertTrue(attempt.contentType().startsWith("application/problem+json"), attempt.contentType());
                assertFalse(attempt.body().path("title").asText().isBlank(), "a refusal without a title");
                assertFalse(attempt.body().path("detail").asText().isBlank(), "a refusal without a reason");
                continue;
            }
            assertTrue(entered.add(attempt.runner()), "runner " + attempt.runner() + " entered twice");
            String status = attempt.body().path("status").asText();
            if (status.equals("CONFIRMED")) {
                confirmed++;
                int bib = attempt.body().path("bib").asInt();
                assertTrue(bibs.add(bib), "bib " + bib + " given twice");
            } else {
                assertEquals("WAITLISTED", status, attempt.body().toString());
                JsonNode position = attempt.body().path("waitlistPosition");
                assertNotNull(position);
                assertTrue(waitlist.add(position.asLong()), "waitlist place " + position + " given twice");
            }
        }
        assertEquals(PLACES, confirmed, "places given in the rush");
        assertEquals(RUNNERS, entered.size(), "every runner entered or waitlisted once, whichever instance");
    }

    private JsonNode settings(Cluster cluster) throws Exception {
        HttpResponse<String> races = cluster.get(cluster.registrationUrl() + "/api/admin/races", Cluster.ORGANISER);
        assertEquals(200, races.statusCode(), races.body());
        for (JsonNode race : json.readTree(races.body())) {
            if (race.path("code").asText().equals(RACE)) {
                return race.get("settings");
            }
        }
        throw new AssertionError("no race " + RACE + " on registration");
    }

    private HttpResponse<String> put(Cluster cluster, HttpClient http, JsonNode settings) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(cluster.registrationUrl() + "/api/admin/races/" + RACE
                        + "/settings"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(Cluster.ORGANISER.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(settings))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The bibs on the race's start list (its confirmed runners). */
    private static List<Integer> startList(Cluster cluster) throws Exception {
        HttpResponse<String> csv = cluster.get(cluster.registrationUrl() + "/api/admin/races/" + RACE
                + "/start-list.csv", Cluster.ORGANISER);
        assertEquals(200, csv.statusCode(), csv.body());
        return csv.body().lines().skip(1).filter(line -> !line.isBlank())
                .map(line -> Integer.parseInt(line.split("[,;]", 2)[0].replace("\"", "").strip())).toList();
    }
}
