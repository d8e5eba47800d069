package fr.pyramidesnoires.matagent.forward;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/** How a batch of reads reaches the platform: over HTTP to the device gateway, or straight onto Kafka. */
public interface Carrier extends AutoCloseable {

    /** The batch was too large for the platform to take: a smaller one may pass. */
    final class TooLarge extends IOException {
        public TooLarge(String why) {
            super(why);
        }
    }

    /**
     * What the platform said of a batch it holds.
     *
     * @param platformClock the platform's clock as it took it, when it says it; null otherwise
     * @param refused       how many of its reads it kept aside as unusable (in quarantine), when it says it
     */
    record Taken(Instant platformClock, int refused) {
    }

    /**
     * Returns only once the platform holds every read of the batch, taken or kept aside as unusable.
     *
     * @throws IOException when it could not be reached or did not take the whole batch
     */
    Taken carry(List<ObjectNode> reads) throws IOException, InterruptedException;

    @Override
    default void close() {
    }
}
