import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * CLIENTS spectators holding a race's live stream open. Each notes when each event arrives; once the feed has
 * sent EVENTS passages (one send time per line in SENT_FILE), prints how long the events took to arrive.
 * Usage: java SseClients.java URL CLIENTS EVENTS SENT_FILE READY_FILE
 */
public class SseClients {

    public static void main(String[] args) throws Exception {
        URI stream = URI.create(args[0]);
        int clients = Integer.parseInt(args[1]);
        int events = Integer.parseInt(args[2]);
        Path sentFile = Path.of(args[3]);
        AtomicInteger connected = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<List<Long>> arrivals = new ArrayList<>();
        List<HttpClient> pool = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            pool.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
        }
        for (int c = 0; c < clients; c++) {
            List<Long> mine = Collections.synchronizedList(new ArrayList<>());
            arrivals.add(mine);
            Flow.Subscriber<String> lines = new Flow.Subscriber<>() {
                public void onSubscribe(Flow.Subscription subscription) {
                    connected.incrementAndGet();
                    subscription.request(Long.MAX_VALUE);
                }

                public void onNext(String line) {
                    if (line.startsWith("data:")) {
                        mine.add(System.currentTimeMillis());
                    }
                }

                public void onError(Throwable error) {
                    failed.incrementAndGet();
                }

                public void onComplete() {
                }
            };
            pool.get(c % pool.size()).sendAsync(HttpRequest.newBuilder(stream).build(),
                    HttpResponse.BodyHandlers.fromLineSubscriber(lines));
        }
        long deadline = System.currentTimeMillis() + 120_000;
        while (connected.get() + failed.get() < clients && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        System.out.printf("sse: %d clients connected, %d failed%n", connected.get(), failed.get());
        Files.writeString(Path.of(args[4]), "ready");
        while ((!Files.exists(sentFile) || Files.readAllLines(sentFile).size() < events)
                && System.currentTimeMillis() < deadline + 120_000) {
            Thread.sleep(100);
        }
        Thread.sleep(3000);
        List<Long> sent = Files.readAllLines(sentFile).stream().map(l -> Long.parseLong(l.split(" ")[1])).toList();
        List<Long> latencies = new ArrayList<>();
        int received = 0;
        for (List<Long> mine : arrivals) {
            received += mine.size();
            for (int k = 0; k < Math.min(mine.size(), sent.size()); k++) {
                latencies.add(mine.get(k) - sent.get(k));
            }
        }
        Collections.sort(latencies);
        System.out.printf("sse: %d of %d events received; passage on Kafka to event on a client: p50 %d ms, p99 %d ms,"
                        + " max %d ms (goal p99 < 250 ms)%n", received, (long) clients * events,
                percentile(latencies, 0.50), percentile(latencies, 0.99), latencies.isEmpty() ? -1 : latencies.get(latencies.size() - 1));
        System.exit(0);
    }

    static long percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? -1 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }
}
