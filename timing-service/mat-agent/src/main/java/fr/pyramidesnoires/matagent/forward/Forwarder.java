package fr.pyramidesnoires.matagent.forward;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.pyramidesnoires.matagent.journal.Journal;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Sends the journal's reads to the platform's device gateway, oldest first, in batches, and records what it took:
 * only then are they acknowledged in the journal. A batch sent again after a lost answer is harmless, since each
 * read carries its journal sequence and timing counts a read once. A backlog goes out in order, in full batches,
 * before the reads taken since: at a few hundred reads a batch, the backlog of a long outage drains in minutes and
 * no read waits behind one that came after it.
 */
public final class Forwarder {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long IDLE_MILLIS = 200;
    private static final long INITIAL_BACK_OFF_MILLIS = 1000;
    private static final long MAX_BACK_OFF_MILLIS = 60_000;

    private final Journal journal;
    private final HttpClient http;
    private final URI gateway;
    private final String authorization;
    private final int batchSize;
    private final Clock clock;
    private volatile Delivery delivery = Delivery.NONE;

    /**
     * @param platform the platform's timing address, e.g. {@code https://timing.example.org}
     * @param device   user:password of the mat's device account
     */
    public Forwarder(Journal journal, URI platform, String device, int batchSize, Duration timeout, Clock clock) {
        this.journal = journal;
        this.gateway = platform.resolve("/api/devices/reads");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(device.getBytes(StandardCharsets.UTF_8));
        this.batchSize = batchSize;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /**
     * Sends the next batch of reads the platform has not acknowledged.
     *
     * @return how many reads the platform took; 0 when nothing was waiting
     * @throws IOException when the platform could not be reached or did not take the batch
     */
    public int sendNext() throws IOException, InterruptedException {
        List<Journal.Entry> batch = journal.after(journal.acknowledged(), batchSize);
        if (batch.isEmpty()) {
            return 0;
        }
        ArrayNode reads = JSON.createArrayNode();
        for (Journal.Entry entry : batch) {
            // the journal's number names the read across resends, whatever the reader numbered it
            ObjectNode read = (ObjectNode) JSON.readTree(entry.payload());
            read.put("sequence", entry.sequence());
            reads.add(read);
        }
        HttpRequest request = HttpRequest.newBuilder(gateway)
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(reads)))
                .build();
        Instant sent = clock.instant();
        HttpResponse<String> answer;
        try {
            answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            delivery = new Delivery(delivery.lastDelivery(), "platform unreachable: " + e, delivery.platformClock());
            throw e;
        }
        Instant received = clock.instant();
        if (answer.statusCode() / 100 != 2) {
            String why = "platform answered " + answer.statusCode() + ": " + answer.body();
            delivery = new Delivery(delivery.lastDelivery(), why, delivery.platformClock());
            throw new IOException(why);
        }
        journal.acknowledge(batch.get(batch.size() - 1).sequence());
        delivery = new Delivery(received, null, platformClock(answer.body(), sent, received));
        return batch.size();
    }

    /**
     * Forwards until told to stop: at once while reads wait, and after 1, 2, 4… seconds (at most a minute) while
     * the platform cannot be reached, so a 4G link that comes back is used within a minute.
     */
    public void forwardUntil(BooleanSupplier stop) throws InterruptedException {
        long backOffMillis = INITIAL_BACK_OFF_MILLIS;
        while (!stop.getAsBoolean()) {
            try {
                if (sendNext() == 0) {
                    Thread.sleep(IDLE_MILLIS);
                }
                backOffMillis = INITIAL_BACK_OFF_MILLIS;
            } catch (IOException e) {
                Thread.sleep(backOffMillis);
                backOffMillis = Math.min(backOffMillis * 2, MAX_BACK_OFF_MILLIS);
            }
        }
    }

    public Delivery delivery() {
        return delivery;
    }

    /** From the time the platform took the batch, against the middle of the round trip. */
    private Duration platformClock(String receipt, Instant sent, Instant received) throws IOException {
        JsonNode at = JSON.readTree(receipt).get("receivedAt");
        if (at == null || !at.isTextual()) {
            return delivery.platformClock();
        }
        Instant middle = sent.plus(Duration.between(sent, received).dividedBy(2));
        return Duration.between(middle, Instant.parse(at.asText()));
    }
}
