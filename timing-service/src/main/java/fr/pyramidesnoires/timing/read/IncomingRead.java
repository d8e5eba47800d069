package fr.pyramidesnoires.timing.read;

import fr.pyramidesnoires.events.ChipRead;
import fr.pyramidesnoires.events.EventCheck;
import fr.pyramidesnoires.events.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A message as it came: its bytes, and the read they hold or why they hold none.
 *
 * @param read    null when the message could not be read
 * @param problem why it could not be read, fit to store and show; null for a well-formed read
 */
public record IncomingRead(ConsumerRecord<String, byte[]> message, byte[] payload, ChipRead read, String problem) {

    /** @param window the read times taken; a read outside is kept as malformed */
    public static IncomingRead of(ConsumerRecord<String, byte[]> message, ReadWindow window) {
        byte[] payload = payload(message);
        ChipRead read;
        try {
            read = EventJson.read(new String(payload, StandardCharsets.UTF_8), ChipRead.class);
        } catch (RuntimeException e) {
            // not only the parser's own errors: a number of seconds past what java.time holds fails in its arithmetic
            return malformed(message, e.getMessage());
        }
        String problem = ReadRules.problem(read);
        if (problem == null) {
            problem = window.problem(read.readTime(), message.timestamp() < 0 ? null
                    : Instant.ofEpochMilli(message.timestamp()));
        }
        return problem == null ? new IncomingRead(message, payload, truncated(read), null)
                : malformed(message, problem);
    }

    /** A message kept as it came with why it could not be used. */
    public static IncomingRead malformed(ConsumerRecord<String, byte[]> message, String problem) {
        return new IncomingRead(message, payload(message), null, EventCheck.printable(problem));
    }

    private static byte[] payload(ConsumerRecord<String, byte[]> message) {
        return message.value() == null ? new byte[0] : message.value();
    }

    /**
     * To the microsecond, as PostgreSQL keeps times: the read compared with the start signal is the one stored, and
     * the same read sent again is seen as the same. The payload keeps what the reader sent.
     */
    private static ChipRead truncated(ChipRead read) {
        if (read.readTime().getNano() % 1000 == 0) {
            return read;
        }
        return new ChipRead(read.readerId(), read.matId(), read.chipId(), read.readTime().truncatedTo(ChronoUnit.MICROS),
                read.antenna(), read.rssi(), read.sequence(), read.source());
    }
}
