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
     * Returns only once the platform holds every read of the batch, taken or kept aside as unusable.
     *
     * @return the platform's clock as it took them, when it says it; null otherwise
     * @throws IOException when it could not be reached or did not take the whole batch
     */
    Instant carry(List<ObjectNode> reads) throws IOException, InterruptedException;

    @Override
    default void close() {
    }
}
