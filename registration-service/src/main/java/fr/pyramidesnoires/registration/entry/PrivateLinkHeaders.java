package fr.pyramidesnoires.registration.entry;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * What answers at a private link holds the runner's entry, and its address is the link itself: no cache keeps the
 * page (a shared or borrowed phone), and no link followed from it tells another site the address it came from.
 */
public class PrivateLinkHeaders {

    @ServerResponseFilter
    public void privateLink(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/entry/") || path.startsWith("/api/entries/by-token/")) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
            response.getHeaders().putSingle("Referrer-Policy", "no-referrer");
        }
    }
}
