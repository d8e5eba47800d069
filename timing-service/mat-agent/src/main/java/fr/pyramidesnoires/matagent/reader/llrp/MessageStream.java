package fr.pyramidesnoires.matagent.reader.llrp;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * LLRP messages from the reader's stream. A message still coming when the read times out is kept for the next
 * call, so a report cut by a quiet second loses nothing. A length no reader sends means the stream is out of step
 * (or is no LLRP at all): nothing after it can be trusted, so it fails the conversation rather than skip.
 */
final class MessageStream {

    /** Far more than a report of a few hundred tags: a longer one is a length gone wrong, not a report. */
    static final int LONGEST = 1 << 20;

    private final InputStream in;
    private final byte[] header = new byte[LlrpMessage.HEADER];
    private int headerRead;
    private byte[] message;
    private int messageRead;

    MessageStream(InputStream in) {
        this.in = in;
    }

    /**
     * @return the next whole message; null when the reader ended the connection between two messages
     * @throws java.net.SocketTimeoutException when no whole message came in time; what came is kept
     */
    LlrpMessage next() throws IOException {
        while (headerRead < header.length) {
            int n = in.read(header, headerRead, header.length - headerRead);
            if (n < 0) {
                if (headerRead == 0) {
                    return null;
                }
                throw new EOFException("connection ended inside an LLRP message header");
            }
            headerRead += n;
        }
        if (message == null) {
            long length = Integer.toUnsignedLong(ByteBuffer.wrap(header, 2, 4).getInt());
            if (length < LlrpMessage.HEADER || length > LONGEST) {
                throw new LlrpFormatException("LLRP message of " + length + " bytes announced: the reader's stream is"
                        + " out of step or is no LLRP");
            }
            message = new byte[(int) length];
            System.arraycopy(header, 0, message, 0, header.length);
            messageRead = header.length;
        }
        while (messageRead < message.length) {
            int n = in.read(message, messageRead, message.length - messageRead);
            if (n < 0) {
                throw new EOFException("connection ended inside an LLRP message");
            }
            messageRead += n;
        }
        LlrpMessage whole = LlrpMessage.of(message);
        message = null;
        headerRead = 0;
        return whole;
    }
}
