package fr.pyramidesnoires.payment.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stripe, played locally for the tests and the demo: the /v1 calls registration makes through the real stripe-java
 * client (checkout sessions, refunds), the hosted page where the runner pays (nothing is taken), and the signed
 * webhooks. Tests drive it in-process through this class; a drill drives it over HTTP under /emulator/.
 */
public final class PaymentEmulator implements AutoCloseable {

    /**
     * A webhook as it was sent, to replay it or send it out of order.
     *
     * @param status the registration's HTTP status; 0 when it could not be reached
     * @param failure why it was not accepted; null when it was
     */
    public record Delivery(String eventId, String type, String payload, String signatureHeader, String url,
                           Instant at, int status, String failure) {
        public boolean delivered() {
            return failure == null;
        }
    }

    private static final Pattern PAGE = Pattern.compile("/pay/([^/]+)");
    private static final Pattern SESSION_CONTROL = Pattern.compile("/emulator/sessions/([^/]+)/(pay|lapse)");
    private static final Pattern REPLAY = Pattern.compile("/emulator/deliveries/(\\d+)/replay");

    private final HttpServer server;
    private final ExecutorService handling;
    private final ScheduledExecutorService sweeping;
    private final String url;
    private final byte[] secretKey;
    private final Webhooks webhooks;
    private final StripeApi api;
    private volatile boolean down;

    private PaymentEmulator(HttpServer server, String url, String secretKey, Webhooks webhooks) {
        this.server = server;
        this.url = url;
        this.secretKey = secretKey.getBytes(StandardCharsets.UTF_8);
        this.webhooks = webhooks;
        this.api = new StripeApi(url, webhooks);
        this.handling = Executors.newCachedThreadPool(daemon("payment-emulator-http"));
        this.sweeping = Executors.newSingleThreadScheduledExecutor(daemon("payment-emulator-expiry"));
        server.setExecutor(handling);
        server.createContext("/", this::serve);
        server.start();
        sweeping.scheduleWithFixedDelay(api::lapseOverdue, 1, 1, TimeUnit.SECONDS);
    }

