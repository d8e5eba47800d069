package fr.pyramidesnoires.timing.read;

import fr.pyramidesnoires.events.ChipRead;
import fr.pyramidesnoires.events.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A chip-read message as it came: its bytes, and the read they hold or why they hold none.
 *
 * @param read    null when the message could not be read
 * @param problem why it could not be read; null for a well-formed read
 */
public record IncomingRead(ConsumerRecord<String, byte[]> message, byte[] payload, ChipRead read, String problem) {

    public static IncomingRead of(ConsumerRecord<String, byte[]> message) {
        byte[] payload = message.value() == null ? new byte[0] : message.value();
        try {
            ChipRead read = truncated(EventJson.read(new String(payload, StandardCharsets.UTF_8), ChipRead.class));
            String problem = ReadRules.problem(read);
            return problem == null ? new IncomingRead(message, payload, read, null)
                    : new IncomingRead(message, payload, null, problem);
        } catch (EventJson.MalformedEventException e) {
            return new IncomingRead(message, payload, null, e.getMessage());
        }
    }

    /**
     * To the microsecond, as PostgreSQL keeps times: the read compared with the start signal is the one stored, and
     * the same read sent again is seen as the same. The payload keeps what the reader sent.
     */
    private static ChipRead truncated(ChipRead read) {
        if (read == null || read.readTime() == null || read.readTime().getNano() % 1000 == 0) {
            return read;
        }
        return new ChipRead(read.readerId(), read.matId(), read.chipId(), read.readTime().truncatedTo(ChronoUnit.MICROS),
                read.antenna(), read.rssi(), read.sequence(), read.source());
    }
}
