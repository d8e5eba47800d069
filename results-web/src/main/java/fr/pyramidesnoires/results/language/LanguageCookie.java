package fr.pyramidesnoires.results.language;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Remembers a spectator's choice of language, so that every page they open next is in it. */
public class LanguageCookie {

    private static final int KEPT_SECONDS = (int) Duration.ofDays(365).toSeconds();

    @ServerResponseFilter
    public void remember(ContainerRequestContext request, ContainerResponseContext response) {
        jakarta.ws.rs.core.Cookie remembered = request.getCookies().get(Language.PARAM);
        toSet(request.getUriInfo().getQueryParameters().getFirst(Language.PARAM),
                remembered == null ? null : remembered.getValue())
                .ifPresent(cookie -> response.getHeaders().add(HttpHeaders.SET_COOKIE, cookie));
        if (response.getMediaType() != null && response.getMediaType().isCompatible(MediaType.TEXT_HTML_TYPE)) {
            // one address, two languages: a shared cache must not hand one spectator's page to another
            response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.COOKIE);
        }
    }

    /**
     * @param asked      the page's {@code lang} parameter
     * @param remembered the spectator's {@code lang} cookie
     * @return the Set-Cookie header that remembers the language the page asked for, if any
     */
    public static Optional<String> toSet(String asked, String remembered) {
        // a page opened again through a ?lang= link needs no new cookie
        return Language.named(asked).filter(language -> !language.code().equals(remembered))
                .map(language -> Cookie.cookie(Language.PARAM, language.code()).setPath("/").setMaxAge(KEPT_SECONDS)
                        .setSameSite(CookieSameSite.LAX).setHttpOnly(true).encode());
    }
}
