package fr.pyramidesnoires.results.language;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Remembers a spectator's choice of language, so that every page they open next is in it. */
public class LanguageCookie {

    static final int KEPT_SECONDS = (int) Duration.ofDays(365).toSeconds();

    @ServerResponseFilter
    public void remember(ContainerRequestContext request, ContainerResponseContext response) {
        Optional<Language> asked = Language.named(request.getUriInfo().getQueryParameters().getFirst(Language.PARAM));
        Cookie remembered = request.getCookies().get(Language.PARAM);
        // a page opened again through a ?lang= link needs no new cookie
        if (asked.isPresent() && (remembered == null || !asked.get().code().equals(remembered.getValue()))) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, new NewCookie.Builder(Language.PARAM)
                    .value(asked.get().code()).path("/").maxAge(KEPT_SECONDS).sameSite(NewCookie.SameSite.LAX)
                    .httpOnly(true).build());
        }
        if (response.getMediaType() != null && response.getMediaType().isCompatible(MediaType.TEXT_HTML_TYPE)) {
            // one address, two languages: a shared cache must not hand one spectator's page to another
            response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.COOKIE);
        }
    }
}
