package fr.pyramidesnoires.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventCheckTest {

    static final Instant AT = Instant.parse("2027-03-20T09:00:00Z");

    static EntryEvent entry(EntryEvent.Type type, String entryId, String race, int bib, String chip, EntryEvent.Sex sex) {
        return new EntryEvent(type, entryId, race, bib, chip, "Jean", "Test", false, sex, "SE", null, "FRA", AT);
    }

    static RunnerTiming timing(String race, RunnerTiming.Status status, List<RunnerTiming.Passage> passages) {
        return new RunnerTiming(race, 12, status, AT, passages, null, null);
    }

    @Test
    void eventsAsTheServicesWriteThemAreUsable() {
        assertNull(EventCheck.problem(new RaceEvent("22K", "22 km", 22, 450, OffsetDateTime.now(), 400)));
        assertNull(EventCheck.problem(new CourseEvent("22K", List.of(
                new CourseEvent.Point(0, "start", "Départ", 0, 0, null),
                new CourseEvent.Point(1, "finish", "Arrivée", 22, 450, Duration.ofHours(5))), null)));
        assertNull(EventCheck.problem(entry(EntryEvent.Type.UPSERTED, "e1", "22K", 12, "CHIP-1", EntryEvent.Sex.F)));
        assertNull(EventCheck.problem(entry(EntryEvent.Type.CANCELLED, "e1", null, 0, null, null)),
                "a cancellation names the entry only");
        assertNull(EventCheck.problem(timing("22K", RunnerTiming.Status.NOT_STARTED, List.of())));
        assertNull(EventCheck.problem(timing("22K", RunnerTiming.Status.ON_COURSE,
                List.of(new RunnerTiming.Passage(0, "start", "Départ", 0, AT)))));
    }

    @Test
    void anEventWithoutItsKeyFieldsIsRefusedWithWhy() {
        assertEquals("a race event needs code and name",
                EventCheck.problem(new RaceEvent(" ", "22 km", 22, 450, null, 400)));
        assertNotNull(EventCheck.problem(new CourseEvent("22K", null, null)));
        assertNotNull(EventCheck.problem(new CourseEvent("22K", List.of(), null)));
        assertNotNull(EventCheck.problem(new CourseEvent("22K", Arrays.asList((CourseEvent.Point) null), null)));
        assertEquals("an entry event needs type and entryId",
                EventCheck.problem(entry(null, "e1", "22K", 12, "CHIP-1", EntryEvent.Sex.F)));
        assertNotNull(EventCheck.problem(entry(EntryEvent.Type.CANCELLED, null, "22K", 12, "CHIP-1", null)));
        assertEquals("an entry needs raceCode, chip, sex and a bib above 0",
                EventCheck.problem(entry(EntryEvent.Type.UPSERTED, "e1", "22K", 12, "CHIP-1", null)));
        assertNotNull(EventCheck.problem(entry(EntryEvent.Type.UPSERTED, "e1", "22K", 0, "CHIP-1", EntryEvent.Sex.H)));
        assertNotNull(EventCheck.problem(entry(EntryEvent.Type.UPSERTED, "e1", "22K", 12, "", EntryEvent.Sex.H)));
        assertNotNull(EventCheck.problem(timing("22K", null, List.of())));
        assertNotNull(EventCheck.problem(timing("22K", RunnerTiming.Status.ON_COURSE, null)));
        assertNotNull(EventCheck.problem(timing("22K", RunnerTiming.Status.ON_COURSE,
                List.of(new RunnerTiming.Passage(0, "start", "Départ", 0, null)))));
        assertEquals("an empty event", EventCheck.problem(null));
        assertEquals("not an event of the platform: String", EventCheck.problem("text"));
    }

    @Test
    void aReasonIsStoredAndShownWithoutControlCharacters() {
        assertEquals("Unrecognized token 'tru\\u0000e'", EventCheck.printable("Unrecognized token 'tru\u0000e'"));
        assertEquals("escape \\u001b[31m red, override \\u202e, lone \\ud800",
                EventCheck.printable("escape \u001b[31m red, override \u202e, lone \ud800"));
        assertEquals("Pinchonvallès 🏃 finish", EventCheck.printable("Pinchonvallès 🏃 finish"), "letters and emoji stay");
        assertEquals("unreadable message", EventCheck.printable(null));
        String quoted = EventCheck.printable("x".repeat(10_000));
        assertEquals(EventCheck.MAX_REASON_LENGTH + 1, quoted.length(), "a long quote is cut, and says so");
        assertTrue(quoted.endsWith("…"));
    }
}
