package fr.pyramidesnoires.registration.account;

import fr.pyramidesnoires.problem.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Refusals of the organiser API in the same problem form as every other refusal. Authentication is lazy
 * (quarkus.http.auth.proactive=false) so that a wrong password reaches these mappers too.
 */
public class SecurityProblems {

    /** The challenge makes a browser ask for the account, so the organiser pages need no sign-in page. */
    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated(RuntimeException e, HttpHeaders headers) {
        return Response.fromResponse(Problem.of(401, "unauthenticated", "Identification requise / Sign-in required",
                        "Identifiez-vous avec un compte organisateur / Sign in with an organiser account (HTTP Basic)")
                        .response(headers.getHeaderString(HttpHeaders.ACCEPT)))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"registration\", charset=\"UTF-8\"")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers) {
        return Problem.of(403, "forbidden", "Accès refusé / Forbidden", "Il faut le rôle " + OrganiserAccount.ROLE
                        + " / This needs the " + OrganiserAccount.ROLE + " role")
                .response(headers.getHeaderString(HttpHeaders.ACCEPT));
    }
}
