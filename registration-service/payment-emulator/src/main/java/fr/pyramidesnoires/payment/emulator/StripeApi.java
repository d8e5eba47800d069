package fr.pyramidesnoires.payment.emulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Stripe keeps of registration's payments: checkout sessions, the payment intent, charge and balance
 * transaction of each one paid, and refunds; and the /v1 calls that read and change them, answered in Stripe's
 * shapes. Every method runs under this object's lock; webhooks are only queued from here.
 */
final class StripeApi {

    /** Stripe's standard price for European cards: 1.5 % + 0.25 EUR. */
    private static final BigDecimal FEE_RATE = new BigDecimal("0.015");
    private static final long FEE_FIXED_CENTS = 25;
    private static final Duration SHORTEST_EXPIRY = Duration.ofMinutes(30);
    private static final Duration LONGEST_EXPIRY = Duration.ofHours(24);
    private static final Pattern SESSION = Pattern.compile("/v1/checkout/sessions/([^/]+)");
    private static final Pattern SESSION_EXPIRE = Pattern.compile("/v1/checkout/sessions/([^/]+)/expire");

    record Answer(int status, String body) {
    }

    private record StoredAnswer(String request, Answer answer) {
    }

    static final class Session {
        final String id = Ids.next("cs_test_");
        final long created = Instant.now().getEpochSecond();
        final long sequence;
        long amount;
        String currency;
        String product;
        String reference;
        String email;
        String successUrl;
        String cancelUrl;
        long expiresAt;
        Map<String, String> metadata;
        List<String> paymentMethodTypes;
        String status = "open";
        String paymentStatus = "unpaid";
        Payment payment;

        Session(long sequence) {
            this.sequence = sequence;
        }
    }

    static final class Payment {
        final String intent = Ids.next("pi_");
        final String charge = Ids.next("ch_");
        final String balanceTransaction = Ids.next("txn_");
        final long created = Instant.now().getEpochSecond();
        final long amount;
        final String currency;
        final long fee;
        long refunded;

        Payment(long amount, String currency) {
            this.amount = amount;
            this.currency = currency;
            this.fee = FEE_RATE.multiply(BigDecimal.valueOf(amount)).setScale(0, RoundingMode.HALF_UP).longValueExact()
                    + FEE_FIXED_CENTS;
        }
    }

    record Refund(String id, Payment payment, long amount, long created, long sequence, Map<String, String> metadata) {
    }

    private final String base;
    private final Webhooks webhooks;
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private final List<Refund> refunds = new ArrayList<>();
    private final Map<String, StoredAnswer> idempotent = new HashMap<>();
    private long sequence;

    StripeApi(String base, Webhooks webhooks) {
        this.base = base;
        this.webhooks = webhooks;
    }

    synchronized Answer handle(String method, String path, Form form, String idempotencyKey, String body) {
        if (!"POST".equals(method) || idempotencyKey == null) {
            return route(method, path, form);
        }
        // Stripe keys a retried POST by its Idempotency-Key: the first answer again, nothing done twice
        String key = path + "\n" + idempotencyKey;
        StoredAnswer stored = idempotent.get(key);
        if (stored != null) {
            if (!stored.request().equals(body)) {
                throw new StripeError(400, "idempotency_error", null, null, "Keys for idempotent requests can only "
                        + "be used with the same parameters they were first used with. Try using a key other than '"
                        + idempotencyKey + "' if you meant to execute a different request.");
            }
            return stored.answer();
        }
        Answer answer = route(method, path, form);
        idempotent.put(key, new StoredAnswer(body, answer));
        return answer;
    }

