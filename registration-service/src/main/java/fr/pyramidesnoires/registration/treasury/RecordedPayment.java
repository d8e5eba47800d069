package fr.pyramidesnoires.registration.treasury;

import java.time.Instant;
import java.util.Objects;

/**
 * A payment as registration recorded it, the treasurer's one source with the provider's statement.
 *
 * @param providerCheckoutId the provider's checkout for a card payment, by which the statement is matched; null for
 *                           an offline payment
 * @param providerPaymentId  the provider's payment, which refunds name; null offline
 * @param amountCents        what was paid, the discount already off
 * @param feeCents           what the provider kept; null while it has not said, and for an offline payment
 * @param discountCode       the code the runner gave, or null
 * @param discountCents      what the code took off the price, zero without a code
 * @param receiptNumber      the receipt's number, null until one was issued
 */
public record RecordedPayment(String id, String raceCode, String entryId, PaymentMethod method,
                              String providerCheckoutId, String providerPaymentId, long amountCents, Long feeCents,
                              Instant paidAt, String discountCode, long discountCents, String receiptNumber) {

    public RecordedPayment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(raceCode, "raceCode");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(paidAt, "paidAt");
        if (method.offline() != (providerCheckoutId == null)) {
            throw new IllegalArgumentException("payment " + id + ": a card payment has the provider's checkout, an "
                    + "offline one none");
        }
        if (amountCents < 0 || discountCents < 0 || feeCents != null && feeCents < 0) {
            throw new IllegalArgumentException("payment " + id + ": amounts are never negative");
        }
        if (discountCode == null && discountCents != 0) {
            throw new IllegalArgumentException("payment " + id + ": a discount comes with its code");
        }
    }
}
