package fr.pyramidesnoires.problem;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Refusals for want of an account in the same problem form as every other refusal. Only with lazy authentication
 * (quarkus.http.auth.proactive=false) does a wrong password reach these mappers: the HTTP layer would answer it
 * with an empty body before any resource.
 */
public class SecurityProblems {

    @ConfigProperty(name = "quarkus.application.name")
    String realm;

    /** The challenge makes a browser ask for the account, so the pages need no sign-in page. */
    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated(RuntimeException e, HttpHeaders headers) {
        return Response.fromResponse(Problem.of(401, "unauthenticated", "Identification requise / Sign-in required",
                        "Identifiez-vous avec votre compte / Sign in with your account (HTTP Basic)")
                        .response(headers.getHeaderString(HttpHeaders.ACCEPT)))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + realm + "\", charset=\"UTF-8\"")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers) {
        return Problem.of(403, "forbidden", "Accès refusé / Forbidden",
                        "Votre compte n'a pas le rôle que cela demande / Your account lacks the role this needs")
                .response(headers.getHeaderString(HttpHeaders.ACCEPT));
    }
}
