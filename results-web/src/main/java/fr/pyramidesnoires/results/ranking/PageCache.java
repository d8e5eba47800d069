package fr.pyramidesnoires.results.ranking;

import fr.pyramidesnoires.results.language.Language;
import fr.pyramidesnoires.results.race.ReadModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Pages of a race as last rendered. A ranking is read by thousands of phones between two passages, and a race
 * changes a few times a second at most: rendering once per change, not once per request, is what lets one small
 * server carry race day.
 */
@ApplicationScoped
public class PageCache {

    /** Kept as the bytes sent: encoding 400 kB of HTML again for every request is most of serving it. */
    private record Rendered(long version, byte[] html) {
    }

    private final Map<String, Rendered> pages = new ConcurrentHashMap<>();
    final ReadModel model;

    PageCache(ReadModel model) {
        this.model = model;
    }

    /** @param page a bounded name for the page within the race: only known groups may be cached */
    public byte[] get(String raceCode, String page, Language language, Supplier<String> render) {
        long version = model.version(raceCode);
        String key = raceCode + "|" + page + "|" + language.code();
        Rendered cached = pages.get(key);
        if (cached != null && cached.version() == version) {
            return cached.html();
        }
        byte[] html = render.get().getBytes(StandardCharsets.UTF_8);
        pages.put(key, new Rendered(version, html));
        return html;
    }
}
