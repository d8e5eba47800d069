package fr.pyramidesnoires.field;

import fr.pyramidesnoires.events.ChipRead;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A JChip-style reader that writes one read per line to whoever connects: {@code chip,time,antenna,rssi}, the time
 * in ISO-8601 with its offset.
 */
public final class LineReaderEmulator implements EmulatedReader {

    private final ServerSocket listener;
    private final BlockingQueue<String> memory = new LinkedBlockingQueue<>();
    private final AtomicLong pending = new AtomicLong();
    private final Thread serving;
    private volatile boolean closed;

    public LineReaderEmulator() throws IOException {
        listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        serving = new Thread(this::serve, "line-reader-" + listener.getLocalPort());
        serving.setDaemon(true);
        serving.start();
    }

    /** The line a read is written as. */
    public static String line(ChipRead read) {
        return read.chipId() + "," + read.readTime() + "," + (read.antenna() == null ? "" : read.antenna()) + ","
                + (read.rssi() == null ? "" : read.rssi()) + "\n";
    }

    @Override
    public int port() {
        return listener.getLocalPort();
    }

    @Override
    public void emit(ChipRead read) {
        pending.incrementAndGet();
        memory.add(line(read));
    }

    @Override
    public long pending() {
        return pending.get();
    }

    private void serve() {
        // a read being written when the agent went is written again to the next
        String line = null;
        while (!closed) {
            try (Socket agent = listener.accept(); OutputStream out = agent.getOutputStream()) {
                while (!closed) {
                    line = line == null ? memory.poll(200, TimeUnit.MILLISECONDS) : line;
                    if (line == null) {
                        continue;
                    }
                    out.write(line.getBytes(StandardCharsets.UTF_8));
                    // a burst goes out together, as a reader's buffer does
                    if (memory.isEmpty()) {
                        out.flush();
                    }
                    pending.decrementAndGet();
                    line = null;
                }
            } catch (IOException e) {
                // the agent went: the next read waits for it to come back
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
