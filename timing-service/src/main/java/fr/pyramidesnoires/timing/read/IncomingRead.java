package fr.pyramidesnoires.timing.read;

import fr.pyramidesnoires.events.ChipRead;
import fr.pyramidesnoires.events.EventJson;
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
            ChipRead read = EventJson.read(payload, ChipRead.class);
            String problem = ReadRules.problem(read);
            return problem == null ? new IncomingRead(message, payload, read, null)
                    : new IncomingRead(message, payload, null, problem);
        } catch (EventJson.MalformedEventException e) {
            return new IncomingRead(message, payload, null, e.getMessage());
        }
    }
}
