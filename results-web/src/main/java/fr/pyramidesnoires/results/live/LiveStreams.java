package fr.pyramidesnoires.results.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pyramidesnoires.problem.Problem;
import fr.pyramidesnoires.results.race.ReadModel;
import io.netty.channel.EventLoop;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server-sent events every open page listens to (GET /races/{race}/live): the race's code whenever something
 * of it changed, for the page to fetch its fresh content. Served straight from Vert.x rather than as a JAX-RS
 * stream, because race day holds thousands of them open and each event must reach them all at once: the event is
 * encoded once, then every event loop writes those bytes to the streams it serves, all loops at the same time.
 * Nothing is serialised per spectator, and the thread that learns of the change only hands it over.
 * <p>
 * A stream is what a replica keeps for as long as a client wants: only races of the read model get one, a
 * client address holds a limited number at once, and everything kept for a stream goes when its client does,
 * the race's subscription with its last stream.
 * <p>
 * Each event's id is the race's {@link Watermark}, which means the same on every replica. When a replica dies, its
 * clients reconnect through the proxy to another one and send the last id they had (Last-Event-ID, or the
 * {@code lastEventId} parameter for a page that had to open a new EventSource): a client that missed a change is
 * told at once, and one that has seen more than this replica has applied hears nothing until the replica has
 * caught up, since its pages would show an older race. A fresh stream starts with a {@code mark} event carrying
 * the current id, so a client that loses its stream before any change still says what it had.
 */
@ApplicationScoped
public class LiveStreams {

    /** Browsers wait 3 s or more before reconnecting by default: a replica's death should cost less than that. */
    static final Duration RETRY = Duration.ofSeconds(1);
    /** How often a stream waiting for this replica to catch up looks again. */
    static final Duration CATCHING_UP = Duration.ofMillis(200);
    private static final Buffer IN_STEP = Buffer.buffer("retry: " + RETRY.toMillis() + "\n\n");

    /** The races some open stream follows; a race leaves with its last stream. */
    private final Map<String, Followed> followed = new ConcurrentHashMap<>();
    /** Open streams per client address; an address leaves with its last stream. */
    private final Map<String, Integer> perClient = new ConcurrentHashMap<>();

    @ConfigProperty(name = "results.live.streams-per-client", defaultValue = "20")
    int streamsPerClient;

    final LiveUpdates updates;
    final Watermarks marks;
    final ReadModel model;
    final ObjectMapper json;
    final Vertx vertx;

    LiveStreams(LiveUpdates updates, Watermarks marks, ReadModel model, ObjectMapper json, Vertx vertx) {
        this.updates = updates;
        this.marks = marks;
        this.model = model;
        this.json = json;
        this.vertx = vertx;
    }

    /** A race some open stream follows, with those streams by the event loop they live on. */
    private final class Followed {
        /** Each set is only ever touched from its loop. */
        final Map<EventLoop, Set<Stream>> byLoop = new ConcurrentHashMap<>();
        final Cancellable subscription;
        /** Changed only inside the map's compute for the race, which serialises them. */
        int streams;

        Followed(String race) {
            subscription = updates.of(race).subscribe().with(changed -> tell(byLoop, changed));
        }
    }

    /** One client's stream, touched only from its event loop. */
    private static final class Stream {
        final HttpServerResponse response;
        /** The id the client has: it is told of a change only past it. */
        Watermark seen;

        Stream(HttpServerResponse response, Watermark seen) {
            this.response = response;
            this.seen = seen;
        }

        /** Writes the event if the client has not seen it yet and can take it now. */
        void offer(Watermark race, Watermark read, Buffer event) {
            // a phone that has not taken the previous event yet is offered the next one: no need to queue this one
            if (!response.closed() && !response.writeQueueFull() && Watermark.owed(seen, race, read)) {
                response.write(event);
                seen = race;
            }
        }
    }

    void route(@Observes Router router) {
        router.get("/races/:race/live").handler(this::open);
    }

