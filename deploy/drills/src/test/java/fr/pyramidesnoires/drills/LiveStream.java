package fr.pyramidesnoires.drills;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;

/**
 * A spectator's live stream through nginx, kept open as a browser's EventSource keeps it: when the connection
 * ends, it connects again after a pause and sends the id of the last event it had as Last-Event-ID.
 */
final class LiveStream implements AutoCloseable {

    /** What the stream received, and on which of its connections (0 the first). */
    record Event(String type, String id, int connection, long atNanos) {
    }

    /** One connection's answer: when its headers came, with what id it was asked for. */
    record Connection(int status, String lastEventId, long atNanos) {
    }

    private final HttpClient http;
    private final URI uri;
    private final Duration pause;
    private final Thread reader;
    final String race;
    final List<Event> events = new CopyOnWriteArrayList<>();
    final List<Connection> connections = new CopyOnWriteArrayList<>();
    private volatile InputStream body;
    private volatile boolean closed;
    private volatile String lastId;

    /**
     * @param pause how long the client waits before connecting again; longer than a browser's second, so that the
     *              race changes while it is away
     */
    LiveStream(String resultsUrl, String race, Duration pause) throws Exception {
        this.http = HttpClient.newBuilder().sslContext(SSLContext.getDefault()).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.uri = URI.create(resultsUrl + "/races/" + race + "/live");
        this.race = race;
        this.pause = pause;
        this.reader = new Thread(this::listen, "live-" + race);
        reader.setDaemon(true);
        reader.start();
    }

    private void listen() {
        while (!closed) {
            try {
                readOneConnection();
            } catch (IOException ended) {
                // the replica died or nginx ended the stream: connect again, as EventSource does
            } catch (InterruptedException e) {
                return;
            }
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void readOneConnection() throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        String sent = lastId;
        if (sent != null) {
            request.header("Last-Event-ID", sent);
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        int connection = connections.size();
        connections.add(new Connection(response.statusCode(), sent, System.nanoTime()));
        body = response.body();
        if (response.statusCode() != 200) {
            body.close();
            return;
        }
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String type = "message";
            String id = null;
            boolean data = false;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (id != null) {
                        lastId = id;
                    }
                    if (data) {
                        events.add(new Event(type, lastId, connection, System.nanoTime()));
                    }
                    type = "message";
                    data = false;
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    type = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = true;
                }
            }
        }
    }

    /** The id of the last event had, as the client would send it. */
    String lastId() {
        return lastId;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        reader.interrupt();
        InputStream open = body;
        if (open != null) {
            open.close();
        }
    }
}
