package fr.pyramidesnoires.registration.treasury;

import java.time.Instant;
import java.util.Objects;

/**
 * A refund as registration recorded it.
 *
 * @param paymentId        our payment it gives back (part of)
 * @param providerRefundId the provider's refund, by which the statement is matched; null until the provider took
 *                         it, and always for an offline payment's refund
 * @param reason           why, as the organiser wrote it; may be null
 */
public record RecordedRefund(String id, String paymentId, String raceCode, long amountCents, String providerRefundId,
                             Instant at, String reason) {

    public RecordedRefund {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(raceCode, "raceCode");
        Objects.requireNonNull(at, "at");
        if (amountCents <= 0) {
            throw new IllegalArgumentException("refund " + id + ": a refund gives back a positive amount, not "
                    + amountCents);
        }
    }
}
