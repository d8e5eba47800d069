package fr.pyramidesnoires.payment.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe's events, signed as Stripe signs them and posted to the registration's endpoint one at a time, in the order
 * they happened. A delivery that fails is recorded, as Stripe's dashboard shows it, and not retried by itself.
 */
final class Webhooks {

    /** The version stripe-java 33.3.0 pins (Stripe.API_VERSION): the events it reads without a fallback. */
    static final String API_VERSION = "2026-07-29.dahlia";

    private final String secret;
    private volatile String url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService sending = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "payment-emulator-webhooks");
        thread.setDaemon(true);
        return thread;
    });
    private final List<PaymentEmulator.Delivery> deliveries = new CopyOnWriteArrayList<>();

    Webhooks(String secret, String url) {
        this.secret = secret;
        this.url = url;
    }

    void url(String url) {
        this.url = url;
    }

    List<PaymentEmulator.Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** Queues the event about the object; the future is done once it was delivered or failed. */
    Future<PaymentEmulator.Delivery> send(String type, Map<String, Object> object) {
        long created = Instant.now().getEpochSecond();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", Ids.next("evt_"));
        event.put("object", "event");
        event.put("api_version", API_VERSION);
        event.put("created", created);
        event.put("data", Map.of("object", object));
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("id", null);
        request.put("idempotency_key", null);
        event.put("request", request);
        event.put("type", type);
        String payload = Json.write(event);
        String header = PaymentEmulator.signatureHeader(secret, payload, Instant.ofEpochSecond(created));
        return sending.submit(() -> post((String) event.get("id"), type, payload, header));
    }

    Future<PaymentEmulator.Delivery> replay(PaymentEmulator.Delivery earlier) {
        return sending.submit(() -> post(earlier.eventId(), earlier.type(), earlier.payload(), earlier.signatureHeader()));
    }

    private PaymentEmulator.Delivery post(String eventId, String type, String payload, String header) {
        String target = url;
        int status = 0;
        String failure = null;
        if (target == null || target.isBlank()) {
            failure = "no webhook URL set";
        } else {
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(target))
                        .timeout(Duration.ofSeconds(20))
                        .header("Content-Type", "application/json; charset=utf-8")
                        .header("Stripe-Signature", header)
                        .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                        .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
                        .build();
                status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 != 2) {
                    failure = "HTTP " + status;
                }
            } catch (IOException | IllegalArgumentException e) {
                failure = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = "interrupted";
            }
        }
        PaymentEmulator.Delivery delivery = new PaymentEmulator.Delivery(eventId, type, payload, header, target,
                Instant.now(), status, failure);
        deliveries.add(delivery);
        return delivery;
    }

    static String sign(String secret, long timestamp, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this JDK", e);
        }
    }

    void stop() {
        sending.shutdownNow();
    }
}
