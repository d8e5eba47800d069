package fr.pyramidesnoires.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body over the HTTP limit is turned away before any resource reads it, and Vert.x would answer a bare 413 that
 * a phone shows as an empty page: this answers the same refusal as a problem, or as a page to a browser, from the
 * declared length alone, before any resource sees the body.
 */
@ApplicationScoped
public class BodyLimit {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    final ObjectMapper json;

    BodyLimit(ObjectMapper json) {
        this.json = json;
    }

    void route(@Observes Router router) {
        // just ahead of Quarkus's own limit, which answers the bare 413
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::refuseOversized);
    }

    private void refuseOversized(RoutingContext context) {
        if (declaredLength(context.request().getHeader(HttpHeaders.CONTENT_LENGTH)) <= maxBodySize.asLongValue()) {
            context.next();
            return;
        }
        long megabytes = maxBodySize.asLongValue() / (1024 * 1024);
        Problem problem = Problem.of(413, "body-too-large", "Envoi trop volumineux / Request too large",
                "Ce que vous envoyez dépasse " + megabytes + " Mo / What you send is over " + megabytes + " MB");
        // The rest of the body is read and dropped, never kept, before the connection closes: closing it while the
        // client still sends makes a browser show a reset connection instead of this answer.
        RouteAnswer.send(context, problem, json, true);
    }

    /** -1 for none, or one Vert.x refuses itself; every request passes here, so no pattern and no big number. */
    private static long declaredLength(String header) {
        if (header == null || header.isEmpty()) {
            return -1;
        }
        long length = 0;
        for (int i = 0; i < header.length(); i++) {
            char digit = header.charAt(i);
            if (digit < '0' || digit > '9') {
                return -1;
            }
            if (length >= Long.MAX_VALUE / 10) {
                return Long.MAX_VALUE;
            }
            length = length * 10 + (digit - '0');
        }
        return length;
    }
}
