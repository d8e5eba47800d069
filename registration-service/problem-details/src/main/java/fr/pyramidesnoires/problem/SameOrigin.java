package fr.pyramidesnoires.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What a page of another site may make a browser do here. A browser sends the HTTP Basic password of an organiser,
 * an official or a volunteer with every request to the site, whoever's page asks for it: so a change (any method
 * but GET, HEAD, OPTIONS) is taken only from this site's own pages or from clients that are not browsers, on every
 * route, JSON API included; and no page may be shown inside another site's frame, where a click meant for that site
 * would confirm something here.
 */
@ApplicationScoped
public class SameOrigin {

    private static final CharSequence FRAME_OPTIONS = HttpHeaders.createOptimized("X-Frame-Options");
    private static final CharSequence DENY = HttpHeaders.createOptimized("DENY");
    private static final CharSequence POLICY = HttpHeaders.createOptimized("Content-Security-Policy");
    /** Only the framing: the pages' own inline scripts and styles stay allowed. */
    private static final CharSequence NO_FRAMING = HttpHeaders.createOptimized("frame-ancestors 'none'");
    private static final Problem CROSS_SITE = Problem.of(403, "cross-site", "Requête refusée / Request refused",
            "Un changement se fait depuis les pages de ce site / A change is made from this site's own pages only");

    /**
     * Where browsers reach this service besides the address a request names itself, such as the public address
     * behind a proxy that rewrites the Host header.
     */
    @ConfigProperty(name = "tpn.public-urls")
    Optional<List<URI>> publicUrls;

    final ObjectMapper json;

    SameOrigin(ObjectMapper json) {
        this.json = json;
    }

    void route(@Observes Router router) {
        // ahead of everything that answers, the body limit's refusal included, so that every answer carries the
        // framing headers; and ahead of the sign-in, so that another site cannot even try passwords through it
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2).handler(this::guard);
    }

    private void guard(RoutingContext context) {
        context.response().putHeader(FRAME_OPTIONS, DENY).putHeader(POLICY, NO_FRAMING);
        HttpServerRequest request = context.request();
        if (changes(request.method())
                && !ours(request.getHeader(HttpHeaders.ORIGIN), request.getHeader(HttpHeaders.HOST))) {
            // the connection closes: the refused body, never read, must not be taken for the next request
            RouteAnswer.send(context, CROSS_SITE, json, true);
            return;
        }
        context.next();
    }

    private static boolean changes(HttpMethod method) {
        return !(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method));
    }

    /**
     * @param origin browsers send it with every cross-site request that changes something, so its absence means
     *               a request no other site made a browser send
     * @param host   the address the request came to. Only host and port count: a proxy in front that speaks TLS
     *               hands the request on in plain HTTP
     */
    boolean ours(String origin, String host) {
        if (origin == null) {
            return true;
        }
        String from = authority(origin);
        if (from.equalsIgnoreCase(host)) {
            return true;
        }
        return publicUrls.orElse(List.of()).stream()
                .anyMatch(url -> url.getAuthority() != null && url.getAuthority().equalsIgnoreCase(from));
    }

    /** "null" and anything unreadable name no site of ours. */
    private static String authority(String origin) {
        try {
            String authority = URI.create(origin).getAuthority();
            return authority == null ? "" : authority;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
