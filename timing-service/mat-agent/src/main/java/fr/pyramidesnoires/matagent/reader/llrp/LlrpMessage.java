package fr.pyramidesnoires.matagent.reader.llrp;

import java.nio.ByteBuffer;

/**
 * One LLRP message as it came, header included: 3 reserved bits, the version (1) on 3 bits, the type on 10, then
 * the length of the whole message and its id, big-endian. A response carries the id of its request.
 *
 * @param bytes the whole message; its parameters start at {@link #HEADER}
 */
record LlrpMessage(int type, long id, byte[] bytes) {

    static final int HEADER = 10;
    private static final int VERSION_1 = 1 << 10;

    static final int GET_READER_CAPABILITIES = 1;
    static final int SET_READER_CONFIG = 3;
    static final int CLOSE_CONNECTION_RESPONSE = 4;
    static final int GET_READER_CAPABILITIES_RESPONSE = 11;
    static final int SET_READER_CONFIG_RESPONSE = 13;
    static final int CLOSE_CONNECTION = 14;
    static final int ADD_ROSPEC = 20;
    static final int DELETE_ROSPEC = 21;
    static final int START_ROSPEC = 22;
    static final int ENABLE_ROSPEC = 24;
    static final int ADD_ROSPEC_RESPONSE = 30;
    static final int DELETE_ROSPEC_RESPONSE = 31;
    static final int START_ROSPEC_RESPONSE = 32;
    static final int ENABLE_ROSPEC_RESPONSE = 34;
    static final int RO_ACCESS_REPORT = 61;
    static final int KEEPALIVE = 62;
    static final int READER_EVENT_NOTIFICATION = 63;
    static final int KEEPALIVE_ACK = 72;
    static final int ERROR_MESSAGE = 100;

    /** A message read whole from the wire. */
    static LlrpMessage of(byte[] bytes) {
        ByteBuffer header = ByteBuffer.wrap(bytes);
        int type = header.getShort() & 0x3FF;
        header.getInt();
        return new LlrpMessage(type, Integer.toUnsignedLong(header.getInt()), bytes);
    }

    /** The bytes of a message of version 1 to send. */
    static byte[] encode(int type, long id, byte[] body) {
        return ByteBuffer.allocate(HEADER + body.length)
                .putShort((short) (VERSION_1 | type))
                .putInt(HEADER + body.length)
                .putInt((int) id)
                .put(body)
                .array();
    }

    /** The message's parameters, one after the other. */
    Parameter.Cursor parameters() {
        return new Parameter.Cursor(bytes, HEADER, bytes.length);
    }
}