    private void open(RoutingContext request) {
        String race = request.pathParam("race");
        if (!model.knows(race)) {
            refuse(request, Problem.of(404, "unknown-race", "Course inconnue / Unknown race",
                    "Aucune course " + race + " ici / No race " + race + " here"));
            return;
        }
        String client = clientOf(request);
        if (perClient.merge(client, 1, Integer::sum) > streamsPerClient) {
            release(client);
            refuse(request, Problem.of(429, "too-many-streams", "Trop de pages ouvertes / Too many open pages",
                    "Fermez une page de résultats en direct de cet appareil, puis réessayez / Close a live results "
                            + "page on this device, then try again"));
            return;
        }
        Watermark seen;
        try {
            seen = lastSeen(request);
        } catch (IllegalArgumentException e) {
            release(client);
            refuse(request, Problem.of(400, "bad-last-event-id", "Identifiant d'événement illisible / Unreadable "
                    + "event id", "Last-Event-ID: " + e.getMessage()));
            return;
        }
        HttpServerResponse response = request.response()
                .setChunked(true)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                // a compressor holds bytes back until it has enough of them: an event must leave at once
                .putHeader(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
        Watermark now = marks.of(race);
        Stream stream = new Stream(response, seen == null ? now : seen);
        Followed streams = follow(race);
        Set<Stream> onThisLoop = streams.byLoop
                .computeIfAbsent(ContextInternal.current().nettyEventLoop(), loop -> new HashSet<>());
        onThisLoop.add(stream);
        Runnable gone = () -> {
            onThisLoop.remove(stream);
            unfollow(race);
            release(client);
        };
        if (response.closed()) {
            // the client left before this handler ran: no close event will come
            gone.run();
            return;
        }
        response.closeHandler(closed -> gone.run());
        // sends the headers now: the page knows its stream is open before anything changes
        if (seen == null) {
            response.write(Buffer.buffer("retry: " + RETRY.toMillis() + "\nevent: mark\nid: " + now + "\ndata: "
                    + race + "\n\n", StandardCharsets.UTF_8.name()));
            return;
        }
        response.write(IN_STEP);
        catchUp(race, stream);
    }

    /** The id a reconnecting client sends: the header EventSource sets itself, else the parameter a page sets. */
    private static Watermark lastSeen(RoutingContext request) {
        String id = request.request().getHeader("Last-Event-ID");
        if (id == null) {
            id = request.request().getParam("lastEventId");
        }
        return id == null ? null : Watermark.parse(id);
    }

    /**
     * Tells a reconnected client what it missed, at once if this replica has it; if the client has seen more than
     * this replica has read, looks again until the replica has caught up, after which the race's changes reach
     * the stream as they come.
     */
    private void catchUp(String race, Stream stream) {
        Watermark read = marks.read();
        if (read.covers(stream.seen)) {
            Watermark now = marks.of(race);
            stream.offer(now, read, event(race, now));
        } else if (!stream.response.closed()) {
            vertx.setTimer(CATCHING_UP.toMillis(), later -> catchUp(race, stream));
        }
    }

    private static String clientOf(RoutingContext request) {
        SocketAddress address = request.request().remoteAddress();
        return address == null ? "" : String.valueOf(address.hostAddress());
    }

    private Followed follow(String race) {
        return followed.compute(race, (code, streams) -> {
            Followed following = streams == null ? new Followed(code) : streams;
            following.streams++;
            return following;
        });
    }

    private void unfollow(String race) {
        followed.computeIfPresent(race, (code, streams) -> {
            if (--streams.streams > 0) {
                return streams;
            }
            streams.subscription.cancel();
            return null;
        });
    }

    private void release(String client) {
        perClient.computeIfPresent(client, (address, open) -> open > 1 ? open - 1 : null);
    }

    /** Open streams of the race on this replica. */
    int openStreams(String race) {
        Followed streams = followed.get(race);
        return streams == null ? 0 : streams.streams;
    }

    /** Open streams of every race on this replica. */
    int openStreams() {
        return perClient.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Whether this replica keeps anything for the race's streams: not once the last one has gone. */
    boolean follows(String race) {
        return followed.containsKey(race);
    }

    /** Open streams of one client address. */
    int openStreamsFrom(String address) {
        return perClient.getOrDefault(address, 0);
    }

    /** As a page for a browser, as problem JSON for an API client or an EventSource. */
    private void refuse(RoutingContext request, Problem problem) {
        boolean page = Problem.wantsPage(request.request().getHeader(HttpHeaders.ACCEPT));
        try {
            request.response().setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, page ? Problem.PAGE_MEDIA_TYPE : Problem.MEDIA_TYPE)
                    .end(page ? problem.page() : json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void tell(Map<EventLoop, Set<Stream>> streams, String raceCode) {
        Watermark read = marks.read();
        Watermark race = marks.of(raceCode);
        Buffer event = event(raceCode, race);
        streams.forEach((loop, onLoop) -> loop.execute(() -> {
            // over a copy: a failed write may close a stream, whose close handler takes it out of the set
            for (Stream stream : onLoop.toArray(Stream[]::new)) {
                stream.offer(race, read, event);
            }
        }));
    }

    private static Buffer event(String raceCode, Watermark race) {
        return Buffer.buffer("id: " + race + "\ndata: " + raceCode + "\n\n", StandardCharsets.UTF_8.name());
    }
}
