package fr.pyramidesnoires.results.ranking;

import fr.pyramidesnoires.results.language.Language;
import fr.pyramidesnoires.results.race.ReadModel;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * Pages of a race as last rendered. A ranking is read by thousands of phones between two passages, and a race
 * changes a few times a second at most: rendering once per change, not once per request, is what lets one small
 * server carry race day.
 */
@ApplicationScoped
public class PageCache {

    /**
     * A page as sent. Kept outside the heap: Netty writes a heap buffer to a socket by copying it into a direct
     * one first, 400 kB per request. A JDK direct buffer, unlike a Netty one, is freed by the garbage collector
     * once the page is replaced, and Vert.x writes a slice of it that Netty cannot release.
     *
     * @param gzipped the same, compressed once here rather than once per phone that asks for it
     */
    public record Page(Buffer html, Buffer gzipped) {
    }

    /** @param minute pages place runners on the course profile by the time, which moves with no change of the race */
    private record Rendered(long version, Instant minute, Page page) {
    }

    private final Map<String, Rendered> pages = new ConcurrentHashMap<>();
    final ReadModel model;

    PageCache(ReadModel model) {
        this.model = model;
    }

    /** @param page a bounded name for the page within the race: only known groups may be cached */
    public Page get(String raceCode, String page, Language language, Supplier<String> render) {
        long version = model.version(raceCode);
        Instant minute = minute();
        return current(raceCode, page, language, version, minute).orElseGet(() -> {
            byte[] html = render.get().getBytes(StandardCharsets.UTF_8);
            Page rendered = new Page(direct(html), direct(gzip(html)));
            pages.put(key(raceCode, page, language), new Rendered(version, minute, rendered));
            return rendered;
        });
    }

    /**
     * @return the page as rendered since the race last changed, within this minute; empty when it must be rendered
     * again
     */
    public Optional<Page> current(String raceCode, String page, Language language) {
        return current(raceCode, page, language, model.version(raceCode), minute());
    }

    /**
     * The instant a page rendered now shows the race at: runners on course move along the profile as time goes by,
     * so a page is rendered again once a minute at most even when the race does not change, a cost that does not
     * grow with the number of phones.
     */
    public Instant minute() {
        return Instant.now().truncatedTo(ChronoUnit.MINUTES);
    }

    private Optional<Page> current(String raceCode, String page, Language language, long version, Instant minute) {
        Rendered cached = pages.get(key(raceCode, page, language));
        return cached != null && cached.version() == version && cached.minute().equals(minute)
                ? Optional.of(cached.page()) : Optional.empty();
    }

    private static String key(String raceCode, String page, Language language) {
        return raceCode + "|" + page + "|" + language.code();
    }

    private static Buffer direct(byte[] bytes) {
        return Buffer.buffer(Unpooled.wrappedBuffer(ByteBuffer.allocateDirect(bytes.length).put(bytes).flip()));
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream(bytes.length / 8);
        try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return gzipped.toByteArray();
    }
}
