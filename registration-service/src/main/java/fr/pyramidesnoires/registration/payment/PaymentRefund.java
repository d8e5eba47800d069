package fr.pyramidesnoires.registration.payment;

import fr.pyramidesnoires.registration.treasury.PaymentMethod;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.Timeouts;

/**
 * Money owed back to a runner, written in the transaction that decided it and kept until the provider has taken the
 * refund: the provider down delays a refund, never loses it, and its id is the idempotency key that keeps a retried
 * call from refunding twice.
 */
@Entity
public class PaymentRefund extends PanacheEntityBase {

    public enum Reason {
        /** The runner cancelled: the race's refund policy says how much. */
        CANCELLED,
        /** A second payment for an entry already paid (two tabs): all of it. */
        DUPLICATE,
        /** Paid after the hold had ended and the place had gone on: all of it. */
        LATE,
        /** A transfer fee paid for a transfer that could no longer be made (the new runner entered meanwhile...). */
        TRANSFER_REFUSED
    }

    @Id
    public UUID id;
    @Column(nullable = false)
    public UUID paymentId;
    @Column(nullable = false)
    public String raceCode;
    public long amountCents;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Reason reason;
    @Column(nullable = false)
    public Instant createdAt;
    public String providerRefundId;
    public Instant doneAt;
    public int attempts;
    @Column(columnDefinition = "text")
    public String lastError;

    static PaymentRefund of(Payment payment, long amountCents, Reason reason) {
        PaymentRefund refund = new PaymentRefund();
        refund.id = UUID.randomUUID();
        refund.paymentId = payment.id;
        refund.raceCode = payment.raceCode;
        refund.amountCents = amountCents;
        refund.reason = reason;
        refund.createdAt = Instant.now();
        // money received by hand goes back by hand: the organiser's refund is done once written down
        if (payment.method != PaymentMethod.CARD) {
            refund.doneAt = refund.createdAt;
        }
        refund.persist();
        return refund;
    }

    /** Refunds not yet taken by the provider, skipping those another replica is sending. */
    static List<PaymentRefund> claimPending(int most) {
        return find("doneAt is null order by createdAt")
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", Timeouts.SKIP_LOCKED_MILLI)
                .page(0, most)
                .list();
    }

    public static List<PaymentRefund> ofPayment(UUID paymentId) {
        return list("paymentId = ?1 order by createdAt", paymentId);
    }
}
