import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pyramidesnoires.events.ChipRead;
import fr.pyramidesnoires.events.EventJson;
import fr.pyramidesnoires.field.CuttableLink;
import fr.pyramidesnoires.field.LineReaderEmulator;
import fr.pyramidesnoires.matagent.AgentSettings;
import fr.pyramidesnoires.matagent.MatAgent;
import fr.pyramidesnoires.matagent.journal.Journal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.LongSupplier;

/**
 * The finish mat's agent against a running timing-service, on one machine: how fast reads go from a reader through
 * the agent's journal to the gateway's acknowledgement, how long the backlog of an outage takes to drain once the
 * link is back, and how fast the gateway takes the same reads posted straight to it. Each phase has a journal of
 * its own; a short warm-up goes first so that neither JVM is measured while it compiles.
 * Usage: java -cp CLASSPATH AgentBench.java PLATFORM_PORT DEVICE_ACCOUNT JOURNALS_DIR READS BACKLOG OUTAGE_SECONDS
 * (DEVICE_ACCOUNT is user:password of a device account for M-9BIS-FINISH; the last line, "result ...", is for the
 * script that runs it)
 */
public class AgentBench {

    static final String MAT = "M-9BIS-FINISH";
    static final int WARM_UP = 10_000;
    static final int GATEWAY_BATCH = 2000;
    static final long STALLED_NANOS = 120_000_000_000L;
    static final OffsetDateTime FIRST_FINISHER = OffsetDateTime.parse("2027-03-20T11:30:00+01:00");

    public static void main(String[] args) throws Exception {
        int platformPort = Integer.parseInt(args[0]);
        String device = args[1];
        Path journals = Path.of(args[2]);
        int reads = Integer.parseInt(args[3]);
        int backlog = Integer.parseInt(args[4]);
        long outageMillis = Long.parseLong(args[5]) * 1000;

        double agentRate = sustained(platformPort, device, journals, reads);
        double[] drain = drain(platformPort, device, journals, backlog, outageMillis);
        double gatewayRate = gateway(platformPort, device, reads);
        System.out.printf("result agent=%.0f gateway=%.0f first_delivery_s=%.2f drain_s=%.2f drain_rate=%.0f%n",
                agentRate, gatewayRate, drain[0], drain[1], backlog / drain[1]);
    }

    /** Reads emitted as fast as the reader can, timed until the platform acknowledged the last of them. */
    static double sustained(int platformPort, String device, Path journals, int reads) throws Exception {
        try (LineReaderEmulator reader = new LineReaderEmulator();
             MatAgent agent = agent(reader, platformPort, device, journals.resolve("sustained"))) {
            Journal journal = agent.journal();
            emit(reader, 0, WARM_UP);
            awaitAtLeast(journal::acknowledged, WARM_UP);
            long start = System.nanoTime();
            emit(reader, WARM_UP, reads);
            awaitAtLeast(journal::acknowledged, WARM_UP + reads);
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = reads / seconds;
            System.out.printf("agent:   %,d reads from the reader, journaled (fsync) and acknowledged by the gateway"
                    + " in %.1f s: %,.0f reads/s%n", reads, seconds, rate);
            return rate;
        }
    }

    /**
     * The agent's link cut while the reader goes on reading, kept cut long enough for the agent's back-off to reach
     * its cap, as it has after a long outage; then restored.
     *
     * @return seconds from the restore to the first delivery, and from then until the backlog is acknowledged
     */
    static double[] drain(int platformPort, String device, Path journals, int backlog, long outageMillis)
            throws Exception {
        try (CuttableLink link = new CuttableLink(platformPort);
             LineReaderEmulator reader = new LineReaderEmulator();
             MatAgent agent = agent(reader, link.port(), device, journals.resolve("outage"))) {
            Journal journal = agent.journal();
            emit(reader, 0, WARM_UP);
            awaitAtLeast(journal::acknowledged, WARM_UP);
            link.cut();
            long cut = System.nanoTime();
            emit(reader, WARM_UP, backlog);
            awaitAtLeast(journal::last, WARM_UP + backlog);
            double journaling = (System.nanoTime() - cut) / 1e9;
            long kept = outageMillis - (System.nanoTime() - cut) / 1_000_000;
            if (kept > 0) {
                Thread.sleep(kept);
            }
            if (journal.acknowledged() != WARM_UP) {
                throw new IllegalStateException("reads acknowledged through a cut link: " + journal.acknowledged());
            }
            link.restore();
            long restored = System.nanoTime();
            awaitAtLeast(journal::acknowledged, WARM_UP + 1);
            long first = System.nanoTime();
            awaitAtLeast(journal::acknowledged, WARM_UP + backlog);
            long drained = System.nanoTime();
            double firstDelivery = (first - restored) / 1e9;
            double drain = (drained - first) / 1e9;
            System.out.printf("outage:  link cut %.0f s; the reader's %,d reads journaled meanwhile in %.1f s"
                    + " (%,.0f reads/s)%n", (restored - cut) / 1e9, backlog, journaling, backlog / journaling);
            System.out.printf("drain:   first delivery %.1f s after the restore (the agent's back-off), then %,d reads"
                    + " acknowledged in %.1f s: %,.0f reads/s%n", firstDelivery, backlog, drain, backlog / drain);
            return new double[] {firstDelivery, drain};
        }
    }

