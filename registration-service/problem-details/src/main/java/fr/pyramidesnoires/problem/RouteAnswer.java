package fr.pyramidesnoires.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.io.UncheckedIOException;

/** A problem answered straight from Vert.x, before or outside any resource: as a page to a browser, JSON otherwise. */
final class RouteAnswer {

    private RouteAnswer() {
    }

    /**
     * @param close whether to close the connection once answered: the request's body may still be on its way, and
     *              is then dropped rather than read as the next request
     */
    static void send(RoutingContext context, Problem problem, ObjectMapper json, boolean close) {
        boolean page = Problem.wantsPage(context.request().getHeader(HttpHeaders.ACCEPT));
        context.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, page ? Problem.PAGE_MEDIA_TYPE : Problem.MEDIA_TYPE);
        if (close) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        context.response().end(page ? problem.page() : write(json, problem));
    }

    private static String write(ObjectMapper json, Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
