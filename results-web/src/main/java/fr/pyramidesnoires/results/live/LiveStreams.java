package fr.pyramidesnoires.results.live;

import io.netty.channel.EventLoop;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.impl.ContextInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server-sent events every open page listens to (GET /races/{race}/live): the race's code whenever something
 * of it changed, for the page to fetch its fresh content. Served straight from Vert.x rather than as a JAX-RS
 * stream, because race day holds thousands of them open and each event must reach them all at once: the event is
 * encoded once, then every event loop writes those bytes to the streams it serves, all loops at the same time.
 * Nothing is serialised per spectator, and the thread that learns of the change only hands it over.
 */
@ApplicationScoped
public class LiveStreams {

    private static final Buffer OPENED = Buffer.buffer(":\n\n");

    /** Per race, the open streams by the event loop they live on; each set is only ever touched from its loop. */
    private final Map<String, Map<EventLoop, Set<HttpServerResponse>>> open = new ConcurrentHashMap<>();
    final LiveUpdates updates;

    LiveStreams(LiveUpdates updates) {
        this.updates = updates;
    }

    void route(@Observes Router router) {
        router.get("/races/:race/live").handler(this::open);
    }

    private void open(RoutingContext request) {
        HttpServerResponse stream = request.response()
                .setChunked(true)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                // a compressor holds bytes back until it has enough of them: an event must leave at once
                .putHeader(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
        Set<HttpServerResponse> onThisLoop = streamsOf(request.pathParam("race"))
                .computeIfAbsent(ContextInternal.current().nettyEventLoop(), loop -> new HashSet<>());
        onThisLoop.add(stream);
        stream.closeHandler(closed -> onThisLoop.remove(stream));
        // sends the headers now: the page knows its stream is open before anything changes
        stream.write(OPENED);
    }

    private Map<EventLoop, Set<HttpServerResponse>> streamsOf(String race) {
        return open.computeIfAbsent(race, code -> {
            Map<EventLoop, Set<HttpServerResponse>> streams = new ConcurrentHashMap<>();
            updates.of(code).subscribe().with(changed -> tell(streams, changed));
            return streams;
        });
    }

    private static void tell(Map<EventLoop, Set<HttpServerResponse>> streams, String raceCode) {
        Buffer event = Buffer.buffer("data: " + raceCode + "\n\n", StandardCharsets.UTF_8.name());
        streams.forEach((loop, onLoop) -> loop.execute(() -> {
            // over a copy: a failed write may close a stream, whose close handler takes it out of the set
            for (HttpServerResponse stream : onLoop.toArray(HttpServerResponse[]::new)) {
                // a phone that has not taken the previous event yet refetches anyway: no need to queue this one
                if (!stream.closed() && !stream.writeQueueFull()) {
                    stream.write(event);
                }
            }
        }));
    }
}
