package fr.pyramidesnoires.registration.payment;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * The payment provider as registration needs it: a hosted page where the runner pays a set amount, what the
 * provider says of it, refunds, its signed notifications, and its statement for the treasurer. Stripe first; another
 * provider (Mollie, HelloAsso) is another implementation. Every call that moves money carries an idempotency key,
 * so that a call retried after a timeout never charges or refunds twice.
 */
public interface PaymentProvider {

    /** Opens a hosted payment page for the amount; the same key answers the same checkout again. */
    Checkout openCheckout(CheckoutRequest request);

    /** The checkout as the provider sees it now: a redirect back to our site proves nothing, this does. */
    CheckoutState checkout(String checkoutId);

    /**
     * Closes a checkout that must no longer be paid (its hold is over). The answer is its state after: PAID when the
     * runner paid before it could be closed.
     */
    CheckoutState expire(String checkoutId);

    Refund refund(RefundRequest request);

    /**
     * The notification the provider sent, once its signature is found to be the provider's.
     *
     * @throws NotificationRefused when the signature is missing, wrong or too old
     */
    Notification verify(String payload, String signatureHeader);

    /** Every payment and refund the provider recorded since then, for the reconciliation. */
    Statement statement(Instant since);

    /** Whether this provider takes real money: false for the local emulation, which the pages then say. */
    boolean live();

    /**
     * @param reference    our payment's id, given back on the checkout and its notifications
     * @param successUrl   where the provider sends the runner after paying; may hold {CHECKOUT_ID}, replaced by the
     *                     checkout's id
     * @param expiresAt    when the provider stops taking the payment (Stripe takes 30 minutes to 24 hours ahead)
     */
    record CheckoutRequest(String idempotencyKey, String reference, long amountCents, String currency,
                           String description, String customerEmail, String successUrl, String cancelUrl,
                           Instant expiresAt) {
    }

    record Checkout(String id, URI url) {
    }

    enum CheckoutStatus { OPEN, PAID, EXPIRED }

    /**
     * @param paymentId the provider's payment (Stripe's payment intent), to refund it; null until paid
     * @param feeCents  what the provider kept of it; null while the provider has not said
     */
    record CheckoutState(String id, CheckoutStatus status, String reference, long amountCents, String paymentId,
                         Long feeCents, Instant paidAt) {
    }

    record RefundRequest(String idempotencyKey, String paymentId, long amountCents, String reason) {
    }

    record Refund(String id, String paymentId, long amountCents, Instant createdAt) {
    }

    /**
     * @param checkout the checkout the notification is about, as it was sent; null for a notification of another
     *                 kind, which is kept and otherwise ignored
     */
    record Notification(String id, String type, Instant createdAt, CheckoutState checkout) {
    }

    record Statement(List<CheckoutState> payments, List<Refund> refunds) {
    }

    /** The provider could not be reached or failed: nothing is known to have happened, the call may be retried. */
    class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    class NotificationRefused extends RuntimeException {
        public NotificationRefused(String message) {
            super(message);
        }
    }
}
