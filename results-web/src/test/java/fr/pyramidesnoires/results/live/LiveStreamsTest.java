package fr.pyramidesnoires.results.live;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.RaceEvent;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.Eventually;
import fr.pyramidesnoires.events.testing.TopicProbe;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a replica keeps for live streams stays bounded whatever clients do: each client here is a plain HTTP/1.1
 * connection from its own loopback address, as each phone has its own, so other tests' streams never count.
 */
@QuarkusTest
class LiveStreamsTest {

    private static TopicProbe kafka;

    @TestHTTPResource("/")
    URL root;

    @Inject
    LiveStreams streams;

    @ConfigProperty(name = "results.live.streams-per-client")
    int perClient;

    private final List<Socket> opened = new ArrayList<>();

    @BeforeAll
    static void connect() {
        kafka = TopicProbe.onTheServicesBroker();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @AfterEach
    void leave() throws IOException {
        for (Socket socket : opened) {
            socket.close();
        }
    }

    @Test
    void aRaceTheResultsDoNotKnowGetsNoStream() {
        String madeUp = "NOPE" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

        given().accept("text/event-stream").when().get("/races/" + madeUp + "/live").then().statusCode(404)
                .contentType("application/problem+json")
                .body("title", startsWith("Course inconnue"));
        given().accept("text/html").when().get("/races/" + madeUp + "/live").then().statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("Course inconnue / Unknown race"));
        assertFalse(streams.follows(madeUp));
        assertEquals(0, streams.openStreams(madeUp));
    }

    @Test
    void streamsAndTheirRaceAreForgottenOnceTheirClientsLeave() throws Exception {
        String race = publishedRace();
        InetAddress phone = aLoopbackAddress();

        for (int i = 0; i < 10; i++) {
            assertEquals(200, open(phone, race).status());
        }
        // each stream is counted before its headers are sent
        assertEquals(10, streams.openStreams(race));
        assertEquals(10, streams.openStreamsFrom(phone.getHostAddress()));
        for (Socket socket : opened) {
            socket.close();
        }

        Eventually.until(() -> streams.openStreams(race) == 0 && !streams.follows(race)
                        && streams.openStreamsFrom(phone.getHostAddress()) == 0,
                Duration.ofSeconds(10), "the closed streams are still kept: " + streams.openStreams(race));
    }

    @Test
    void aClientAddressHoldsOnlySoManyStreams() throws Exception {
        String race = publishedRace();
        InetAddress script = aLoopbackAddress();
        for (int i = 0; i < perClient; i++) {
            assertEquals(200, open(script, race).status());
        }

        Answer refused = open(script, race);
        assertEquals(429, refused.status(), refused.head());
        assertTrue(refused.head().contains("application/problem+json"), refused.head());
        assertEquals(perClient, streams.openStreamsFrom(script.getHostAddress()));
        assertEquals(200, open(aLoopbackAddress(), race).status(), "another phone is not held back");

        opened.get(0).close();
        Eventually.until(() -> streams.openStreamsFrom(script.getHostAddress()) < perClient, Duration.ofSeconds(10),
                "the closed stream still counts");
        assertEquals(200, open(script, race).status(), "a stream closed makes room for another");
    }

    private String publishedRace() {
        String race = "LS" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        kafka.send(Topics.RACES, race, new RaceEvent(race, "Trail " + race, 12, 150,
                OffsetDateTime.parse("2027-03-20T09:00:00+01:00"), 100));
        Eventually.until(() -> given().when().get("/api/races/" + race + "/ranking").statusCode() == 200,
                Duration.ofSeconds(20), "race " + race + " never known");
        return race;
    }

    /** One of the 127.0.0.0/8 addresses, all of which reach this machine; each test's clients have their own. */
    private static InetAddress aLoopbackAddress() throws IOException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return InetAddress.getByAddress(new byte[]{127, (byte) random.nextInt(1, 255), (byte) random.nextInt(1, 255),
                (byte) random.nextInt(2, 255)});
    }

    record Answer(int status, String head) {
    }

    /** Opens the race's live stream from that address and reads the answer's head; the connection stays open. */
    private Answer open(InetAddress from, String race) throws IOException {
        Socket socket = new Socket();
        opened.add(socket);
        socket.bind(new InetSocketAddress(from, 0));
        // the server listens on the IPv4 loopback, which answers from every 127.x address
        socket.connect(new InetSocketAddress("127.0.0.1", root.getPort()), 5000);
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(("GET /races/" + race + "/live HTTP/1.1\r\nHost: " + root.getHost() + ":"
                + root.getPort() + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        return new Answer(Integer.parseInt(text.split(" ", 3)[1]), text);
    }
}
