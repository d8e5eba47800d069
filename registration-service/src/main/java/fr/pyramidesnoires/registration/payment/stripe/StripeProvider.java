package fr.pyramidesnoires.registration.payment.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.EventDataObjectDeserializer;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.RefundListParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionListParams;
import com.stripe.param.checkout.SessionRetrieveParams;
import fr.pyramidesnoires.registration.payment.PaymentProvider;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Stripe Checkout as registration's payment provider, through stripe-java. The same class talks to the real Stripe
 * and to the payment emulator: only the api base differs.
 */
public class StripeProvider implements PaymentProvider {

    static final String LIVE_API_BASE = "https://api.stripe.com";
    /** What a checkout is read with: its payment intent's charge and that charge's balance transaction (the fee). */
    private static final String PAYMENT_DETAIL = "payment_intent.latest_charge.balance_transaction";
    /** Stripe lets a checkout be paid up to 24 hours after it was opened. */
    private static final Duration LONGEST_CHECKOUT = Duration.ofHours(24);

    private final StripeClient client;
    private final String webhookSecret;
    private final boolean live;

    public StripeProvider(String apiBase, String secretKey, String webhookSecret) {
        this.client = StripeClient.builder()
                .setApiKey(secretKey)
                .setApiBase(apiBase)
                // every call that moves money carries our idempotency key and our callers retry: stripe-java must
                // not wait and retry on its own behind them
                .setMaxNetworkRetries(0)
                .setConnectTimeout(5_000)
                .setReadTimeout(20_000)
                .build();
        this.webhookSecret = webhookSecret;
        this.live = LIVE_API_BASE.equals(apiBase.replaceAll("/+$", ""));
    }

