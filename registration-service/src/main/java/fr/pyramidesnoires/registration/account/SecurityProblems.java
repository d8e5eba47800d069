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

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated(RuntimeException e) {
        return Response.fromResponse(Problem.of(401, "unauthenticated", "Identification requise / Sign-in required",
                        "Sign in with an organiser account (HTTP Basic)").response())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"registration\", charset=\"UTF-8\"")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of(403, "forbidden", "Accès refusé / Forbidden",
                "This needs the " + OrganiserAccount.ROLE + " role").response();
    }
}
