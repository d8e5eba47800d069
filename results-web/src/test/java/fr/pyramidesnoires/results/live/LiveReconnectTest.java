package fr.pyramidesnoires.results.live;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.RaceEvent;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.Eventually;
import fr.pyramidesnoires.events.testing.TopicProbe;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A spectator whose replica died reconnects to another one with the id of the last event it had: it must hear of
 * what it missed, and only of that. Replicas read the same partitions in the same order, so this one replica
 * answers exactly as another would.
 */
@QuarkusTest
class LiveReconnectTest {

    private final TopicProbe kafka = TopicProbe.shared();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestHTTPResource("/")
    URL root;

    @Inject
    Watermarks marks;

    private final List<Stream> opened = new ArrayList<>();
    private String race;
    private int nextBib = 1;

    @AfterEach
    void leave() throws IOException {
        for (Stream stream : opened) {
            stream.close();
        }
    }

    @Test
    void aFreshStreamStartsWithTheRacesIdAndEachChangeMovesItForward() throws Exception {
        publishRace();
        Stream stream = open(null);
        Event mark = stream.next(Duration.ofSeconds(5));
        assertNotNull(mark, "no opening event");
        assertEquals("mark", mark.type());
        assertEquals(race, mark.data());
        assertEquals(marks.of(race).toString(), mark.id());
        assertEquals("1000", stream.retry(), "browsers reconnect after a second");

        Watermark before = Watermark.parse(mark.id());
        for (int i = 0; i < 3; i++) {
            enter();
            Event change = stream.next(Duration.ofSeconds(5));
            assertNotNull(change, "change " + i + " never told");
            assertEquals("message", change.type());
            Watermark after = Watermark.parse(change.id());
            assertTrue(after.beyond(before) && after.covers(before), before + " then " + after);
            before = after;
            // past the quiet window, so that each change has its own event
            Thread.sleep(LiveUpdates.QUIET.toMillis() * 2);
        }
    }

    @Test
    void aClientReconnectingWithAnOldIdIsToldAtOnce() throws Exception {
        publishRace();
        String old = open(null).next(Duration.ofSeconds(5)).id();
        enter();
        Eventually.until(() -> marks.of(race).beyond(Watermark.parse(old)), Duration.ofSeconds(10),
                "the replica never applied the entry");

        Stream back = open(old);
        Event told = back.next(Duration.ofSeconds(2));
        assertNotNull(told, "the missed entry was not told");
        assertEquals("message", told.type());
        assertEquals(race, told.data());
        assertEquals(marks.of(race).toString(), told.id());

        // the same through the parameter a page uses once its EventSource gave up
        Event byParameter = open("?lastEventId=" + URLEncoder.encode(old, StandardCharsets.UTF_8), null)
                .next(Duration.ofSeconds(2));
        assertNotNull(byParameter);
        assertEquals("message", byParameter.type());
    }

    @Test
    void aClientReconnectingWithTheCurrentIdHearsNothingUntilSomethingChanges() throws Exception {
        publishRace();
        enter();
        Eventually.until(() -> marks.of(race).toString().contains("entries"), Duration.ofSeconds(10),
                "the replica never applied the entry");
        String current = marks.of(race).toString();

        Stream back = open(current);
        assertNull(back.next(Duration.ofMillis(1500)), "told of a change it had already seen");

        enter();
        Event told = back.next(Duration.ofSeconds(5));
        assertNotNull(told, "the change after reconnecting was not told");
        assertTrue(Watermark.parse(told.id()).beyond(Watermark.parse(current)));
    }

    @Test
    void aClientAheadOfTheReplicaWaitsUntilItHasCaughtUp() throws Exception {
        publishRace();
        String old = open(null).next(Duration.ofSeconds(5)).id();
        enter();
        Eventually.until(() -> marks.of(race).beyond(Watermark.parse(old)), Duration.ofSeconds(10),
                "the replica never applied the entry");
        // a client that saw, on another replica, the next message of the races topic, which this one has not read
        long racesRead = marks.read().next().get(Topics.RACES + ":0");
        Watermark ahead = Watermark.parse(old).after(Topics.RACES, 0, racesRead);

        Stream back = open(ahead.toString());
        assertNull(back.next(Duration.ofMillis(1500)), "told before this replica read what the client had seen");

        // that message arrives here: the client is told of the entry it missed
        kafka.send(Topics.RACES, "OTHER", new RaceEvent("LROTHER", "Trail autre", 12, 150,
                OffsetDateTime.parse("2027-03-20T09:00:00+01:00"), 100));
        Event told = back.next(Duration.ofSeconds(5));
        assertNotNull(told, "never told once caught up");
        assertEquals(race, told.data());
    }

    @Test
    void anUnreadableIdIsAProblemNamingTheHeader() {
        publishRace();
        given().accept("text/event-stream").header("Last-Event-ID", "entries:0=oops")
                .when().get("/races/" + race + "/live")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("Last-Event-ID"));
    }

    private void publishRace() {
        race = "LR" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        kafka.send(Topics.RACES, race, new RaceEvent(race, "Trail " + race, 12, 150,
                OffsetDateTime.parse("2027-03-20T09:00:00+01:00"), 100));
        Eventually.until(() -> given().when().get("/api/races/" + race + "/ranking").statusCode() == 200,
                Duration.ofSeconds(20), "race " + race + " never known");
    }

    /** A runner enters the race: a change its pages show. */
    private void enter() {
        String id = UUID.randomUUID().toString();
        int bib = nextBib++;
        kafka.send(Topics.ENTRIES, id, new EntryEvent(EntryEvent.Type.UPSERTED, id, race, bib, "C" + bib, "Jade",
                "Lemaire", false, EntryEvent.Sex.F, "ES", null, "FRA", Instant.now()));
    }

    private Stream open(String lastEventId) throws Exception {
        return open("", lastEventId);
    }

    private Stream open(String query, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + "races/" + race + "/live" + query))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        Stream stream = new Stream(response.body());
        opened.add(stream);
        return stream;
    }

    record Event(String type, String id, String data) {
    }

    /** Reads server-sent events as a browser does, into a queue the test takes them from. */
    private static final class Stream {
        private final InputStream body;
        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private volatile String retry = "";

        Stream(InputStream body) {
            this.body = body;
            Thread reader = new Thread(this::read, "sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String type = "message";
                String id = null;
                StringBuilder data = new StringBuilder();
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.isEmpty()) {
                        if (!data.isEmpty()) {
                            events.add(new Event(type, id, data.toString()));
                        }
                        type = "message";
                        data.setLength(0);
                    } else if (line.startsWith("id: ")) {
                        id = line.substring(4);
                    } else if (line.startsWith("event: ")) {
                        type = line.substring(7);
                    } else if (line.startsWith("data: ")) {
                        data.append(line.substring(6));
                    } else if (line.startsWith("retry: ")) {
                        retry = line.substring(7);
                    }
                }
            } catch (IOException closed) {
                // the test closed the stream
            }
        }

        /** The next event, or null if none came in time. */
        Event next(Duration within) throws InterruptedException {
            return events.poll(within.toMillis(), TimeUnit.MILLISECONDS);
        }

        String retry() {
            return retry;
        }

        void close() throws IOException {
            body.close();
        }
    }
}
