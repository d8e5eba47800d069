import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * CLIENTS spectators holding a race's live stream open. Each notes when each event arrives; once the feed has
 * sent EVENTS passages (one send time per line in SENT_FILE), prints how long the events took to arrive.
 * The clients run on the server's own machine, so they are kept as light as a client can be: plain non-blocking
 * sockets read by two threads, which only look for "data:" in what arrives. A JDK HttpClient per stream spends
 * more CPU per event than the server does, and on two cores that time, and its own queues, end up measured.
 * Usage: java SseClients.java URL CLIENTS EVENTS SENT_FILE READY_FILE
 */
public class SseClients {

    static final int THREADS = 2;
    static final byte[] DATA = "data:".getBytes(StandardCharsets.US_ASCII);

    /** One open stream: whether the server answered it, and when each event arrived on it. */
    static final class Stream {
        final List<Long> arrivals = new ArrayList<>();
        boolean answered;
        /** How many bytes of "data:" the last read ended with: an event may arrive in two reads. */
        int matched;

        void read(ByteBuffer bytes, long now, AtomicInteger connected, AtomicInteger failed) {
            if (!answered) {
                answered = true;
                String head = StandardCharsets.US_ASCII.decode(bytes.duplicate()).toString();
                (head.startsWith("HTTP/1.1 200") ? connected : failed).incrementAndGet();
            }
            while (bytes.hasRemaining()) {
                byte b = bytes.get();
                matched = b == DATA[matched] ? matched + 1 : b == DATA[0] ? 1 : 0;
                if (matched == DATA.length) {
                    arrivals.add(now);
                    matched = 0;
                }
            }
        }
    }

    public static void main(String[] args) throws Exception {
        URI stream = URI.create(args[0]);
        int clients = Integer.parseInt(args[1]);
        int events = Integer.parseInt(args[2]);
        Path sentFile = Path.of(args[3]);
        AtomicInteger connected = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ByteBuffer request = StandardCharsets.US_ASCII.encode("GET " + stream.getRawPath() + " HTTP/1.1\r\nHost: "
                + stream.getHost() + ":" + stream.getPort() + "\r\nAccept: text/event-stream\r\n\r\n");
        List<Stream> streams = new ArrayList<>();
        Selector[] selectors = new Selector[THREADS];
        for (int t = 0; t < THREADS; t++) {
            selectors[t] = Selector.open();
        }
        for (int c = 0; c < clients; c++) {
            SocketChannel channel = SocketChannel.open(new InetSocketAddress(stream.getHost(), stream.getPort()));
            channel.write(request.duplicate());
            channel.configureBlocking(false);
            Stream mine = new Stream();
            streams.add(mine);
            channel.register(selectors[c % THREADS], SelectionKey.OP_READ, mine);
        }
        List<Thread> readers = new ArrayList<>();
        for (Selector selector : selectors) {
            Thread reader = new Thread(() -> read(selector, connected, failed), "sse-reader");
            reader.start();
            readers.add(reader);
        }
        long deadline = System.currentTimeMillis() + 120_000;
        while (connected.get() + failed.get() < clients && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        System.out.printf("sse: %d clients connected, %d failed%n", connected.get(), failed.get());
        Files.writeString(Path.of(args[4]), "ready");
        while ((!Files.exists(sentFile) || Files.readAllLines(sentFile).size() < events)
                && System.currentTimeMillis() < deadline + 120_000) {
            Thread.sleep(100);
        }
        Thread.sleep(3000);
        for (Thread reader : readers) {
            reader.interrupt();
            reader.join();
        }
        List<Long> sent = Files.readAllLines(sentFile).stream().map(l -> Long.parseLong(l.split(" ")[1])).toList();
        List<Long> latencies = new ArrayList<>();
        List<List<Long>> byEvent = new ArrayList<>();
        sent.forEach(s -> byEvent.add(new ArrayList<>()));
        int received = 0;
        for (Stream mine : streams) {
            received += mine.arrivals.size();
            for (int k = 0; k < Math.min(mine.arrivals.size(), sent.size()); k++) {
                latencies.add(mine.arrivals.get(k) - sent.get(k));
                byEvent.get(k).add(mine.arrivals.get(k) - sent.get(k));
            }
        }
        Collections.sort(latencies);
        // the first events meet a server whose code for them has not been compiled yet: worth seeing apart
        System.out.println("sse: p99 of each event in turn, ms: " + byEvent.stream()
                .map(l -> { Collections.sort(l); return String.valueOf(percentile(l, 0.99)); })
                .collect(java.util.stream.Collectors.joining(" ")));
        System.out.printf("sse: %d of %d events received; passage on Kafka to event on a client: p50 %d ms, p99 %d ms,"
                        + " max %d ms (goal p99 < 250 ms)%n", received, (long) clients * events,
                percentile(latencies, 0.50), percentile(latencies, 0.99), latencies.isEmpty() ? -1 : latencies.get(latencies.size() - 1));
        System.exit(0);
    }

    /** Reads every stream registered with the selector until interrupted; a closed stream counts as failed. */
    static void read(Selector selector, AtomicInteger connected, AtomicInteger failed) {
        ByteBuffer bytes = ByteBuffer.allocate(16_384);
        try {
            while (!Thread.currentThread().isInterrupted()) {
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    bytes.clear();
                    if (readInto(bytes, (SocketChannel) key.channel()) < 0) {
                        key.cancel();
                        failed.incrementAndGet();
                        continue;
                    }
                    bytes.flip();
                    ((Stream) key.attachment()).read(bytes, System.currentTimeMillis(), connected, failed);
                }
                selector.selectedKeys().clear();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** @return -1 once the stream is closed, as when the server reset it */
    static int readInto(ByteBuffer bytes, SocketChannel channel) {
        try {
            return channel.read(bytes);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    static long percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? -1 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }
}
