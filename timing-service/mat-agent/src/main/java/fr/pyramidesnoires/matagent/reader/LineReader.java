package fr.pyramidesnoires.matagent.reader;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.pyramidesnoires.events.EventJson;
import fr.pyramidesnoires.matagent.journal.Journal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A reader that sends one read per line over TCP. Each line goes to the journal before the next is read; the
 * lines already waiting in the socket go in one append, so a burst of reads costs one fsync. A line that is not a
 * read is journaled all the same, with why, and reaches the platform's quarantine. A connection that drops or
 * cannot be made is tried again after 1, 2, 4… seconds, at most 30: a reader restarted by a cold volunteer is
 * back within half a minute.
 */
public final class LineReader {

    private static final Logger LOG = Logger.getLogger(LineReader.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long INITIAL_BACK_OFF_MILLIS = 1000;
    private static final long MAX_BACK_OFF_MILLIS = 30_000;

    /**
     * How the reader goes, for the volunteer's page.
     *
     * @param connected whether the agent is connected to the reader now
     * @param lastRead  when the last line came; null before the first
     * @param lastError why the connection last failed; null while none has
     */
    public record Status(boolean connected, Instant lastRead, String lastError) {
    }

    private final String readerId;
    private final String matId;
    private final InetSocketAddress address;
    private final LineLayout layout;
    private final Journal journal;
    private final Clock clock;
    private volatile Status status = new Status(false, null, null);

    public LineReader(String readerId, String matId, InetSocketAddress address, LineLayout layout, Journal journal,
                      Clock clock) {
        this.readerId = readerId;
        this.matId = matId;
        this.address = address;
        this.layout = layout;
        this.journal = journal;
        this.clock = clock;
    }

    public Status status() {
        return status;
    }

    /** Reads until told to stop, connecting again whenever the connection is lost. */
    public void readUntil(BooleanSupplier stop) throws InterruptedException {
        long backOffMillis = INITIAL_BACK_OFF_MILLIS;
        while (!stop.getAsBoolean()) {
            try (Socket socket = new Socket()) {
                socket.connect(address, 5000);
                // a silent reader is normal between runners; a second lets the loop see it is told to stop
                socket.setSoTimeout(1000);
                status = new Status(true, status.lastRead(), null);
                backOffMillis = INITIAL_BACK_OFF_MILLIS;
                read(new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)),
                        stop);
                status = new Status(false, status.lastRead(), "the reader closed the connection");
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Reader " + readerId + " at " + address + ": " + e.getMessage());
                status = new Status(false, status.lastRead(), e.getMessage());
            }
            if (!stop.getAsBoolean()) {
                Thread.sleep(backOffMillis);
                backOffMillis = Math.min(backOffMillis * 2, MAX_BACK_OFF_MILLIS);
            }
        }
    }

    private void read(BufferedReader lines, BooleanSupplier stop) throws IOException {
        while (!stop.getAsBoolean()) {
            String line;
            try {
                line = lines.readLine();
            } catch (java.net.SocketTimeoutException quiet) {
                continue;
            }
            if (line == null) {
                return;
            }
            List<String> taken = new ArrayList<>();
            take(line, taken);
            while (lines.ready() && (line = lines.readLine()) != null) {
                take(line, taken);
            }
            journal.append(taken);
            status = new Status(true, clock.instant(), null);
        }
    }

    private void take(String line, List<String> taken) {
        if (line.isBlank()) {
            return;
        }
        LineLayout.Parsed parsed = layout.parse(line, readerId, matId);
        if (parsed.read() != null) {
            taken.add(EventJson.write(parsed.read()));
            return;
        }
        // kept as it came, with why: the platform's quarantine shows it to the officials
        ObjectNode unread = JSON.createObjectNode();
        unread.put("readerId", readerId).put("matId", matId).put("line", line).put("problem", parsed.problem());
        taken.add(unread.toString());
    }
}