    private Answer route(String method, String path, Form form) {
        Matcher expire = SESSION_EXPIRE.matcher(path);
        Matcher session = SESSION.matcher(path);
        if ("POST".equals(method) && path.equals("/v1/checkout/sessions")) {
            return ok(sessionJson(create(form), expansions(form, "")));
        } else if ("GET".equals(method) && path.equals("/v1/checkout/sessions")) {
            return ok(list(form, "/v1/checkout/sessions", sessions.values().stream().map(s -> new Listed<>(s, s.created, s.sequence)).toList(),
                    s -> sessionJson(s, expansions(form, "data."))));
        } else if ("POST".equals(method) && expire.matches()) {
            return ok(sessionJson(expire(session(expire.group(1))), expansions(form, "")));
        } else if ("GET".equals(method) && session.matches()) {
            return ok(sessionJson(session(session.group(1)), expansions(form, "")));
        } else if ("POST".equals(method) && path.equals("/v1/refunds")) {
            return ok(refundJson(refund(form)));
        } else if ("GET".equals(method) && path.equals("/v1/refunds")) {
            String intent = form.text("payment_intent");
            return ok(list(form, "/v1/refunds", refunds.stream()
                            .filter(r -> intent == null || r.payment().intent.equals(intent))
                            .map(r -> new Listed<>(r, r.created(), r.sequence())).toList(),
                    this::refundJson));
        }
        throw new StripeError(404, "invalid_request_error", null, null,
                "Unrecognized request URL (" + method + ": " + path + ").");
    }

    private static Answer ok(Map<String, Object> json) {
        return new Answer(200, Json.write(json));
    }

    private Session create(Form form) {
        if (!"payment".equals(form.required("mode"))) {
            throw StripeError.invalid("mode", "The payment emulator only plays mode=payment.");
        }
        String item = "line_items[0]";
        if (form.text("line_items[1][quantity]") != null) {
            throw StripeError.invalid("line_items", "The payment emulator plays one line item.");
        }
        long quantity = form.number(item + "[quantity]") == null ? 1 : form.number(item + "[quantity]");
        Session created = new Session(++sequence);
        created.amount = form.requiredNumber(item + "[price_data][unit_amount]") * quantity;
        created.currency = form.required(item + "[price_data][currency]");
        created.product = form.required(item + "[price_data][product_data][name]");
        created.reference = form.text("client_reference_id");
        created.email = form.text("customer_email");
        created.successUrl = form.required("success_url").replace("{CHECKOUT_SESSION_ID}", created.id);
        created.cancelUrl = form.text("cancel_url");
        created.metadata = form.hash("metadata");
        // Stripe offers the methods of the dashboard's settings when none are named; here, cards
        created.paymentMethodTypes = form.list("payment_method_types").isEmpty() ? List.of("card")
                : form.list("payment_method_types");
        Long expiresAt = form.number("expires_at");
        Instant now = Instant.ofEpochSecond(created.created);
        if (expiresAt == null) {
            created.expiresAt = now.plus(LONGEST_EXPIRY).getEpochSecond();
        } else if (expiresAt < now.plus(SHORTEST_EXPIRY).getEpochSecond()) {
            throw StripeError.invalid("expires_at",
                    "The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.");
        } else if (expiresAt > now.plus(LONGEST_EXPIRY).getEpochSecond()) {
            throw StripeError.invalid("expires_at",
                    "The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.");
        } else {
            created.expiresAt = expiresAt;
        }
        sessions.put(created.id, created);
        return created;
    }

    synchronized Session session(String id) {
        Session found = sessions.get(id);
        if (found == null) {
            throw StripeError.missing("checkout.session", id);
        }
        return found;
    }

    /** Reads the session under the lock, as the hosted page shows it. */
    synchronized <T> T read(Session session, Function<Session, T> reading) {
        return reading.apply(session);
    }

    /** The runner paid on the hosted page: Stripe's payment intent, charge and fee, and its event. */
    synchronized Future<PaymentEmulator.Delivery> pay(Session session) {
        if (!"open".equals(session.status)) {
            throw new IllegalStateException("checkout session " + session.id + " is " + session.status
                    + ", it cannot be paid");
        }
        session.payment = new Payment(session.amount, session.currency);
        session.status = "complete";
        session.paymentStatus = "paid";
        return webhooks.send("checkout.session.completed", sessionJson(session, Set.of()));
    }

