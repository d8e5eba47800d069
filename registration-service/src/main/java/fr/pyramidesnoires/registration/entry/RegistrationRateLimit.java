package fr.pyramidesnoires.registration.entry;

import fr.pyramidesnoires.problem.Problem;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * At most {@code registration.rate-limit.count} registrations (the API's and the form's, refused ones included) from
 * one client address in each {@code registration.rate-limit.window}: a script can no longer take a race's places
 * under made-up runners in a few seconds. 0 turns the limit off. The address is the connection's, or the one a
 * trusted proxy forwards when {@code quarkus.http.proxy.proxy-address-forwarding} is on: behind a proxy that does
 * not forward it, every runner would share the proxy's address and its limit.
 */
@ApplicationScoped
public class RegistrationRateLimit {

    /** Past this many addresses, the ones whose window has ended are forgotten. */
    private static final int SWEEP_OVER = 10_000;

    private final int most;
    private final long windowNanos;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    RegistrationRateLimit(@ConfigProperty(name = "registration.rate-limit.count") int most,
                          @ConfigProperty(name = "registration.rate-limit.window") Duration window) {
        this.most = most;
        this.windowNanos = window.toNanos();
    }

    /** One address's registrations since its window began. */
    private record Window(long startNanos, int count) {
    }

    /** After matching: a path spelled otherwise ({@code /api/%65ntries}) reaches the same method, and counts. */
    @ServerRequestFilter
    public Response limit(HttpServerRequest request, HttpHeaders headers, SimpleResourceInfo resource) {
        if (most <= 0 || !registers(resource)) {
            return null;
        }
        long now = System.nanoTime();
        String address = request.remoteAddress() == null ? "" : request.remoteAddress().hostAddress();
        Window window = windows.compute(address, (key, current) ->
                current == null || now - current.startNanos() >= windowNanos ? new Window(now, 1)
                        : new Window(current.startNanos(), current.count() + 1));
        if (windows.size() > SWEEP_OVER) {
            windows.values().removeIf(w -> now - w.startNanos() >= windowNanos);
        }
        if (window.count() <= most) {
            return null;
        }
        long retryAfter = Math.max(1, Duration.ofNanos(window.startNanos() + windowNanos - now).toSeconds() + 1);
        Problem problem = Problem.of(429, "too-many-registrations",
                "Trop d'inscriptions / Too many registrations",
                "Trop d'inscriptions depuis votre adresse : réessayez dans " + retryAfter + " s"
                        + " / Too many registrations from your address: try again in " + retryAfter + " s");
        return Response.fromResponse(problem.response(headers.getHeaderString(HttpHeaders.ACCEPT)))
                .header(HttpHeaders.RETRY_AFTER, retryAfter).build();
    }

    private static boolean registers(SimpleResourceInfo resource) {
        try {
            return resource != null && resource.getResourceClass() != null && resource.getResourceClass()
                    .getMethod(resource.getMethodName(), resource.parameterTypes())
                    .isAnnotationPresent(CountsAsRegistration.class);
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