    /** On loopback; port 0 takes a free one. */
    public static PaymentEmulator start(int port, String secretKey, String webhookSecret, String webhookUrl)
            throws IOException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        HttpServer server = HttpServer.create(address, 50);
        return new PaymentEmulator(server, "http://" + address.getAddress().getHostAddress() + ":" + server.getAddress().getPort(),
                secretKey, new Webhooks(webhookSecret, webhookUrl));
    }

    /** Where stripe-java is pointed (its api base) and where the hosted pages are. */
    public String url() {
        return url;
    }

    /** Where the webhooks go from now on: a Quarkus test knows its port only once started. */
    public void webhookUrl(String webhookUrl) {
        webhooks.url(webhookUrl);
    }

    /** The runner pays on the hosted page; returns once the checkout.session.completed webhook was sent. */
    public Delivery pay(String checkoutId) {
        return await(api.pay(session(checkoutId)));
    }

    /** The session's expires_at comes now: Stripe expires it and sends checkout.session.expired. */
    public void lapse(String checkoutId) {
        api.lapse(session(checkoutId));
    }

    /** Every /v1 call answers 503 until up(), as Stripe in an outage; the hosted page and the controls still answer. */
    public void down() {
        down = true;
    }

    public void up() {
        down = false;
    }

    public List<Delivery> deliveries() {
        return webhooks.deliveries();
    }

    /** Sends the same payload with the same signature again, as Stripe does on a retry or a manual resend. */
    public Delivery replay(Delivery earlier) {
        return await(webhooks.replay(earlier));
    }

    /** Stripe's Stripe-Signature header for the payload signed at that time: t=...,v1=hex HMAC-SHA256. */
    public static String signatureHeader(String webhookSecret, String payload, Instant at) {
        long timestamp = at.getEpochSecond();
        return "t=" + timestamp + ",v1=" + Webhooks.sign(webhookSecret, timestamp, payload);
    }

    public void stop() {
        server.stop(0);
        sweeping.shutdownNow();
        handling.shutdownNow();
        webhooks.stop();
    }

    @Override
    public void close() {
        stop();
    }

    private StripeApi.Session session(String checkoutId) {
        try {
            return api.session(checkoutId);
        } catch (StripeError e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static Delivery await(Future<Delivery> delivery) {
        try {
            return delivery.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the webhook was sent", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the webhook was not sent", e);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/v1/")) {
                stripe(exchange, path);
            } else if (path.startsWith("/pay/")) {
                page(exchange, path);
            } else if (path.startsWith("/emulator/")) {
                control(exchange, path);
            } else {
                send(exchange, 404, "text/plain; charset=utf-8", "Not found");
            }
        } catch (RuntimeException e) {
            send(exchange, 500, "text/plain; charset=utf-8", e.toString());
        }
    }

    private void stripe(HttpExchange exchange, String path) throws IOException {
        String method = exchange.getRequestMethod();
        String body = read(exchange.getRequestBody());
        StripeApi.Answer answer;
        if (down) {
            answer = error(new StripeError(503, "api_error", null, null,
                    "The payment emulator is down for a drill: Stripe is unavailable."));
        } else if (!authorised(exchange.getRequestHeaders().getFirst("Authorization"))) {
            // like Stripe, the key is not repeated back
            answer = error(new StripeError(401, "invalid_request_error", null, null, "Invalid API Key provided."));
        } else {
            String parameters = "GET".equals(method) ? exchange.getRequestURI().getRawQuery() : body;
            try {
                answer = api.handle(method, path, Form.parse(parameters),
                        exchange.getRequestHeaders().getFirst("Idempotency-Key"), parameters);
            } catch (StripeError e) {
                answer = error(e);
            }
        }
        exchange.getResponseHeaders().set("Request-Id", Ids.next("req_"));
        send(exchange, answer.status(), "application/json", answer.body());
    }

    private static StripeApi.Answer error(StripeError e) {
        return new StripeApi.Answer(e.status, e.body());
    }

    /** Stripe takes the secret key as a bearer token (stripe-java) or as basic auth's user (curl -u sk_...:). */
    private boolean authorised(String authorization) {
        if (authorization == null) {
            return false;
        }
        String key;
        if (authorization.startsWith("Bearer ")) {
            key = authorization.substring("Bearer ".length()).trim();
        } else if (authorization.startsWith("Basic ")) {
            String user = new String(Base64.getDecoder().decode(authorization.substring("Basic ".length()).trim()),
                    StandardCharsets.UTF_8);
            key = user.endsWith(":") ? user.substring(0, user.length() - 1) : user;
        } else {
            return false;
        }
        return MessageDigest.isEqual(secretKey, key.getBytes(StandardCharsets.UTF_8));
    }

    private void page(HttpExchange exchange, String path) throws IOException {
        Matcher page = PAGE.matcher(path);
        if (!page.matches()) {
            send(exchange, 404, "text/plain; charset=utf-8", "Not found");
            return;
        }
        String id = page.group(1);
        StripeApi.Session session;
        try {
            session = api.session(id);
        } catch (StripeError e) {
            send(exchange, 404, "text/plain; charset=utf-8", "Page de paiement inconnue / Unknown payment page");
            return;
        }
        if ("POST".equals(exchange.getRequestMethod())) {
            String action = Form.parse(read(exchange.getRequestBody())).text("action");
            String redirect = null;
            try {
                if ("pay".equals(action)) {
                    await(api.pay(session));
                    redirect = session.successUrl;
                } else if ("cancel".equals(action)) {
                    redirect = session.cancelUrl;
                }
            } catch (IllegalStateException e) {
                // paid or expired meanwhile: the page says which
            }
            if (redirect != null) {
                exchange.getResponseHeaders().set("Location", redirect);
                send(exchange, 303, "text/plain; charset=utf-8", "");
                return;
            }
        }
        String html = api.read(session, HostedPage::render);
        send(exchange, "open".equals(api.read(session, s -> s.status)) ? 200 : 410, "text/html; charset=utf-8", html);
    }

    private void control(HttpExchange exchange, String path) throws IOException {
        boolean post = "POST".equals(exchange.getRequestMethod());
        Matcher session = SESSION_CONTROL.matcher(path);
        Matcher replay = REPLAY.matcher(path);
        try {
            if (post && session.matches() && session.group(2).equals("pay")) {
                send(exchange, 200, "application/json", Json.write(json(pay(session.group(1)))));
            } else if (post && session.matches()) {
                lapse(session.group(1));
                send(exchange, 204, null, "");
            } else if (post && path.equals("/emulator/down")) {
                down();
                send(exchange, 204, null, "");
            } else if (post && path.equals("/emulator/up")) {
                up();
                send(exchange, 204, null, "");
            } else if (path.equals("/emulator/deliveries")) {
                send(exchange, 200, "application/json", Json.write(deliveries().stream().map(PaymentEmulator::json)
                        .toList()));
            } else if (post && replay.matches()) {
                List<Delivery> sent = deliveries();
                int index = Integer.parseInt(replay.group(1));
                if (index >= sent.size()) {
                    send(exchange, 404, "text/plain; charset=utf-8", "No delivery " + index);
                } else {
                    send(exchange, 200, "application/json", Json.write(json(replay(sent.get(index)))));
                }
            } else {
                send(exchange, 404, "text/plain; charset=utf-8", "Not found");
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            send(exchange, 409, "text/plain; charset=utf-8", e.getMessage());
        }
    }

    private static Map<String, Object> json(Delivery delivery) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("eventId", delivery.eventId());
        json.put("type", delivery.type());
        json.put("url", delivery.url());
        json.put("at", delivery.at().toString());
        json.put("status", delivery.status());
        json.put("failure", delivery.failure());
        json.put("signatureHeader", delivery.signatureHeader());
        json.put("payload", delivery.payload());
        return json;
    }

    private static String read(InputStream body) throws IOException {
        return new String(body.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (type != null) {
            exchange.getResponseHeaders().set("Content-Type", type);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Runs the emulator for the demo until stopped. Settings as --name=value or the environment:
     * --port (PAYMENT_EMULATOR_PORT, default 12111), --secret-key (STRIPE_SECRET_KEY), --webhook-secret
     * (STRIPE_WEBHOOK_SECRET), --webhook-url (PAYMENT_EMULATOR_WEBHOOK_URL, registration's
     * /api/payments/stripe/webhook).
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                System.err.println("usage: java -jar payment-emulator.jar [--port=12111] --secret-key=sk_test_... "
                        + "--webhook-secret=whsec_... --webhook-url=http://localhost:8080/api/payments/stripe/webhook");
                System.exit(2);
            }
            options.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        Function<String, String> setting = name -> options.getOrDefault(name, System.getenv(switch (name) {
            case "port" -> "PAYMENT_EMULATOR_PORT";
            case "secret-key" -> "STRIPE_SECRET_KEY";
            case "webhook-secret" -> "STRIPE_WEBHOOK_SECRET";
            default -> "PAYMENT_EMULATOR_WEBHOOK_URL";
        }));
        for (String required : List.of("secret-key", "webhook-secret")) {
            if (setting.apply(required) == null || setting.apply(required).isBlank()) {
                System.err.println("payment emulator: --" + required + " is missing (or its environment variable)");
                System.exit(2);
            }
        }
        String port = setting.apply("port");
        PaymentEmulator emulator = start(port == null ? 12111 : Integer.parseInt(port), setting.apply("secret-key"),
                setting.apply("webhook-secret"), setting.apply("webhook-url"));
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::stop));
        System.out.println("Payment emulator (no money is taken) on " + emulator.url() + ", webhooks to "
                + setting.apply("webhook-url"));
        new CountDownLatch(1).await();
    }
}
