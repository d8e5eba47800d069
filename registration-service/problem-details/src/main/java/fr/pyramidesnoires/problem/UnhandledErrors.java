package fr.pyramidesnoires.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What no resource answered: an address nothing serves, and a failure nothing expected. Quarkus's own answers are
 * an HTML page or a body naming the exception (its stack trace in dev and test); these are problems like every
 * other refusal, the failure's details kept for the log, under an id the answer gives.
 */
@ApplicationScoped
public class UnhandledErrors {

    private static final Logger LOG = Logger.getLogger(UnhandledErrors.class);
    private static final Problem NOT_FOUND = Problem.of(404, "http-404", "Introuvable / Not found",
            "Rien à cette adresse / Nothing at this address");
    private static final Problem DATABASE_AWAY = Problem.of(503, "database-unavailable",
            "Service momentanément indisponible / Service briefly unavailable",
            "La base de données change de serveur ; réessayez dans un instant"
                    + " / The database is switching servers; try again in a moment");

    final ObjectMapper json;

    UnhandledErrors(ObjectMapper json) {
        this.json = json;
    }

    void route(@Observes Router router) {
        router.errorHandler(404, this::notFound);
        // first of the failure handlers: Quarkus's comes last
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2).failureHandler(this::failed);
    }

    private void notFound(RoutingContext context) {
        if (!context.response().headWritten()) {
            RouteAnswer.send(context, NOT_FOUND, json, false);
        }
    }

    private void failed(RoutingContext context) {
        Throwable failure = context.failure();
        int status = failure instanceof HttpException http ? http.getStatusCode() : context.statusCode();
        // refusals of the sign-in carry their challenge, and other statuses their own headers: Quarkus answers them
        if (context.response().headWritten() || isSecurity(failure) || (status != -1 && status != 500)) {
            if (status == 404 && !context.response().headWritten()) {
                notFound(context);
            } else {
                context.next();
            }
            return;
        }
        if (DatabaseAway.isCause(failure)) {
            // a promotion takes seconds: the caller is told to try again then, not that the platform is broken
            context.response().putHeader("Retry-After", "2");
            RouteAnswer.send(context, DATABASE_AWAY, json, false);
            return;
        }
        String id = UUID.randomUUID().toString();
        // a runner's private link is a path: the log gets the route's pattern, never the token
        String route = context.currentRoute() == null || context.currentRoute().getPath() == null ? "(no route)"
                : context.currentRoute().getPath();
        LOG.errorf(failure, "%s %s failed, error id %s", context.request().method(), route, id);
        RouteAnswer.send(context, Problem.of(500, "server-error", "Erreur du serveur / Server error",
                "Une erreur inattendue, notée sous le numéro " + id + " ; réessayez plus tard"
                        + " / An unexpected error, logged as " + id + "; try again later"), json, false);
    }

    private static boolean isSecurity(Throwable failure) {
        return failure != null && failure.getClass().getName().startsWith("io.quarkus.security.");
    }
}
