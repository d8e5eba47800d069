import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * ATTEMPTS distinct runners registering into RACE at once, on CLIENTS kept-alive connections, one request in flight
 * on each. Prints how many got a place (given, or held while they pay a fee), how many went to the waitlist, how
 * many failed, the rate and the latencies.
 * Usage: java RegistrationRush.java BASE_URL RACE ATTEMPTS CLIENTS
 *
 * <p>One thread and plain HTTP/1.1 on non-blocking sockets, like pgbench's C client it is compared with: the JDK's
 * HttpClient spent about 2 ms of CPU a request, as much as the service, on the same two cores.
 */
public class RegistrationRush {

    static final byte[] HEADER_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    static final int MOST_REFUSED_IN_A_ROW = 200;

    final URI base;
    final String race;
    final int attempts;
    final long[] latencies;
    int sent;
    int answered;
    /** Connections that failed before carrying an attempt, since the last answer. */
    int refusedInARow;
    int accepted;
    int waitlisted;
    int errors;

    RegistrationRush(URI base, String race, int attempts) {
        this.base = base;
        this.race = race;
        this.attempts = attempts;
        this.latencies = new long[attempts];
    }

    public static void main(String[] args) throws IOException {
        RegistrationRush rush = new RegistrationRush(URI.create(args[0]), args[1], Integer.parseInt(args[2]));
        long start = System.nanoTime();
        rush.run(Integer.parseInt(args[3]));
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] latencies = rush.latencies;
        Arrays.sort(latencies);
        int attempts = rush.attempts;
        System.out.printf("rush: accepted %d%n", rush.accepted);
        System.out.printf("rush: waitlisted %d%n", rush.waitlisted);
        System.out.printf("rush: errors %d%n", rush.errors);
        System.out.printf("rush: seconds %.2f%n", seconds);
        System.out.printf("rush: rate %.1f%n", attempts / seconds);
        System.out.printf("rush: p50 %.1f%n", latencies[attempts / 2] / 1e6);
        int p99 = (int) Math.min(attempts - 1, Math.ceil(attempts * 0.99) - 1);
        System.out.printf("rush: p99 %.1f%n", latencies[p99] / 1e6);
    }

    void run(int clients) throws IOException {
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < Math.min(clients, attempts); i++) {
                connect(selector);
            }
            while (answered < attempts) {
                selector.select();
                for (SelectionKey key : selector.selectedKeys()) {
                    Connection connection = (Connection) key.attachment();
                    try {
                        connection.ready(key);
                    } catch (IOException e) {
                        // the attempt on a connection that broke counts as an error; a new connection goes on,
                        // unless the service keeps refusing them: it is down, and the rush could never end
                        if (!connection.fail(key) && ++refusedInARow > MOST_REFUSED_IN_A_ROW) {
                            throw new IOException(refusedInARow + " connections in a row failed before any answer:"
                                    + " is the service up? " + e.getMessage(), e);
                        }
                        if (sent < attempts) {
                            connect(selector);
                        }
                    }
                }
                selector.selectedKeys().clear();
            }
        }
    }

    void connect(Selector selector) throws IOException {
        SocketChannel channel = SocketChannel.open();
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.connect(new InetSocketAddress(base.getHost(), base.getPort()));
        channel.register(selector, SelectionKey.OP_CONNECT, new Connection(channel));
    }

    /**
     * A distinct person each time: names and birth dates never repeat within a run, and licence numbers never within
     * the event (a number is one active entry's), the warm-up's from 2,000,000 and the rush's from 1,000,000.
     */
    ByteBuffer request(int runner) {
        String body = String.format("""
                {"firstName":"Rush","lastName":"Runner-%d","sex":"%s","birthDate":"%d-%02d-%02d","raceCode":"%s",
                 "nationality":"FRA","club":"Bench AC","email":"runner%d@example.org","licenceNumber":"%07d"}""",
                runner, runner % 3 == 0 ? "F" : "H", 1960 + runner % 40, 1 + runner % 12, 1 + runner % 28, race,
                runner, ("WARMUP".equals(race) ? 2000000 : 1000000) + runner);
        byte[] json = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/entries HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: " + json.length
                + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(headBytes.length + json.length).put(headBytes).put(json).flip();
    }

    void answer(int runner, long latency, int status, String body) {
        latencies[runner] = latency;
        answered++;
        refusedInARow = 0;
        if (status != 201) {
            errors++;
        } else if (body.contains("\"status\":\"CONFIRMED\"") || body.contains("\"status\":\"HELD\"")) {
            // with payments, the held place is where the runner's request ends: paying is theirs, later
            accepted++;
        } else if (body.contains("\"status\":\"WAITLISTED\"")) {
            waitlisted++;
        } else {
            errors++;
        }
    }

    /** One kept-alive connection: sends an attempt, reads its whole answer, then sends the next one. */
    final class Connection {

        final SocketChannel channel;
        ByteBuffer out;
        ByteBuffer in = ByteBuffer.allocate(16 * 1024);
        int runner = -1;
        long sentAt;

        Connection(SocketChannel channel) {
            this.channel = channel;
        }

        void ready(SelectionKey key) throws IOException {
            if (key.isConnectable()) {
                channel.finishConnect();
                next(key);
                return;
            }
            if (key.isWritable()) {
                channel.write(out);
                if (!out.hasRemaining()) {
                    key.interestOps(SelectionKey.OP_READ);
                }
                return;
            }
            if (channel.read(in) < 0) {
                throw new IOException("connection closed by the service");
            }
            if (!in.hasRemaining()) {
                in = ByteBuffer.allocate(in.capacity() * 2).put(in.flip());
            }
            Response response = Response.parse(in);
            if (response != null) {
                answer(runner, System.nanoTime() - sentAt, response.status(), response.body());
                runner = -1;
                in.clear();
                next(key);
            }
        }

        void next(SelectionKey key) throws IOException {
            if (sent >= attempts) {
                key.cancel();
                channel.close();
                return;
            }
            runner = sent++;
            out = request(runner);
            sentAt = System.nanoTime();
            channel.write(out);
            key.interestOps(out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }

        /** @return whether an attempt was under way on the connection, now counted as an error */
        boolean fail(SelectionKey key) {
            boolean underWay = runner >= 0;
            if (underWay) {
                answer(runner, System.nanoTime() - sentAt, 0, "");
            }
            key.cancel();
            try {
                channel.close();
            } catch (IOException ignored) {
                // already broken
            }
            return underWay;
        }
    }

    /** A whole HTTP/1.1 answer with a Content-Length, or null while some of it has still to arrive. */
    record Response(int status, String body) {

        static Response parse(ByteBuffer in) {
            byte[] bytes = in.array();
            int length = in.position();
            int headerEnd = indexOf(bytes, length, HEADER_END);
            if (headerEnd < 0) {
                return null;
            }
            String head = new String(bytes, 0, headerEnd, StandardCharsets.US_ASCII);
            int bodyLength = 0;
            for (String line : head.split("\r\n")) {
                if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                    bodyLength = Integer.parseInt(line.substring(15).strip());
                } else if (line.regionMatches(true, 0, "transfer-encoding:", 0, 18)) {
                    throw new IllegalStateException("a chunked answer, which this client does not read: " + head);
                }
            }
            int bodyStart = headerEnd + HEADER_END.length;
            if (length < bodyStart + bodyLength) {
                return null;
            }
            int status = Integer.parseInt(head.substring(9, 12));
            return new Response(status, new String(bytes, bodyStart, bodyLength, StandardCharsets.UTF_8));
        }

        static int indexOf(byte[] bytes, int length, byte[] part) {
            for (int i = 0; i + part.length <= length; i++) {
                if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