    /** The same reads posted straight to the gateway by one client thread, batch after batch. */
    static double gateway(int platformPort, String device, int reads) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI gateway = URI.create("http://127.0.0.1:" + platformPort + "/api/devices/reads");
        String authorization = "Basic " + Base64.getEncoder().encodeToString(device.getBytes(StandardCharsets.UTF_8));
        ObjectMapper json = new ObjectMapper();
        // made beforehand: what is timed is the gateway taking them
        List<String> warmUp = batches(0, WARM_UP);
        List<String> measured = batches(WARM_UP, reads);
        for (String batch : warmUp) {
            post(http, gateway, authorization, json, batch);
        }
        long start = System.nanoTime();
        for (String batch : measured) {
            post(http, gateway, authorization, json, batch);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = reads / seconds;
        System.out.printf("gateway: %,d reads posted straight to it in batches of %d from one thread in %.1f s:"
                + " %,.0f reads/s%n", reads, GATEWAY_BATCH, seconds, rate);
        return rate;
    }

    static MatAgent agent(LineReaderEmulator reader, int platformPort, String device, Path journal) throws Exception {
        return MatAgent.start(AgentSettings.of(Map.of(
                "MAT_ID", MAT,
                "READERS", "R-MAIN=line:127.0.0.1:" + reader.port(),
                "EVENT_DATE", "2027-03-20",
                "PLATFORM_URL", "http://127.0.0.1:" + platformPort,
                "DEVICE_ACCOUNT", device,
                "JOURNAL_DIR", Files.createDirectories(journal).toString(),
                "STATUS_PORT", "0")), Clock.systemUTC());
    }

    static void emit(LineReaderEmulator reader, int from, int count) {
        for (int i = from; i < from + count; i++) {
            reader.emit(read(i));
        }
    }

    /** The i-th read at the finish: ten reads a runner as he crosses, a runner every 20 ms. */
    static ChipRead read(int i) {
        int runner = i / 10;
        OffsetDateTime time = FIRST_FINISHER.plusNanos(runner * 20_000_000L + (i % 10) * 1_000_000L);
        return new ChipRead("R-MAIN", MAT, String.format("BENCH-%06d", runner + 1), time, 1 + i % 4, -50 - i % 20,
                (long) i + 1, ChipRead.Source.MAT);
    }

    static List<String> batches(int from, int count) {
        List<String> batches = new ArrayList<>();
        for (int start = from; start < from + count; start += GATEWAY_BATCH) {
            StringJoiner batch = new StringJoiner(",", "[", "]");
            for (int i = start; i < Math.min(from + count, start + GATEWAY_BATCH); i++) {
                batch.add(EventJson.write(read(i)));
            }
            batches.add(batch.toString());
        }
        return batches;
    }

    static void post(HttpClient http, URI gateway, String authorization, ObjectMapper json, String batch)
            throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(gateway)
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(batch)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode receipt = answer.statusCode() == 200 ? json.readTree(answer.body()) : null;
        if (receipt == null || receipt.path("refused").size() != 0) {
            throw new IllegalStateException("gateway answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    /** Waits for the count to reach the target; two minutes without progress is a stalled agent, not a result. */
    static void awaitAtLeast(LongSupplier count, long target) throws InterruptedException {
        long seen = count.getAsLong();
        long progressed = System.nanoTime();
        while (seen < target) {
            Thread.sleep(5);
            long now = count.getAsLong();
            if (now > seen) {
                seen = now;
                progressed = System.nanoTime();
            } else if (System.nanoTime() - progressed > STALLED_NANOS) {
                throw new IllegalStateException("stalled at " + seen + " of " + target);
            }
        }
    }
}
