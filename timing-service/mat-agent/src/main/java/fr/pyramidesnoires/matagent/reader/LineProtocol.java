package fr.pyramidesnoires.matagent.reader;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A reader that sends one read per line over TCP, JChip-style or home-made. The lines already waiting go to the
 * journal in one append, so a burst of reads costs one fsync. A line that is no read is journaled all the same,
 * with why, and reaches the platform's quarantine.
 */
public final class LineProtocol implements ReaderProtocol {

    /** No reader's read takes more: a longer line is kept cut, as a line that is no read. */
    static final int LONGEST_LINE = 4096;
    /** A reader that never pauses is journaled every thousand lines, not once it stops. */
    private static final int LARGEST_BURST = 1000;
    static final String TOO_LONG = "line longer than " + LONGEST_LINE + " bytes, cut";

    private final LineLayout layout;

    public LineProtocol(LineLayout layout) {
        this.layout = layout;
    }

    @Override
    public void converse(Socket socket, ReaderTap tap, BooleanSupplier stop) throws IOException {
        Lines lines = new Lines(socket.getInputStream(), LONGEST_LINE);
        boolean ended = false;
        while (!ended && !stop.getAsBoolean()) {
            List<ReaderTap.Heard> heard = new ArrayList<>();
            try {
                do {
                    Lines.Line line = lines.next();
                    ended = line == null;
                    if (!ended) {
                        hear(line, tap, heard);
                    }
                } while (!ended && lines.ready() && heard.size() < LARGEST_BURST);
            } catch (SocketTimeoutException quiet) {
                // a quiet reader, or half a line: its start waits in Lines for the rest
            } finally {
                // the lines already read off a connection that fails are the reader's delivered reads: kept
                tap.take(heard);
            }
        }
    }

    /** One line of a reader or of a file a reader's software writes. */
    void hear(Lines.Line line, ReaderTap tap, List<ReaderTap.Heard> heard) {
        if (line.cut()) {
            heard.add(new ReaderTap.Unreadable(line.text(), TOO_LONG));
            return;
        }
        if (line.text().isBlank()) {
            return;
        }
        LineLayout.Parsed parsed = layout.parse(line.text(), tap.readerId(), tap.matId());
        heard.add(parsed.read() != null ? new ReaderTap.Read(parsed.read())
                : new ReaderTap.Unreadable(line.text(), parsed.problem()));
    }
}
