package fr.pyramidesnoires.results.alerts;

import fr.pyramidesnoires.problem.ProblemException;
import fr.pyramidesnoires.results.language.ChosenLanguage;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Following a runner by e-mail: asking on their page, then confirming and stopping through the links mailed, without
 * an account. Opening a link only shows a button: mail programs and their scanners open links by themselves, and must
 * neither confirm nor stop anything. The stop link also takes the one-click POST mail programs send (RFC 8058).
 * Whatever is asked, the answer never tells whether anyone follows the runner.
 */
@Path("/")
public class AlertResource {

    /** What a follower asks the API for. */
    public record AlertRequest(String email) {
    }

    /** The API's answer: nothing is sent until the address confirms. */
    public record AlertAsked(String status) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance asked(String raceCode, int bib, String error);

        /** @param outcome ask (the button), done, or unknown (a link that matches nothing) */
        static native TemplateInstance link(String action, String token, String outcome, String raceCode,
                                            Integer bib);
    }

    final Followers followers;
    final ChosenLanguage language;

    AlertResource(Followers followers, ChosenLanguage language) {
        this.followers = followers;
        this.language = language;
    }

    @POST
    @Path("races/{race}/runners/{bib}/alerts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response askOnThePage(@PathParam("race") String race, @PathParam("bib") int bib, @RestForm String email,
                                 @Context HttpServerRequest request) {
        try {
            followers.ask(race, bib, email, client(request));
            return Response.ok(language.page(Templates.asked(race, bib, null))).build();
        } catch (ProblemException refused) {
            return Response.status(refused.problem().status())
                    .entity(language.page(Templates.asked(race, bib, refused.problem().detail()))).build();
        }
    }

    @POST
    @Path("api/races/{race}/runners/{bib}/alerts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Asks for an e-mail at each passage of the runner: a confirmation mail goes to the address "
            + "first (202, whether or not it already follows the runner)")
    public Response ask(@PathParam("race") String race, @PathParam("bib") int bib, AlertRequest body,
                        @Context HttpServerRequest request) {
        followers.ask(race, bib, body == null ? null : body.email(), client(request));
        return Response.accepted(new AlertAsked("CONFIRMATION_SENT")).build();
    }

    /** The button that confirms or stops: opening the link does neither. */
    @GET
    @Path("alerts/{action: confirm|stop}/{token}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance button(@PathParam("action") String action, @PathParam("token") String token) {
        return language.page(Templates.link(action, token, "ask", null, null));
    }

    @POST
    @Path("alerts/confirm/{token}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_HTML)
    public Response confirm(@PathParam("token") String token) {
        return done("confirm", token, followers.confirm(token));
    }

    /** A second click, or a link already stopped, is told so: stopping twice stops the same. */
    @POST
    @Path("alerts/stop/{token}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_HTML)
    public Response stop(@PathParam("token") String token) {
        return done("stop", token, followers.stop(token));
    }

    /** The follower's page once done, back to the runner; a 404 page for a link that matched no follower. */
    private Response done(String action, String token, Optional<Follower> follower) {
        return follower.map(f -> Response.ok(language.page(Templates.link(action, token, "done", f.raceCode, f.bib))))
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND)
                        .entity(language.page(Templates.link(action, token, "unknown", null, null))))
                .build();
    }

    /** The client's address as this server sees it (behind a proxy, see quarkus.http.proxy.*). */
    private static String client(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
