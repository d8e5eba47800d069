package fr.pyramidesnoires.matagent.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.ChipRead;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LineLayoutTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final LocalDate RACE_DAY = LocalDate.parse("2027-03-20");

    static LineLayout layout(String fields, String separator, LineLayout.TimeForm form) {
        return new LineLayout(fields, separator, form, RACE_DAY, PARIS, ChipIdRule.of("as-printed"));
    }

    @Test
    void aLineInTheGivenOrderIsARead() {
        LineLayout.Parsed parsed = layout("chip,time,antenna", ",", LineLayout.TimeForm.ISO)
                .parse("a1b2,2027-03-20T10:42:13.250+01:00,2", "R-MAIN", "M-ESTEVELLES");
        assertNull(parsed.problem());
        assertEquals(new ChipRead("R-MAIN", "M-ESTEVELLES", "A1B2", OffsetDateTime.parse(
                "2027-03-20T10:42:13.250+01:00"), 2, null, null, ChipRead.Source.MAT), parsed.read());
    }

    @Test
    void aTimeOfDayIsOnTheEventsDateInItsZone() {
        LineLayout.Parsed parsed = layout("_,chip,time,rssi", "\\s+", LineLayout.TimeForm.TIME_OF_DAY)
                .parse("READ  0042   10:42:13.25  -61", "R-MAIN", "M-ESTEVELLES");
        assertEquals(OffsetDateTime.parse("2027-03-20T10:42:13.250+01:00"), parsed.read().readTime());
        assertEquals("0042", parsed.read().chipId());
        assertEquals(-61, parsed.read().rssi());
    }

    @Test
    void millisecondsSince1970AreTakenAsTheyAre() {
        LineLayout.Parsed parsed = layout("time,chip", ";", LineLayout.TimeForm.EPOCH_MILLIS)
                .parse("1805535733250;77", "R-MAIN", "M-ESTEVELLES");
        assertEquals(OffsetDateTime.parse("2027-03-20T09:42:13.250Z").toInstant(), parsed.read().readTime().toInstant());
    }

    @Test
    void aLineThatIsNoReadSaysWhy() {
        LineLayout layout = layout("chip,time,antenna", ",", LineLayout.TimeForm.ISO);
        assertEquals("expected 3 fields (chip,time,antenna), found 1",
                layout.parse("READER BOOTED v2.1", "R", "M").problem());
        assertTrue(layout.parse("A1,half past ten,2", "R", "M").problem().startsWith("unreadable field"));
        assertTrue(layout.parse("A1,2027-03-20T10:42:13+01:00,left", "R", "M").problem()
                .startsWith("unreadable field"));
        assertEquals("no chip code", layout.parse(" ,2027-03-20T10:42:13+01:00,1", "R", "M").problem());
    }

    @Test
    void aLayoutWithoutChipOrTimeOrTimesOfDayWithoutADateStopTheStart() {
        assertThrows(IllegalArgumentException.class, () -> layout("chip,antenna", ",", LineLayout.TimeForm.ISO));
        assertThrows(IllegalArgumentException.class, () -> new LineLayout("chip,time", ",",
                LineLayout.TimeForm.TIME_OF_DAY, null, PARIS, ChipIdRule.of("as-printed")));
    }
}
