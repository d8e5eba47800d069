package fr.pyramidesnoires.results.ranking;

import fr.pyramidesnoires.results.language.Language;
import fr.pyramidesnoires.results.language.LanguageCookie;
import io.vertx.core.MultiMap;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The ranking pages already rendered since their race last changed, served straight from Vert.x on the event
 * loop: this is what thousands of phones ask for between two passages, and all it takes is the cached bytes.
 * Through {@link RankingResource} each request would go to a worker thread and back, with a request scope,
 * its beans and filters, only to find the same bytes. A page that must be rendered goes on to the resource.
 */
@ApplicationScoped
public class CachedRankings {

    private static final CharSequence HTML = HttpHeaders.createOptimized("text/html;charset=UTF-8");
    private static final CharSequence VARY_COOKIE = HttpHeaders.createOptimized("Cookie");
    final PageCache pages;

    CachedRankings(PageCache pages) {
        this.pages = pages;
    }

    void route(@Observes Router router) {
        router.get("/races/:race").handler(this::serve);
    }

    private void serve(RoutingContext request) {
        MultiMap query = request.queryParams();
        String asked = query.get(Language.PARAM);
        Cookie cookie = request.request().getCookie(Language.PARAM);
        String remembered = cookie == null ? null : cookie.getValue();
        pages.current(request.pathParam("race"), RankingResource.groupPage(query.get("sex"), query.get("category")),
                Language.chosen(asked, remembered)).ifPresentOrElse(page -> {
                    HttpServerResponse response = request.response().putHeader(HttpHeaders.CONTENT_TYPE, HTML)
                            // as the resource does: a shared cache must not hand one spectator's language to another
                            .putHeader(HttpHeaders.VARY, VARY_COOKIE);
                    LanguageCookie.toSet(asked, remembered)
                            .ifPresent(set -> response.putHeader(HttpHeaders.SET_COOKIE, set));
                    response.end(page);
                }, request::next);
    }
}
