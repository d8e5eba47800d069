package fr.pyramidesnoires.timing.read;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Rows in PostgreSQL's COPY text format: tab between columns, a line per row, \N for null. */
final class CopyText {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] NULL = "\\N".getBytes(StandardCharsets.US_ASCII);
    // bytea in hex, its backslash doubled: COPY reads a single backslash as an escape
    private static final byte[] BYTEA_PREFIX = "\\\\x".getBytes(StandardCharsets.US_ASCII);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
    private boolean firstColumn = true;

    CopyText text(String value) {
        separate();
        if (value == null) {
            out.writeBytes(NULL);
            return this;
        }
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '\t' -> escaped.append("\\t");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                default -> escaped.append(c);
            }
        }
        out.writeBytes(escaped.toString().getBytes(StandardCharsets.UTF_8));
        return this;
    }

    CopyText number(Number value) {
        return value == null ? text(null) : text(value.toString());
    }

    CopyText bytes(byte[] value) {
        separate();
        out.writeBytes(BYTEA_PREFIX);
        out.writeBytes(HEX.formatHex(value).getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    void endRow() {
        out.write('\n');
        firstColumn = true;
    }

    InputStream stream() {
        return new ByteArrayInputStream(out.toByteArray());
    }

    private void separate() {
        if (!firstColumn) {
            out.write('\t');
        }
        firstColumn = false;
    }
}
