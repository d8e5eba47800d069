package fr.pyramidesnoires.matagent.reader.llrp;

import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;

/** The body of a message to the reader: big-endian fields and TLV parameters, nested as the specification has them. */
final class ParameterWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** A body made by {@code fields}. */
    static byte[] body(Consumer<ParameterWriter> fields) {
        ParameterWriter writer = new ParameterWriter();
        fields.accept(writer);
        return writer.out.toByteArray();
    }

    ParameterWriter u8(int value) {
        out.write(value);
        return this;
    }

    ParameterWriter u16(int value) {
        return u8(value >>> 8).u8(value);
    }

    ParameterWriter u32(long value) {
        return u16((int) (value >>> 16)).u16((int) value);
    }

    /** A TLV parameter whose value {@code value} writes; its length is counted once written. */
    ParameterWriter tlv(int type, Consumer<ParameterWriter> value) {
        byte[] inner = body(value);
        u16(type).u16(inner.length + 4);
        out.writeBytes(inner);
        return this;
    }
}
