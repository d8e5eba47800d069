package fr.pyramidesnoires.events;

import java.util.Objects;

/**
 * What each event must carry for a consumer to use it. JSON lets any field be left out or null, and anyone who
 * reaches a topic can write to it: an event without its key fields would fail, in one consumer or another, every
 * page or batch it lands in. A consumer keeps such a message aside with this reason instead of applying it.
 */
public final class EventCheck {

    /** A parser's message can quote a whole message back: enough to see what went wrong. */
    static final int MAX_REASON_LENGTH = 500;

    private EventCheck() {
    }

    /** @return why the event cannot be used, or null when it can */
    public static String problem(Object event) {
        if (event instanceof RaceEvent race) {
            return blank(race.code()) || race.name() == null ? "a race event needs code and name" : null;
        }
        if (event instanceof CourseEvent course) {
            return blank(course.raceCode()) || course.points() == null || course.points().isEmpty()
                    || course.points().stream().anyMatch(p -> p == null || blank(p.id()))
                    ? "a course event needs raceCode and points, each with an id" : null;
        }
        if (event instanceof EntryEvent entry) {
            return entryProblem(entry);
        }
        if (event instanceof RunnerTiming timing) {
            return blank(timing.raceCode()) || timing.status() == null || timing.passages() == null
                    || timing.passages().stream().anyMatch(p -> p == null || blank(p.pointId()) || p.time() == null)
                    ? "a runner timing needs raceCode, status and passages, each with pointId and time" : null;
        }
        if (event instanceof PastResults past) {
            return pastProblem(past);
        }
        return event == null ? "an empty event" : "not an event of the platform: " + event.getClass().getSimpleName();
    }

    /**
     * A reason as it can be stored, logged and shown: a parser's message may quote the message's own bytes, a NUL
     * that PostgreSQL refuses in text among them, or terminal escapes that would reach the officials' pages and logs.
     */
    public static String printable(String reason) {
        if (reason == null) {
            return "unreadable message";
        }
        StringBuilder shown = new StringBuilder(Math.min(reason.length(), MAX_REASON_LENGTH) + 16);
        for (int i = 0; i < reason.length() && shown.length() < MAX_REASON_LENGTH; i++) {
            char c = reason.charAt(i);
            boolean loneSurrogate = Character.isHighSurrogate(c)
                    ? i + 1 == reason.length() || !Character.isLowSurrogate(reason.charAt(i + 1))
                    : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(reason.charAt(i - 1)));
            if (Character.isISOControl(c) || loneSurrogate || Character.getType(c) == Character.FORMAT) {
                shown.append(String.format("\\u%04x", (int) c));
            } else {
                shown.append(c);
            }
        }
        return shown.length() < MAX_REASON_LENGTH ? shown.toString() : shown + "…";
    }

    private static String entryProblem(EntryEvent entry) {
        if (entry.type() == null || blank(entry.entryId())) {
            return "an entry event needs type and entryId";
        }
        if (entry.type() == EntryEvent.Type.UPSERTED && (blank(entry.raceCode()) || blank(entry.chip())
                || entry.sex() == null || entry.bib() <= 0)) {
            return "an entry needs raceCode, chip, sex and a bib above 0";
        }
        return null;
    }

    private static String pastProblem(PastResults past) {
        if (past.year() < 1900 || blank(past.raceCode()) || past.raceCode().contains("/") || past.raceName() == null
                || past.rows() == null) {
            return "past results need a year from 1900, a raceCode without '/', raceName and rows";
        }
        return past.rows().stream().anyMatch(r -> r == null || r.bib() <= 0 || r.sex() == null || r.status() == null)
                ? "each row of past results needs a bib above 0, sex and status" : null;
    }

    private static boolean blank(String value) {
        return Objects.requireNonNullElse(value, "").isBlank();
    }
}
