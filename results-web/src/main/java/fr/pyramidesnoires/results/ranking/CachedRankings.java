package fr.pyramidesnoires.results.ranking;

import fr.pyramidesnoires.results.language.Language;
import fr.pyramidesnoires.results.language.LanguageCookie;
import io.vertx.core.MultiMap;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;

/**
 * The ranking pages already rendered since their race last changed, served straight from Vert.x on the event
 * loop: this is what thousands of phones ask for between two passages, and all it takes is the cached bytes.
 * Through {@link RankingResource} each request would go to a worker thread and back, with a request scope,
 * its beans and filters, only to find the same bytes. A page that must be rendered goes on to the resource.
 */
@ApplicationScoped
public class CachedRankings {

    private static final CharSequence HTML = HttpHeaders.createOptimized("text/html;charset=UTF-8");
    private static final CharSequence GZIP = HttpHeaders.createOptimized("gzip");
    /** One address, two languages and two encodings: a shared cache must keep them apart. */
    private static final CharSequence VARY = HttpHeaders.createOptimized("Cookie, Accept-Encoding");
    private static final Pattern REFUSED = Pattern.compile("\\s*q\\s*=\\s*0(\\.0{0,3})?\\s*");
    final PageCache pages;

    CachedRankings(PageCache pages) {
        this.pages = pages;
    }

    void route(@Observes Router router) {
        router.get("/races/:race").handler(this::serve);
    }

    private void serve(RoutingContext context) {
        HttpServerRequest request = context.request();
        MultiMap query = context.queryParams();
        String asked = query.get(Language.PARAM);
        Cookie cookie = request.getCookie(Language.PARAM);
        String remembered = cookie == null ? null : cookie.getValue();
        pages.current(context.pathParam("race"), RankingResource.groupPage(query.get("sex"), query.get("category")),
                Language.chosen(asked, remembered)).ifPresentOrElse(page -> {
                    HttpServerResponse response = context.response().putHeader(HttpHeaders.CONTENT_TYPE, HTML)
                            .putHeader(HttpHeaders.VARY, VARY);
                    LanguageCookie.toSet(asked, remembered)
                            .ifPresent(set -> response.putHeader(HttpHeaders.SET_COOKIE, set));
                    if (acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING))) {
                        // already set, the encoding tells Vert.x's compressor to leave the bytes alone
                        response.putHeader(HttpHeaders.CONTENT_ENCODING, GZIP).end(page.gzipped());
                    } else {
                        response.end(page.html());
                    }
                }, context::next);
    }

    /** @return whether the Accept-Encoding header names gzip, and does not refuse it with q=0 */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding != null) {
            for (String coding : acceptEncoding.split(",")) {
                String[] params = coding.split(";");
                if (params[0].strip().equalsIgnoreCase("gzip")) {
                    return params.length == 1 || !REFUSED.matcher(params[1]).matches();
                }
            }
        }
        return false;
    }
}
