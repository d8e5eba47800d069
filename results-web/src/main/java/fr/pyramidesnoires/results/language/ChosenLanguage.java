package fr.pyramidesnoires.results.language;

import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The language the page being served is written in, and the link that offers the other one. */
@RequestScoped
public class ChosenLanguage {

    /**
     * The pages' own query parameters, which the switch link keeps so that a filtered ranking or a search stays
     * as it is. Anything else a link carried is dropped: a page cached for its race, group and language must
     * link the same way for every spectator it is served to.
     */
    private static final List<String> PAGE_PARAMS = List.of("sex", "category", "q");

    @Inject
    UriInfo uri;
    @Inject
    HttpHeaders headers;

    private Language language;
    private String switchHref;

    @PostConstruct
    void choose() {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        Cookie remembered = headers.getCookies().get(Language.PARAM);
        language = Language.chosen(query.getFirst(Language.PARAM), remembered == null ? null : remembered.getValue());
        StringBuilder href = new StringBuilder(uri.getRequestUri().getRawPath()).append('?');
        for (String name : PAGE_PARAMS) {
            String value = query.getFirst(name);
            if (value != null) {
                href.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
            }
        }
        switchHref = href.append(Language.PARAM).append('=').append(language.other().code()).toString();
    }

    public Language language() {
        return language;
    }

    /** A page in the chosen language: its messages, and the layout's switch link. */
    public TemplateInstance page(TemplateInstance page) {
        return page.setLocale(language.locale()).data("languageSwitch", switchHref);
    }
}
