package fr.pyramidesnoires.matagent.reader;

import fr.pyramidesnoires.events.ChipRead;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One read per line, as JChip-style and home-made readers, or vendor software appending to a file, write them:
 * fields apart by a separator, in an order the organiser gives, e.g. {@code chip,time,antenna} or
 * {@code _,chip,time} ({@code _} skips a field). The time is ISO-8601 with its offset, a time of day on the event's
 * date in its zone, or milliseconds since 1970.
 */
public final class LineLayout {

    public enum TimeForm {
        ISO, TIME_OF_DAY, EPOCH_MILLIS
    }

    /** The read a line holds, or why it holds none. */
    public record Parsed(ChipRead read, String problem) {
    }

    private final List<String> fields;
    private final Pattern separator;
    private final TimeForm timeForm;
    private final LocalDate eventDate;
    private final ZoneId zone;
    private final ChipIdRule chipIds;

    /**
     * @param separator a regular expression: {@code ,}, {@code ;}, {@code \t} or {@code \s+}
     * @param eventDate the day times of day are on; needed only for {@link TimeForm#TIME_OF_DAY}
     */
    public LineLayout(String fields, String separator, TimeForm timeForm, LocalDate eventDate, ZoneId zone,
                      ChipIdRule chipIds) {
        this.fields = Arrays.stream(fields.split(",")).map(String::strip).toList();
        if (!this.fields.contains("chip") || !this.fields.contains("time")) {
            throw new IllegalArgumentException("A line layout names at least chip and time: " + fields);
        }
        if (timeForm == TimeForm.TIME_OF_DAY && eventDate == null) {
            throw new IllegalArgumentException("Times of day need the event's date (EVENT_DATE)");
        }
        this.separator = Pattern.compile(separator);
        this.timeForm = timeForm;
        this.eventDate = eventDate;
        this.zone = zone;
        this.chipIds = chipIds;
    }

    public Parsed parse(String line, String readerId, String matId) {
        String[] values = separator.split(line.strip(), -1);
        if (values.length < fields.size()) {
            return new Parsed(null, "expected " + fields.size() + " fields (" + String.join(",", fields) + "), found "
                    + values.length);
        }
        String chip = null;
        OffsetDateTime time = null;
        Integer antenna = null;
        Integer rssi = null;
        try {
            for (int i = 0; i < fields.size(); i++) {
                String value = values[i].strip();
                switch (fields.get(i)) {
                    case "chip" -> chip = value.isEmpty() ? null : chipIds.chipId(value);
                    case "time" -> time = time(value);
                    case "antenna" -> antenna = value.isEmpty() ? null : Integer.valueOf(value);
                    case "rssi" -> rssi = value.isEmpty() ? null : Integer.valueOf(value);
                    default -> {
                        // a field the platform does not use
                    }
                }
            }
        } catch (DateTimeException | NumberFormatException e) {
            return new Parsed(null, "unreadable field: " + e.getMessage());
        }
        if (chip == null || chip.isEmpty()) {
            return new Parsed(null, "no chip code");
        }
        return new Parsed(new ChipRead(readerId, matId, chip, time, antenna, rssi, null, ChipRead.Source.MAT), null);
    }

    private OffsetDateTime time(String value) {
        return switch (timeForm) {
            case ISO -> OffsetDateTime.parse(value);
            case TIME_OF_DAY -> eventDate.atTime(LocalTime.parse(value)).atZone(zone).toOffsetDateTime();
            case EPOCH_MILLIS -> Instant.ofEpochMilli(Long.parseLong(value)).atZone(zone).toOffsetDateTime();
        };
    }
}
