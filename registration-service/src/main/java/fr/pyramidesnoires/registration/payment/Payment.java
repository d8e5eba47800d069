package fr.pyramidesnoires.registration.payment;

import fr.pyramidesnoires.registration.treasury.PaymentMethod;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One attempt to pay for an entry: a checkout at the provider, or money an organiser received by hand. */
@Entity
public class Payment extends PanacheEntityBase {

    public enum Status { OPEN, PAID, EXPIRED }

    public enum Purpose { ENTRY, TRANSFER }

    @Id
    public UUID id;
    @Column(nullable = false)
    public UUID entryId;
    @Column(nullable = false)
    public String raceCode;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PaymentMethod method;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Purpose purpose = Purpose.ENTRY;
    /** The new runner of a paid transfer, as they were described, until the fee is paid and the transfer made. */
    @Column(columnDefinition = "text")
    public String transferRequest;
    public long amountCents;
    @Column(nullable = false, length = 3)
    public String currency;
    public String checkoutId;
    @Column(columnDefinition = "text")
    public String checkoutUrl;
    public String providerPaymentId;
    public Long feeCents;
    @Column(nullable = false)
    public Instant createdAt;
    public Instant expiresAt;
    public Instant paidAt;
    public String recordedBy;
    public String note;
    public Long receiptNumber;

    public static Payment byCheckout(String checkoutId) {
        return find("checkoutId", checkoutId).firstResult();
    }

    public static List<Payment> ofEntry(UUID entryId) {
        return list("entryId = ?1 order by createdAt", entryId);
    }

    /** What the runner paid for the entry, and what went back to them, in cents. */
    public static Totals totals(UUID entryId) {
        Object[] row = getEntityManager().createQuery("""
                        select coalesce(sum(p.amountCents), 0),
                               (select coalesce(sum(r.amountCents), 0) from PaymentRefund r
                                where r.paymentId in (select q.id from Payment q where q.entryId = ?1))
                        from Payment p where p.entryId = ?1 and p.status = ?2""", Object[].class)
                .setParameter(1, entryId)
                .setParameter(2, Status.PAID)
                .getSingleResult();
        return new Totals(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    public record Totals(long paidCents, long refundedCents) {
        public static final Totals NONE = new Totals(0, 0);
    }
}
