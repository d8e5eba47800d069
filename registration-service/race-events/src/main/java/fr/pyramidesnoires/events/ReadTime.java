package fr.pyramidesnoires.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A chip read's time in the form readers send it, {@code 2027-03-20T07:42:13.250+01:00} (or {@code Z}), read by
 * hand: java.time's formatter took half of the time timing spends reading a chip read, and a race day brings
 * millions. Any other form, and any impossible date, goes through the standard ISO reading and its errors.
 */
public final class ReadTime {

    private static final int[] TO_NANOS = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private ReadTime() {
    }

    /** @return the time, or null when the text is not in the usual form */
    public static OffsetDateTime parse(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (text.charAt(i) == '.') {
            int start = ++i;
            while (i < length && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                i++;
            }
            int figures = i - start;
            if (figures < 1 || figures > 9) {
                return null;
            }
            nanos = digits(text, start, figures) * TO_NANOS[figures];
        }
        ZoneOffset offset = offset(text, i);
        if (offset == null) {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static ZoneOffset offset(String text, int at) {
        int length = text.length();
        if (at == length - 1 && text.charAt(at) == 'Z') {
            return ZoneOffset.UTC;
        }
        char sign = at < length ? text.charAt(at) : ' ';
        if (at != length - 6 || (sign != '+' && sign != '-') || text.charAt(at + 3) != ':') {
            return null;
        }
        int hours = digits(text, at + 1, 2);
        int minutes = digits(text, at + 4, 2);
        if (hours < 0 || minutes < 0 || minutes > 59) {
            return null;
        }
        try {
            return ZoneOffset.ofTotalSeconds((sign == '-' ? -1 : 1) * (hours * 3600 + minutes * 60));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** @return the number the ASCII digits spell, or -1 when one is not a digit */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Reads {@link ChipRead#readTime()}: the usual form by hand, any other as every other date is read. */
    public static final class Deserializer extends StdDeserializer<OffsetDateTime> {

        public Deserializer() {
            super(OffsetDateTime.class);
        }

        @Override
        public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                OffsetDateTime usual = parse(parser.getText());
                if (usual != null) {
                    return usual;
                }
            }
            return InstantDeserializer.OFFSET_DATE_TIME.deserialize(parser, context);
        }
    }
}
