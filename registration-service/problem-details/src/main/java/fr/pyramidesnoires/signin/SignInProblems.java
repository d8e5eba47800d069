package fr.pyramidesnoires.signin;

import fr.pyramidesnoires.problem.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A locked sign-in is 429 with Retry-After, not 401: a 401 would make a browser ask for the password again, and
 * a device retry at once, both only prolonging the lock. Needs lazy authentication
 * (quarkus.http.auth.proactive=false), so that the refusal reaches the resource layer.
 */
public class SignInProblems {

    @ServerExceptionMapper
    public Response locked(SignInLocked e, HttpHeaders headers) {
        long seconds = e.retryAfterSeconds();
        return Response.fromResponse(Problem.of(429, "sign-in-locked", "Trop d'essais / Too many attempts",
                        "Trop d'identifications manquées : réessayez dans " + seconds + " s / Too many failed sign-ins:"
                                + " try again in " + seconds + " s")
                        .response(headers.getHeaderString(HttpHeaders.ACCEPT)))
                .header(HttpHeaders.RETRY_AFTER, seconds)
                .build();
    }
}
