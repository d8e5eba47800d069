package fr.pyramidesnoires.matagent.reader.llrp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * One LLRP parameter inside a message: a TLV (6 reserved bits, a 10-bit type, the length of the whole parameter,
 * then its value) or a TV (first bit set, a 7-bit type, then a value whose size only the type tells). Reading past
 * its end fails rather than read its neighbour.
 *
 * @param start      where the parameter starts in {@code bytes}
 * @param valueStart where its value starts
 * @param end        just past its end
 */
record Parameter(int type, byte[] bytes, int start, int valueStart, int end) {

    static final int ANTENNA_ID = 1;
    static final int FIRST_SEEN_TIMESTAMP_UTC = 2;
    static final int PEAK_RSSI = 6;
    static final int EPC_96 = 13;
    static final int UTC_TIMESTAMP = 128;
    static final int GENERAL_DEVICE_CAPABILITIES = 137;
    static final int RO_SPEC = 177;
    static final int RO_BOUNDARY_SPEC = 178;
    static final int RO_SPEC_START_TRIGGER = 179;
    static final int RO_SPEC_STOP_TRIGGER = 182;
    static final int AI_SPEC = 183;
    static final int AI_SPEC_STOP_TRIGGER = 184;
    static final int INVENTORY_PARAMETER_SPEC = 186;
    static final int KEEPALIVE_SPEC = 220;
    static final int RO_REPORT_SPEC = 237;
    static final int TAG_REPORT_CONTENT_SELECTOR = 238;
    static final int TAG_REPORT_DATA = 240;
    static final int EPC_DATA = 241;
    static final int READER_EVENT_NOTIFICATION_SPEC = 244;
    static final int EVENT_NOTIFICATION_STATE = 245;
    static final int READER_EVENT_NOTIFICATION_DATA = 246;
    static final int REPORT_BUFFER_LEVEL_WARNING_EVENT = 250;
    static final int REPORT_BUFFER_OVERFLOW_ERROR_EVENT = 251;
    static final int READER_EXCEPTION_EVENT = 252;
    static final int ANTENNA_EVENT = 255;
    static final int CONNECTION_ATTEMPT_EVENT = 256;
    static final int CONNECTION_CLOSE_EVENT = 257;
    static final int LLRP_STATUS = 287;

    /** The size of each TV parameter's value, by type, as LLRP 1.0.1 defines them (types 1 to 18). */
    private static final int[] TV_VALUE_BYTES = {-1, 2, 8, 8, 8, 8, 1, 2, 2, 4, 2, 2, 2, 12, 2, 2, 4, 2, 4};
    private static final int TLV_HEADER = 4;

    int u8(int at) throws LlrpFormatException {
        return bytes[index(at, 1)] & 0xFF;
    }

    int s8(int at) throws LlrpFormatException {
        return bytes[index(at, 1)];
    }

    int u16(int at) throws LlrpFormatException {
        int i = index(at, 2);
        return (bytes[i] & 0xFF) << 8 | bytes[i + 1] & 0xFF;
    }

    long u32(int at) throws LlrpFormatException {
        return (long) u16(at) << 16 | u16(at + 2);
    }

    /** Unsigned on the wire; a time in microseconds stays far below the sign bit. */
    long u64(int at) throws LlrpFormatException {
        return u32(at) << 32 | u32(at + 4);
    }

    /** A UTF-8 string field: its byte count on 16 bits, then the bytes. */
    String utf8(int at) throws LlrpFormatException {
        int length = u16(at);
        return new String(bytes, index(at + 2, length), length, StandardCharsets.UTF_8);
    }

    /** {@code length} bytes of the value from {@code at}, in hexadecimal, upper case. */
    String hex(int at, int length) throws LlrpFormatException {
        int i = index(at, length);
        return HexFormat.of().withUpperCase().formatHex(bytes, i, i + length);
    }

    /** The whole parameter as it came, in hexadecimal: how a tag report that is no read is kept. */
    String hex() {
        return HexFormat.of().withUpperCase().formatHex(bytes, start, end);
    }

    /** The parameters inside this one, after its first {@code fields} bytes of fields. */
    List<Parameter> children(int fields) throws LlrpFormatException {
        return new Cursor(bytes, index(fields, 0), end).all();
    }

    /** The first parameter of that type inside this one, after its fields; null when there is none. */
    Parameter child(int fields, int childType) throws LlrpFormatException {
        for (Parameter child : children(fields)) {
            if (child.type() == childType) {
                return child;
            }
        }
        return null;
    }

    private int index(int at, int length) throws LlrpFormatException {
        if (at < 0 || length < 0 || valueStart + at + length > end) {
            throw new LlrpFormatException("LLRP parameter " + type + " too short: " + (end - valueStart)
                    + " bytes of value, field at " + at + " needs " + length);
        }
        return valueStart + at;
    }

    /** Parameters one after the other between two offsets, as a message or a parameter holds them. */
    static final class Cursor {

        private final byte[] bytes;
        private final int end;
        private int at;

        Cursor(byte[] bytes, int from, int end) {
            this.bytes = bytes;
            this.at = from;
            this.end = end;
        }

        boolean hasNext() {
            return at < end;
        }

        /** Where the next parameter starts: after a failed {@link #next()}, where the trouble is. */
        int position() {
            return at;
        }

        Parameter next() throws LlrpFormatException {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            int first = bytes[at] & 0xFF;
            if ((first & 0x80) != 0) {
                int type = first & 0x7F;
                if (type >= TV_VALUE_BYTES.length || TV_VALUE_BYTES[type] < 0) {
                    throw new LlrpFormatException("unknown LLRP TV parameter " + type + ": its size is unknown");
                }
                return take(type, at + 1, at + 1 + TV_VALUE_BYTES[type]);
            }
            if (at + TLV_HEADER > end) {
                throw new LlrpFormatException("LLRP parameter header cut at byte " + at);
            }
            int type = ((bytes[at] & 0x03) << 8) | (bytes[at + 1] & 0xFF);
            int length = (bytes[at + 2] & 0xFF) << 8 | bytes[at + 3] & 0xFF;
            if (length < TLV_HEADER) {
                throw new LlrpFormatException("LLRP parameter " + type + " of length " + length);
            }
            return take(type, at + TLV_HEADER, at + length);
        }

        List<Parameter> all() throws LlrpFormatException {
            List<Parameter> all = new ArrayList<>();
            while (hasNext()) {
                all.add(next());
            }
            return all;
        }

        private Parameter take(int type, int valueStart, int parameterEnd) throws LlrpFormatException {
            if (parameterEnd > end) {
                throw new LlrpFormatException("LLRP parameter " + type + " runs " + (parameterEnd - end)
                        + " bytes past its container");
            }
            Parameter parameter = new Parameter(type, bytes, at, valueStart, parameterEnd);
            at = parameterEnd;
            return parameter;
        }
    }
}
