package fr.pyramidesnoires.registration.outbox;

import fr.pyramidesnoires.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

@ApplicationScoped
public class Outbox {

    /** Must run inside the transaction of the change: the event exists exactly when the change does. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queue(String topic, String key, Object event) {
        OutboxMessage message = new OutboxMessage();
        message.topic = topic;
        message.messageKey = key;
        message.payload = EventJson.write(event);
        message.createdAt = Instant.now();
        message.persist();
    }
}
