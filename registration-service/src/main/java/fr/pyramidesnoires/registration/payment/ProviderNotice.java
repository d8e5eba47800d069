package fr.pyramidesnoires.registration.payment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/**
 * A notification that reached the webhook, kept whatever it was: a refused one (unsigned, badly signed) for the
 * organisers to see who knocks, an accepted one under the provider's own id, which is what makes a notification
 * delivered many times handled once.
 */
@Entity
public class ProviderNotice extends PanacheEntityBase {

    /** Enough to read what was sent; a body larger than this is not the provider's. */
    static final int KEPT_CHARACTERS = 65_536;

    @Id
    public String id;
    public String type;
    @Column(nullable = false)
    public Instant receivedAt;
    public boolean signatureOk;
    @Column(nullable = false, columnDefinition = "text")
    public String payload;
    @Column(columnDefinition = "text")
    public String outcome;

    static ProviderNotice refused(String payload, String why) {
        ProviderNotice notice = new ProviderNotice();
        notice.id = "refused-" + UUID.randomUUID();
        notice.receivedAt = Instant.now();
        notice.payload = payload.length() > KEPT_CHARACTERS ? payload.substring(0, KEPT_CHARACTERS) : payload;
        notice.outcome = why;
        return notice;
    }
}
