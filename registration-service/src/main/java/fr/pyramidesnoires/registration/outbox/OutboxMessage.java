package fr.pyramidesnoires.registration.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.time.Instant;

/** An event written with the change it describes, waiting for the relay to put it on Kafka. */
@Entity
public class OutboxMessage extends PanacheEntity {

    @Column(nullable = false)
    public String topic;
    @Column(nullable = false)
    public String messageKey;
    @Column(nullable = false, columnDefinition = "text")
    public String payload;
    @Column(nullable = false)
    public Instant createdAt;
}