    private Session expire(Session session) {
        if (!"open".equals(session.status)) {
            throw StripeError.invalid(null, "Only Checkout Sessions with a status in [\"open\"] can be expired. "
                    + "This Checkout Session has a status of `" + session.status + "`.");
        }
        lapse(session);
        return session;
    }

    /** What Stripe does at expires_at, or when asked to expire a session. */
    synchronized void lapse(Session session) {
        if ("open".equals(session.status)) {
            session.status = "expired";
            webhooks.send("checkout.session.expired", sessionJson(session, Set.of()));
        }
    }

    /** The open sessions whose expires_at has come, expired as Stripe does within its sweep. */
    synchronized void lapseOverdue() {
        long now = Instant.now().getEpochSecond();
        sessions.values().stream().filter(s -> "open".equals(s.status) && s.expiresAt <= now).toList()
                .forEach(this::lapse);
    }

    private Refund refund(Form form) {
        String intent = form.required("payment_intent");
        Payment payment = sessions.values().stream().map(s -> s.payment)
                .filter(p -> p != null && p.intent.equals(intent)).findFirst()
                .orElseThrow(() -> StripeError.missing("payment_intent", intent));
        long remaining = payment.amount - payment.refunded;
        Long asked = form.number("amount");
        long amount = asked == null ? remaining : asked;
        if (remaining == 0) {
            throw new StripeError(400, "invalid_request_error", "charge_already_refunded", null,
                    "Charge " + payment.charge + " has already been refunded.");
        }
        if (amount <= 0 || amount > remaining) {
            throw new StripeError(400, "invalid_request_error", "amount_too_large", "amount",
                    "Refund amount (" + amount + ") is greater than unrefunded amount on charge (" + remaining + ")");
        }
        payment.refunded += amount;
        Map<String, String> metadata = form.hash("metadata");
        Refund refund = new Refund(Ids.next("re_"), payment, amount, Instant.now().getEpochSecond(), ++sequence,
                metadata);
        refunds.add(refund);
        webhooks.send("charge.refunded", chargeJson(payment, Set.of()));
        return refund;
    }

    private record Listed<T>(T item, long created, long sequence) {
    }

    /** Stripe's lists: newest first, filtered by created[...], limit and starting_after. */
    private <T> Map<String, Object> list(Form form, String url, List<Listed<T>> all,
                                         Function<T, Map<String, Object>> json) {
        Long gte = form.number("created[gte]");
        Long gt = form.number("created[gt]");
        Long lte = form.number("created[lte]");
        Long lt = form.number("created[lt]");
        Long exactly = form.number("created");
        List<Listed<T>> kept = all.stream()
                .filter(l -> gte == null || l.created() >= gte)
                .filter(l -> gt == null || l.created() > gt)
                .filter(l -> lte == null || l.created() <= lte)
                .filter(l -> lt == null || l.created() < lt)
                .filter(l -> exactly == null || l.created() == exactly)
                .sorted(Comparator.comparingLong((Listed<T> l) -> l.sequence()).reversed())
                .toList();
        String after = form.text("starting_after");
        int from = 0;
        if (after != null) {
            from = -1;
            for (int i = 0; i < kept.size(); i++) {
                if (idOf(json.apply(kept.get(i).item())).equals(after)) {
                    from = i + 1;
                }
            }
            if (from < 0) {
                throw StripeError.missing("object", after);
            }
        }
        Long asked = form.number("limit");
        int limit = asked == null ? 10 : (int) Math.max(1, Math.min(100, asked));
        int to = Math.min(kept.size(), from + limit);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("object", "list");
        page.put("data", kept.subList(from, to).stream().map(l -> json.apply(l.item())).toList());
        page.put("has_more", to < kept.size());
        page.put("url", url);
        return page;
    }

    private static String idOf(Map<String, Object> json) {
        return (String) json.get("id");
    }

    /** The expand[] paths asked for, below the list's "data." when listing. */
    private static Set<String> expansions(Form form, String below) {
        Set<String> paths = new HashSet<>();
        for (String path : form.list("expand")) {
            paths.add(path.startsWith(below) ? path.substring(below.length()) : path);
        }
        return paths;
    }

