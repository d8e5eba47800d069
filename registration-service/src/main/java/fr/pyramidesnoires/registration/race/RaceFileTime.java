package fr.pyramidesnoires.registration.race;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.List;

/**
 * A date and time in the races file, as an organiser abroad writes it: with an offset
 * ({@code 2027-03-20T05:00:00+01:00}), with the name of its zone ({@code 2027-03-20T05:00:00[America/Denver]}),
 * with both, or with neither, in the event's zone. A zone name gives the offset in force on that day, so a race
 * after a daylight-saving change starts at the hour the organiser wrote; an hour the change skips or repeats is
 * refused rather than guessed.
 */
final class RaceFileTime extends StdDeserializer<OffsetDateTime> {

    private static final DateTimeFormatter FORM = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffsetId().optionalEnd()
            .optionalStart().appendLiteral('[').parseCaseSensitive().appendZoneRegionId().appendLiteral(']')
            .optionalEnd()
            .toFormatter();

    private final ZoneId eventZone;

    RaceFileTime(ZoneId eventZone) {
        super(OffsetDateTime.class);
        this.eventZone = eventZone;
    }

    @Override
    public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            return (OffsetDateTime) context.handleUnexpectedToken(OffsetDateTime.class, parser);
        }
        String text = parser.getText().strip();
        OffsetDateTime time;
        try {
            time = read(text);
        } catch (DateTimeException e) {
            throw context.weirdStringException(text, OffsetDateTime.class, e.getMessage());
        }
        // as the races file was always read: the same instants give the same definitions, and the same digests
        return context.isEnabled(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                ? time.atZoneSameInstant(context.getTimeZone().toZoneId()).toOffsetDateTime()
                : time;
    }

    OffsetDateTime read(String text) {
        TemporalAccessor parsed;
        try {
            parsed = FORM.parse(text);
        } catch (DateTimeException e) {
            throw new DateTimeException("'" + text + "' is not a date and time such as 2027-03-20T05:00:00+01:00,"
                    + " 2027-03-20T05:00:00[America/Denver] or 2027-03-20T05:00:00 (in the event's zone, "
                    + eventZone + ")");
        }
        LocalDateTime local = LocalDateTime.from(parsed);
        ZoneOffset offset = parsed.query(TemporalQueries.offset());
        ZoneId named = parsed.query(TemporalQueries.zoneId());
        if (offset != null && named == null) {
            return OffsetDateTime.of(local, offset);
        }
        ZoneId zone = named != null ? named : eventZone;
        if (offset != null) {
            if (!zone.getRules().isValidOffset(local, offset)) {
                throw new DateTimeException("'" + text + "': " + zone + " is not at " + offset + " on " + local);
            }
            return OffsetDateTime.of(local, offset);
        }
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.isEmpty()) {
            throw new DateTimeException("'" + text + "': " + local + " does not exist in " + zone
                    + ", whose clocks go forward then");
        }
        if (offsets.size() > 1) {
            throw new DateTimeException("'" + text + "': " + local + " happens twice in " + zone
                    + ", whose clocks go back then: give the offset too, e.g. " + local + offsets.get(0) + "[" + zone
                    + "]");
        }
        return ZonedDateTime.ofLocal(local, zone, offsets.get(0)).toOffsetDateTime();
    }
}
