package fr.pyramidesnoires.matagent.reader;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Text lines from a reader's stream, ended by LF or CRLF. A line still coming when the read times out is kept
 * for the next call, so a burst cut by a quiet second loses nothing; a line longer than the limit is cut there
 * and its rest skipped, so a reader gone wrong cannot fill the laptop's memory.
 */
public final class Lines {

    /** A line as it came; {@code cut} when it was longer than the limit and only its start is here. */
    public record Line(String text, boolean cut) {
    }

    private final InputStream in;
    private final int limit;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private boolean skipping;

    public Lines(InputStream in, int limit) {
        this.in = new BufferedInputStream(in);
        this.limit = limit;
    }

    /**
     * @return the next whole line, without its ending; null at the end of the stream
     * @throws SocketTimeoutException when no whole line came within the socket's timeout; what came is kept
     */
    public Line next() throws IOException {
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (pending.size() == 0 && !skipping) {
                    return null;
                }
                // the last line, ended by the connection rather than a newline
                boolean wasCut = skipping;
                skipping = false;
                return new Line(take(), wasCut);
            }
            if (b == '\n') {
                boolean wasCut = skipping;
                skipping = false;
                return new Line(take(), wasCut);
            }
            if (skipping) {
                continue;
            }
            if (pending.size() == limit) {
                skipping = true;
                continue;
            }
            pending.write(b);
        }
    }

    /** Whether bytes already wait, so that a burst of lines can be taken in one go. */
    public boolean ready() throws IOException {
        return in.available() > 0;
    }

    private String take() {
        String text = pending.toString(StandardCharsets.UTF_8);
        pending.reset();
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
