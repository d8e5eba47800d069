package fr.pyramidesnoires.matagent.forward;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.pyramidesnoires.matagent.journal.Journal;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the journal's reads to the platform, oldest first, in batches, by its carrier (the device gateway or
 * Kafka), and acknowledges them in the journal only once the platform holds them. A batch sent again after a lost
 * answer is harmless, since each read carries its journal sequence and timing counts a read once. A backlog goes
 * out in order, in full batches, before the reads taken since: the backlog of a long outage drains in seconds and
 * no read waits behind one that came after it.
 * <p>
 * A batch too large for the platform is halved until it passes; any other failure is retried with back-off and
 * shown to the volunteer: the reads wait in the journal, nothing is skipped.
 */
public final class Forwarder {

    private static final Logger LOG = Logger.getLogger(Forwarder.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long IDLE_MILLIS = 200;
    private static final long INITIAL_BACK_OFF_MILLIS = 1000;
    private static final long MAX_BACK_OFF_MILLIS = 15_000;
    /** Well under what the gateway and a proxy before it take in one request. */
    static final int MAX_BATCH_BYTES = 1 << 20;

    private final Journal journal;
    private final Carrier carrier;
    private int sending;
    private final Clock clock;
    private volatile Delivery delivery = Delivery.NONE;

    public Forwarder(Journal journal, Carrier carrier, int batchSize, Clock clock) {
        this.journal = journal;
        this.carrier = carrier;
        this.sending = batchSize;
        this.clock = clock;
    }

    /**
     * Sends the next batch of reads the platform has not acknowledged.
     *
     * @return how many reads the platform took; 0 when nothing was waiting
     * @throws IOException when the platform could not be reached or did not take the batch
     */
    public int sendNext() throws IOException, InterruptedException {
        List<Journal.Entry> batch = journal.after(journal.acknowledged(), sending);
        if (batch.isEmpty()) {
            return 0;
        }
        List<ObjectNode> reads = new ArrayList<>(batch.size());
        int bytes = 0;
        for (Journal.Entry entry : batch) {
            // the sequence and the array's commas come on top of each read
            bytes += entry.payload().length() + 32;
            if (bytes > MAX_BATCH_BYTES && !reads.isEmpty()) {
                batch = batch.subList(0, reads.size());
                break;
            }
            // the journal's number names the read across resends, whatever the reader numbered it
            ObjectNode read = (ObjectNode) JSON.readTree(entry.payload());
            read.put("sequence", entry.sequence());
            reads.add(read);
        }
        Instant sent = clock.instant();
        Carrier.Taken taken;
        try {
            taken = carrier.carry(reads);
        } catch (Carrier.TooLarge e) {
            if (batch.size() == 1) {
                delivery = delivery.failed(e.getMessage());
                throw e;
            }
            // the platform's limit stays: later batches keep to the size that passes
            sending = Math.max(1, batch.size() / 2);
            return sendNext();
        } catch (IOException e) {
            delivery = delivery.failed(e.getMessage());
            throw e;
        }
        Instant received = clock.instant();
        journal.acknowledge(batch.get(batch.size() - 1).sequence());
        Duration platformClock = taken.platformClock() == null ? delivery.platformClock()
                : Duration.between(sent.plus(Duration.between(sent, received).dividedBy(2)), taken.platformClock());
        delivery = new Delivery(received, null, platformClock, delivery.refused() + taken.refused(),
                taken.refused() > 0 ? received : delivery.lastRefused());
        return batch.size();
    }

    /**
     * Forwards until told to stop: at once while reads wait, and after 1, 2, 4… seconds (at most 15) while the
     * platform cannot be reached: a try costs a few bytes, and a 4G link that comes back is used within seconds
     * (at a minute, the benchmark's agent waited longer for its first try than its backlog took to drain).
     */
    public void forwardUntil(BooleanSupplier stop) throws InterruptedException {
        long backOffMillis = INITIAL_BACK_OFF_MILLIS;
        while (!stop.getAsBoolean()) {
            try {
                if (sendNext() == 0) {
                    Thread.sleep(IDLE_MILLIS);
                }
                backOffMillis = INITIAL_BACK_OFF_MILLIS;
            } catch (IOException | RuntimeException e) {
                if (e instanceof RuntimeException) {
                    // a fault of this code must not end forwarding for the rest of the race
                    LOG.log(Level.SEVERE, "Forwarding failed", e);
                    delivery = delivery.failed("agent fault: " + e);
                }
                Thread.sleep(backOffMillis);
                backOffMillis = Math.min(backOffMillis * 2, MAX_BACK_OFF_MILLIS);
            }
        }
    }

    public Delivery delivery() {
        return delivery;
    }

}
