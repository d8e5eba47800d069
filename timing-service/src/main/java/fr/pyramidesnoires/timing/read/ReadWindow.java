package fr.pyramidesnoires.timing.read;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The read times timing takes. A reader whose clock was never set says year 0, a forged message says year
 * 999,999,999: neither is a passage, and neither may reach the database, whose timestamps stop short of both. A
 * read is taken when it falls on the event's days give or take the margin, or, for a platform that was told no
 * event date, within the margin of when the reader sent it (the message's own timestamp, so that a replay is judged
 * as the first delivery was).
 */
public final class ReadWindow {

    /** Wider than any margin is meant to reach: PostgreSQL's timestamps and a long of microseconds hold it all. */
    static final Instant FIRST = Instant.parse("1900-01-01T00:00:00Z");
    static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private final Instant eventStart;
    private final Instant eventEnd;
    private final Duration margin;

    private ReadWindow(Instant eventStart, Instant eventEnd, Duration margin) {
        if (margin.isNegative()) {
            throw new IllegalArgumentException("The margin around the event cannot be negative: " + margin);
        }
        this.eventStart = eventStart;
        this.eventEnd = eventEnd;
        this.margin = margin;
    }

    /** Reads from the first event day's midnight to the last one's end, in the event's zone, give or take the margin. */
    public static ReadWindow aroundEvent(LocalDate firstDay, LocalDate lastDay, ZoneId zone, Duration margin) {
        if (lastDay.isBefore(firstDay)) {
            throw new IllegalArgumentException("The event ends (" + lastDay + ") before it starts (" + firstDay + ")");
        }
        return new ReadWindow(firstDay.atStartOfDay(zone).toInstant(), lastDay.plusDays(1).atStartOfDay(zone).toInstant(),
                margin);
    }

    /** Reads within the margin of the moment they were sent. */
    public static ReadWindow aroundSending(Duration margin) {
        return new ReadWindow(null, null, margin);
    }

    /**
     * Reads the event setting, {@code 2027-03-20} or {@code 2027-03-20/2027-03-21} for an event over several days;
     * none (empty) for a window around each read's sending.
     */
    public static ReadWindow of(String eventDays, ZoneId zone, Duration margin) {
        if (eventDays == null || eventDays.isBlank()) {
            return aroundSending(margin);
        }
        String[] days = eventDays.strip().split("/", 2);
        LocalDate first = LocalDate.parse(days[0].strip());
        return aroundEvent(first, days.length == 1 ? first : LocalDate.parse(days[1].strip()), zone, margin);
    }

    /**
     * @param sentAt when the read was sent (its message's timestamp); null when unknown, which the event's days do
     *               not need and a window around sending then cannot judge beyond the hard bounds
     * @return why the read time is not taken, or null when it is
     */
    public String problem(OffsetDateTime readTime, Instant sentAt) {
        Instant time = readTime.toInstant();
        if (time.isBefore(FIRST) || time.isAfter(LAST)) {
            return "readTime " + readTime + " is not a date a reader can mean (its clock may never have been set)";
        }
        if (eventStart != null) {
            if (time.isBefore(eventStart.minus(margin)) || !time.isBefore(eventEnd.plus(margin))) {
                return "readTime " + readTime + " is outside the event's days (" + eventStart + " to " + eventEnd
                        + ", give or take " + margin + "): check the reader's clock";
            }
        } else if (sentAt != null && Duration.between(sentAt, time).abs().compareTo(margin) > 0) {
            return "readTime " + readTime + " is more than " + margin + " away from when it was sent (" + sentAt
                    + "): check the reader's clock";
        }
        return null;
    }

    @Override
    public String toString() {
        return eventStart == null ? "within " + margin + " of sending"
                : eventStart + " to " + eventEnd + " give or take " + margin;
    }
}
