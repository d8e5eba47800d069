package fr.pyramidesnoires.matagent.reader;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import jdk.net.ExtendedSocketOptions;

/**
 * Keeps a reader connected: connects (or waits for the reader to), holds the protocol's conversation, and after a
 * drop or a failed attempt tries again after 1, 2, 4… seconds, at most 30, so a reader restarted by a cold
 * volunteer is back within half a minute. A conversation that fails in the code is logged and tried again like a
 * drop: one reader gone wrong never stops the agent.
 */
public final class ReaderLink implements MatReader {

    private static final Logger LOG = Logger.getLogger(ReaderLink.class.getName());
    private static final long INITIAL_BACK_OFF_MILLIS = 1000;
    private static final long MAX_BACK_OFF_MILLIS = 30_000;
    private static final int QUIET_MILLIS = 1000;

    private final InetSocketAddress address;
    private final ReaderProtocol protocol;
    private final ReaderTap tap;

    /** @param address the reader's, or for a reader that connects, the agent's own to listen on */
    public ReaderLink(InetSocketAddress address, ReaderProtocol protocol, ReaderTap tap) {
        this.address = address;
        this.protocol = protocol;
        this.tap = tap;
    }

    @Override
    public ReaderTap tap() {
        return tap;
    }

    @Override
    public void runUntil(BooleanSupplier stop) throws InterruptedException {
        long backOffMillis = INITIAL_BACK_OFF_MILLIS;
        ServerSocket listening = null;
        try {
            while (!stop.getAsBoolean()) {
                try {
                    if (protocol.readerConnects() && listening == null) {
                        listening = listen();
                    }
                    try (Socket socket = listening == null ? connect() : accept(listening, stop)) {
                        if (socket != null) {
                            socket.setSoTimeout(QUIET_MILLIS);
                            keepAlive(socket);
                            tap.connected();
                            backOffMillis = INITIAL_BACK_OFF_MILLIS;
                            protocol.converse(socket, tap, stop);
                            tap.lost("le lecteur a fermé la connexion / the reader closed the connection");
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.log(e instanceof IOException ? Level.WARNING : Level.SEVERE,
                            "Reader " + tap.readerId() + " at " + address + ": " + e,
                            e instanceof IOException ? null : e);
                    tap.lost(String.valueOf(e.getMessage()));
                }
                if (!stop.getAsBoolean()) {
                    Thread.sleep(backOffMillis);
                    backOffMillis = Math.min(backOffMillis * 2, MAX_BACK_OFF_MILLIS);
                }
            }
        } finally {
            closeQuietly(listening);
        }
    }

    /**
     * A reader that loses power, or a radio bridge that drops, leaves the connection open on the laptop's side:
     * TCP keepalive finds it dead within half a minute, and the agent connects again.
     */
    private static void keepAlive(Socket socket) throws IOException {
        socket.setKeepAlive(true);
        try {
            socket.setOption(ExtendedSocketOptions.TCP_KEEPIDLE, 10);
            socket.setOption(ExtendedSocketOptions.TCP_KEEPINTERVAL, 5);
            socket.setOption(ExtendedSocketOptions.TCP_KEEPCOUNT, 3);
        } catch (UnsupportedOperationException e) {
            // a system without these options keeps its own keepalive timing
        }
    }

    private static void closeQuietly(ServerSocket listening) {
        if (listening != null) {
            try {
                listening.close();
            } catch (IOException e) {
                // the agent is stopping: the port is freed with the process
            }
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        try {
            // looked up again each time: a reader that boots after the laptop gets its name late
            socket.connect(new InetSocketAddress(address.getHostString(), address.getPort()), 5000);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private ServerSocket listen() throws IOException {
        ServerSocket listening = new ServerSocket();
        listening.setReuseAddress(true);
        listening.bind(address);
        listening.setSoTimeout(QUIET_MILLIS);
        return listening;
    }

    private static Socket accept(ServerSocket listening, BooleanSupplier stop) throws IOException {
        while (!stop.getAsBoolean()) {
            try {
                return listening.accept();
            } catch (SocketTimeoutException quiet) {
                // no reader yet: look whether the agent stops
            }
        }
        return null;
    }
}