    private static Set<String> beneath(Set<String> paths, String field) {
        Set<String> deeper = new HashSet<>();
        for (String path : paths) {
            if (path.startsWith(field + ".")) {
                deeper.add(path.substring(field.length() + 1));
            }
        }
        return deeper;
    }

    private static boolean expands(Set<String> paths, String field) {
        return paths.contains(field) || !beneath(paths, field).isEmpty();
    }

    Map<String, Object> sessionJson(Session session, Set<String> expand) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", session.id);
        json.put("object", "checkout.session");
        json.put("amount_subtotal", session.amount);
        json.put("amount_total", session.amount);
        json.put("cancel_url", session.cancelUrl);
        json.put("client_reference_id", session.reference);
        json.put("created", session.created);
        json.put("currency", session.currency);
        json.put("customer_email", session.email);
        json.put("expires_at", session.expiresAt);
        json.put("livemode", false);
        json.put("metadata", session.metadata);
        json.put("mode", "payment");
        Payment payment = session.payment;
        json.put("payment_intent", payment == null ? null
                : expands(expand, "payment_intent") ? intentJson(payment, beneath(expand, "payment_intent"))
                : payment.intent);
        json.put("payment_method_types", session.paymentMethodTypes);
        json.put("payment_status", session.paymentStatus);
        json.put("status", session.status);
        json.put("success_url", session.successUrl);
        // Stripe gives the page's address only while it can be paid
        json.put("url", "open".equals(session.status) ? base + "/pay/" + session.id : null);
        return json;
    }

    private Map<String, Object> intentJson(Payment payment, Set<String> expand) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", payment.intent);
        json.put("object", "payment_intent");
        json.put("amount", payment.amount);
        json.put("amount_received", payment.amount);
        json.put("created", payment.created);
        json.put("currency", payment.currency);
        json.put("latest_charge", expands(expand, "latest_charge")
                ? chargeJson(payment, beneath(expand, "latest_charge")) : payment.charge);
        json.put("livemode", false);
        json.put("metadata", Map.of());
        json.put("status", "succeeded");
        return json;
    }

    private Map<String, Object> chargeJson(Payment payment, Set<String> expand) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", payment.charge);
        json.put("object", "charge");
        json.put("amount", payment.amount);
        json.put("amount_captured", payment.amount);
        json.put("amount_refunded", payment.refunded);
        json.put("balance_transaction", expands(expand, "balance_transaction")
                ? balanceTransactionJson(payment) : payment.balanceTransaction);
        json.put("captured", true);
        json.put("created", payment.created);
        json.put("currency", payment.currency);
        json.put("livemode", false);
        json.put("paid", true);
        json.put("payment_intent", payment.intent);
        json.put("refunded", payment.refunded == payment.amount);
        json.put("status", "succeeded");
        return json;
    }

    private static Map<String, Object> balanceTransactionJson(Payment payment) {
        Map<String, Object> fee = new LinkedHashMap<>();
        fee.put("amount", payment.fee);
        fee.put("currency", payment.currency);
        fee.put("description", "Stripe processing fees");
        fee.put("type", "stripe_fee");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", payment.balanceTransaction);
        json.put("object", "balance_transaction");
        json.put("amount", payment.amount);
        json.put("created", payment.created);
        json.put("currency", payment.currency);
        json.put("fee", payment.fee);
        json.put("fee_details", List.of(fee));
        json.put("net", payment.amount - payment.fee);
        json.put("source", payment.charge);
        json.put("status", "pending");
        json.put("type", "charge");
        return json;
    }

    private Map<String, Object> refundJson(Refund refund) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", refund.id());
        json.put("object", "refund");
        json.put("amount", refund.amount());
        json.put("charge", refund.payment().charge);
        json.put("created", refund.created());
        json.put("currency", refund.payment().currency);
        json.put("metadata", refund.metadata());
        json.put("payment_intent", refund.payment().intent);
        json.put("status", "succeeded");
        return json;
    }
}
