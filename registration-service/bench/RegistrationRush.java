import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * ATTEMPTS distinct runners registering into RACE at once, at most CLIENTS requests in flight. Prints how many got
 * a place, how many went to the waitlist, how many failed, the rate and the latencies.
 * Usage: java RegistrationRush.java BASE_URL RACE ATTEMPTS CLIENTS
 */
public class RegistrationRush {

    public static void main(String[] args) throws Exception {
        URI entries = URI.create(args[0] + "/api/entries");
        String race = args[1];
        int attempts = Integer.parseInt(args[2]);
        Semaphore inFlight = new Semaphore(Integer.parseInt(args[3]));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger waitlisted = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long[] latencies = new long[attempts];
        CompletableFuture<?>[] answers = new CompletableFuture<?>[attempts];
        long start = System.nanoTime();
        for (int i = 0; i < attempts; i++) {
            int runner = i;
            inFlight.acquire();
            long sent = System.nanoTime();
            answers[i] = http.sendAsync(request(entries, race, runner), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, failure) -> {
                        latencies[runner] = System.nanoTime() - sent;
                        inFlight.release();
                        if (failure != null || response.statusCode() != 201) {
                            errors.incrementAndGet();
                        } else if (response.body().contains("\"status\":\"CONFIRMED\"")) {
                            accepted.incrementAndGet();
                        } else if (response.body().contains("\"status\":\"WAITLISTED\"")) {
                            waitlisted.incrementAndGet();
                        } else {
                            errors.incrementAndGet();
                        }
                    });
        }
        CompletableFuture.allOf(answers).exceptionally(failure -> null).join();
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        System.out.printf("rush: accepted %d%n", accepted.get());
        System.out.printf("rush: waitlisted %d%n", waitlisted.get());
        System.out.printf("rush: errors %d%n", errors.get());
        System.out.printf("rush: seconds %.2f%n", seconds);
        System.out.printf("rush: rate %.1f%n", attempts / seconds);
        System.out.printf("rush: p50 %.1f%n", latencies[attempts / 2] / 1e6);
        System.out.printf("rush: p99 %.1f%n", latencies[(int) Math.min(attempts - 1, Math.ceil(attempts * 0.99) - 1)] / 1e6);
    }

    /** A distinct person each time: names and birth dates never repeat within a run. */
    static HttpRequest request(URI entries, String race, int runner) {
        String body = String.format("""
                {"firstName":"Rush","lastName":"Runner-%d","sex":"%s","birthDate":"%d-%02d-%02d","raceCode":"%s",
                 "nationality":"FRA","club":"Bench AC","email":"runner%d@example.org","licenceNumber":"%07d"}""",
                runner, runner % 3 == 0 ? "F" : "H", 1960 + runner % 40, 1 + runner % 12, 1 + runner % 28, race,
                runner, 1000000 + runner);
        return HttpRequest.newBuilder(entries).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