    @Override
    public Checkout openCheckout(CheckoutRequest request) {
        SessionCreateParams params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                // cards (wallets included) are paid when the checkout completes; a delayed method (SEPA debit) would
                // leave a completed checkout unpaid for days, past the place's hold
                .addPaymentMethodType(SessionCreateParams.PaymentMethodType.CARD)
                .addLineItem(SessionCreateParams.LineItem.builder()
                        .setQuantity(1L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                .setCurrency(request.currency().toLowerCase(Locale.ROOT))
                                .setUnitAmount(request.amountCents())
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName(request.description())
                                        .build())
                                .build())
                        .build())
                .setClientReferenceId(request.reference())
                .putMetadata("reference", request.reference())
                .setCustomerEmail(request.customerEmail())
                .setSuccessUrl(request.successUrl().replace("{CHECKOUT_ID}", "{CHECKOUT_SESSION_ID}"))
                .setCancelUrl(request.cancelUrl())
                .setExpiresAt(request.expiresAt().getEpochSecond())
                .build();
        Session session = call("open a checkout", () -> client.v1().checkout().sessions()
                .create(params, idempotent(request.idempotencyKey())));
        return new Checkout(session.getId(), URI.create(session.getUrl()));
    }

    @Override
    public CheckoutState checkout(String checkoutId) {
        SessionRetrieveParams params = SessionRetrieveParams.builder().addExpand(PAYMENT_DETAIL).build();
        return state(call("read checkout " + checkoutId,
                () -> client.v1().checkout().sessions().retrieve(checkoutId, params)), null);
    }

    @Override
    public CheckoutState expire(String checkoutId) {
        try {
            return state(client.v1().checkout().sessions().expire(checkoutId), null);
        } catch (InvalidRequestException refused) {
            // Stripe refuses to expire a session that is no longer open: paid just before, or expired already
            CheckoutState now = checkout(checkoutId);
            if (now.status() != CheckoutStatus.OPEN) {
                return now;
            }
            throw unavailable("expire checkout " + checkoutId, refused);
        } catch (StripeException e) {
            throw unavailable("expire checkout " + checkoutId, e);
        }
    }

    @Override
    public Refund refund(RefundRequest request) {
        RefundCreateParams.Builder params = RefundCreateParams.builder()
                .setPaymentIntent(request.paymentId())
                .setAmount(request.amountCents());
        if (request.reason() != null) {
            // Stripe's own reason is one of three words; ours is the organiser's sentence
            params.putMetadata("reason", request.reason());
        }
        com.stripe.model.Refund refund = call("refund " + request.paymentId(), () -> client.v1().refunds()
                .create(params.build(), idempotent(request.idempotencyKey())));
        return refund(refund);
    }

    @Override
    public Notification verify(String payload, String signatureHeader) {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw new NotificationRefused("the notification has no Stripe-Signature header");
        }
        Event event;
        try {
            event = Webhook.constructEvent(payload, signatureHeader, webhookSecret);
        } catch (SignatureVerificationException e) {
            throw new NotificationRefused("the Stripe-Signature is not Stripe's for this payload, or too old: "
                    + e.getMessage());
        } catch (RuntimeException e) {
            // signed, but not an event stripe-java can read (gson's parse exceptions are not ours to name)
            throw new NotificationRefused("the notification is not a Stripe event");
        }
        Instant created = Instant.ofEpochSecond(event.getCreated());
        if (event.getType() == null || !event.getType().startsWith("checkout.session.")) {
            return new Notification(event.getId(), event.getType(), created, null);
        }
        return new Notification(event.getId(), event.getType(), created, state(session(event), created));
    }

    @Override
    public Statement statement(Instant since) {
        // a checkout may be paid up to a day after it was opened: those opened a day earlier are read too
        SessionListParams sessions = SessionListParams.builder()
                .setCreated(SessionListParams.Created.builder()
                        .setGte(since.minus(LONGEST_CHECKOUT).getEpochSecond()).build())
                .setLimit(100L)
                .addExpand("data." + PAYMENT_DETAIL)
                .build();
        RefundListParams refunds = RefundListParams.builder()
                .setCreated(RefundListParams.Created.builder().setGte(since.getEpochSecond()).build())
                .setLimit(100L)
                .build();
        return call("read the statement", () -> {
            List<CheckoutState> payments = new ArrayList<>();
            for (Session session : client.v1().checkout().sessions().list(sessions).autoPagingIterable()) {
                CheckoutState state = state(session, null);
                if (state.status() == CheckoutStatus.PAID && (state.paidAt() == null || !state.paidAt().isBefore(since))) {
                    payments.add(state);
                }
            }
            List<Refund> refunded = new ArrayList<>();
            for (com.stripe.model.Refund refund : client.v1().refunds().list(refunds).autoPagingIterable()) {
                refunded.add(refund(refund));
            }
            return new Statement(payments, refunded);
        });
    }

    @Override
    public boolean live() {
        return live;
    }

    @Override
    public String toString() {
        return live ? "Stripe (live)" : "Stripe (test or emulated)";
    }

    private static Session session(Event event) {
        EventDataObjectDeserializer data = event.getDataObjectDeserializer();
        // an event of another API version than stripe-java's is not given by getObject(); its session's few
        // fields we read have kept their shape across versions
        StripeObject object = data.getObject().orElseGet(() -> {
            try {
                return data.deserializeUnsafe();
            } catch (EventDataObjectDeserializationException e) {
                throw new NotificationRefused("the notification's checkout session cannot be read");
            }
        });
        if (!(object instanceof Session session)) {
            throw new NotificationRefused("the notification of type " + event.getType() + " is not about a checkout");
        }
        return session;
    }

    /**
     * @param notifiedAt when the notification was made: the paid time of a completed checkout read from its
     *                   notification, which does not carry its charge
     */
    private static CheckoutState state(Session session, Instant notifiedAt) {
        CheckoutStatus status = "paid".equals(session.getPaymentStatus()) ? CheckoutStatus.PAID
                : "expired".equals(session.getStatus()) ? CheckoutStatus.EXPIRED
                : CheckoutStatus.OPEN;
        Charge charge = null;
        PaymentIntent intent = session.getPaymentIntentObject();
        if (intent != null) {
            charge = intent.getLatestChargeObject();
        }
        BalanceTransaction balance = charge == null ? null : charge.getBalanceTransactionObject();
        Instant paidAt = charge != null ? Instant.ofEpochSecond(charge.getCreated())
                : status == CheckoutStatus.PAID ? notifiedAt : null;
        String reference = session.getClientReferenceId() != null ? session.getClientReferenceId()
                : session.getMetadata() == null ? null : session.getMetadata().get("reference");
        return new CheckoutState(session.getId(), status, reference,
                session.getAmountTotal() == null ? 0 : session.getAmountTotal(), session.getPaymentIntent(),
                balance == null ? null : balance.getFee(), paidAt);
    }

    private static Refund refund(com.stripe.model.Refund refund) {
        return new Refund(refund.getId(), refund.getPaymentIntent(), refund.getAmount(),
                Instant.ofEpochSecond(refund.getCreated()));
    }

    private static RequestOptions idempotent(String key) {
        return RequestOptions.builder().setIdempotencyKey(key).build();
    }

    private interface StripeCall<T> {
        T call() throws StripeException;
    }

    private static <T> T call(String what, StripeCall<T> call) {
        try {
            return call.call();
        } catch (StripeException e) {
            throw unavailable(what, e);
        }
    }

    /** Names what failed and how, never the key: Stripe's own messages show only its last four characters. */
    private static Unavailable unavailable(String what, StripeException e) {
        String request = e.getRequestId() == null ? "" : " (request " + e.getRequestId() + ")";
        if (e instanceof ApiConnectionException) {
            return new Unavailable("Stripe could not be reached to " + what + request, e);
        }
        if (e instanceof AuthenticationException) {
            return new Unavailable("Stripe refused the secret key (registration.payment.stripe.secret-key) to "
                    + what + request, e);
        }
        if (e instanceof InvalidRequestException) {
            return new Unavailable("Stripe refused to " + what + ", and would again if retried: " + e.getUserMessage()
                    + request, e);
        }
        return new Unavailable("Stripe failed to " + what + " (HTTP " + e.getStatusCode() + ")" + request, e);
    }
}
