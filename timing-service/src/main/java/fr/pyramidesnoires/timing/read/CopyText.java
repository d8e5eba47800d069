package fr.pyramidesnoires.timing.read;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Rows in PostgreSQL's COPY text format: tab between columns, a line per row, \N for null. Written byte by byte
 * into one array: a batch is tens of thousands of rows.
 */
final class CopyText {

    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = "\\N".getBytes(StandardCharsets.US_ASCII);
    // bytea in hex, its backslash doubled: COPY reads a single backslash as an escape
    private static final byte[] BYTEA_PREFIX = "\\\\x".getBytes(StandardCharsets.US_ASCII);

    private byte[] buffer = new byte[1 << 16];
    private int size;
    private boolean firstColumn = true;

    CopyText text(String value) {
        separate();
        if (value == null) {
            write(NULL);
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> write('\\', '\\');
                case '\t' -> write('\\', 't');
                case '\n' -> write('\\', 'n');
                case '\r' -> write('\\', 'r');
                default -> {
                    if (c < 0x80) {
                        write((byte) c);
                    } else {
                        // rare outside ASCII: let the encoder pair surrogates
                        int end = i + 1;
                        while (end < value.length() && value.charAt(end) >= 0x80) {
                            end++;
                        }
                        write(value.substring(i, end).getBytes(StandardCharsets.UTF_8));
                        i = end - 1;
                    }
                }
            }
        }
        return this;
    }

    CopyText number(Number value) {
        return value == null ? text(null) : text(value.toString());
    }

    CopyText bytes(byte[] value) {
        separate();
        write(BYTEA_PREFIX);
        ensure(value.length * 2);
        for (byte b : value) {
            buffer[size++] = HEX_DIGITS[(b >> 4) & 0xf];
            buffer[size++] = HEX_DIGITS[b & 0xf];
        }
        return this;
    }

    void endRow() {
        write((byte) '\n');
        firstColumn = true;
    }

    InputStream stream() {
        return new ByteArrayInputStream(buffer, 0, size);
    }

    private void separate() {
        if (!firstColumn) {
            write((byte) '\t');
        }
        firstColumn = false;
    }

    private void write(char escape, char code) {
        write((byte) escape);
        write((byte) code);
    }

    private void write(byte b) {
        ensure(1);
        buffer[size++] = b;
    }

    private void write(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, size, bytes.length);
        size += bytes.length;
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }
}
