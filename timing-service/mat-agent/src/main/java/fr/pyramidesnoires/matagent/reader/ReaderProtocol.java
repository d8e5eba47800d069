package fr.pyramidesnoires.matagent.reader;

import java.io.IOException;
import java.net.Socket;
import java.util.function.BooleanSupplier;

/**
 * How one family of readers talks over TCP. The agent makes the connection (or takes it, for a reader that calls
 * the scoring software, as ChronoTrack's do) and keeps it up; the protocol holds one conversation on it.
 */
public interface ReaderProtocol {

    /**
     * Talks with the reader until the connection ends or the agent stops, giving the tap every read, every line
     * that is no read, the reader's clock and its events.
     *
     * @param socket connected, with a read timeout of a second so that a quiet reader still lets the agent stop
     */
    void converse(Socket socket, ReaderTap tap, BooleanSupplier stop) throws IOException;

    /** Whether the reader connects to the agent rather than the agent to the reader. */
    default boolean readerConnects() {
        return false;
    }
}
