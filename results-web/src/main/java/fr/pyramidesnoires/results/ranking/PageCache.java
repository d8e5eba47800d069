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

    private record Rendered(long version, Page page) {
    }

    private final Map<String, Rendered> pages = new ConcurrentHashMap<>();
    final ReadModel model;

    PageCache(ReadModel model) {
        this.model = model;
    }

    /** @param page a bounded name for the page within the race: only known groups may be cached */
    public Page get(String raceCode, String page, Language language, Supplier<String> render) {
        long version = model.version(raceCode);
        return current(raceCode, page, language, version).orElseGet(() -> {
            byte[] html = render.get().getBytes(StandardCharsets.UTF_8);
            Page rendered = new Page(direct(html), direct(gzip(html)));
            pages.put(key(raceCode, page, language), new Rendered(version, rendered));
            return rendered;
        });
    }

    /** @return the page as rendered since the race last changed; empty when it must be rendered again */
    public Optional<Page> current(String raceCode, String page, Language language) {
        return current(raceCode, page, language, model.version(raceCode));
    }

    private Optional<Page> current(String raceCode, String page, Language language, long version) {
        Rendered cached = pages.get(key(raceCode, page, language));
        return cached != null && cached.version() == version ? Optional.of(cached.page()) : Optional.empty();
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
