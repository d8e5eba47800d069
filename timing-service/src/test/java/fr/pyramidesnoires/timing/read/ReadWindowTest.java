package fr.pyramidesnoires.timing.read;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ReadWindowTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final ReadWindow RACE_DAY = ReadWindow.of("2027-03-20", PARIS, Duration.ofDays(2));
    static final Instant SENT = Instant.parse("2027-03-20T09:00:00Z");

    static OffsetDateTime at(String time) {
        return OffsetDateTime.parse(time);
    }

    @Test
    void aReadOnRaceDayOrWithinTheMarginIsTaken() {
        assertNull(RACE_DAY.problem(at("2027-03-20T07:42:13.250+01:00"), SENT));
        assertNull(RACE_DAY.problem(at("2027-03-18T00:00:00+01:00"), SENT), "the margin's first instant");
        assertNull(RACE_DAY.problem(at("2027-03-22T23:59:59.999999+01:00"), SENT), "the margin's last instant");
        assertNull(RACE_DAY.problem(at("2027-03-20T07:42:13Z"), null), "the event's days need no sending time");
    }

    @Test
    void aReadOutsideTheEventsDaysAndMarginIsRefusedWithWhy() {
        String early = RACE_DAY.problem(at("2027-03-17T23:59:59.999+01:00"), SENT);
        assertNotNull(early);
        assertTrue(early.contains("outside the event's days"), early);
        assertTrue(early.contains("check the reader's clock"), early);
        assertNotNull(RACE_DAY.problem(at("2027-03-23T00:00:00+01:00"), SENT));
        assertNotNull(RACE_DAY.problem(at("2028-03-20T07:42:13+01:00"), SENT), "a year off");
    }

    @Test
    void anEventOverSeveralDaysTakesEachOfThem() {
        ReadWindow weekend = ReadWindow.of("2027-03-20/2027-03-21", PARIS, Duration.ZERO);
        assertNull(weekend.problem(at("2027-03-20T00:00:00+01:00"), SENT));
        assertNull(weekend.problem(at("2027-03-21T23:59:59+01:00"), SENT));
        assertNotNull(weekend.problem(at("2027-03-19T23:59:59+01:00"), SENT));
        assertNotNull(weekend.problem(at("2027-03-22T00:00:00+01:00"), SENT));
    }

    @Test
    void theEventsDaysAreInItsZoneWithDaylightSaving() {
        // 2027-03-28 is the spring change in Paris: the day starts at UTC+1 and ends at UTC+2
        ReadWindow changeDay = ReadWindow.of("2027-03-28", PARIS, Duration.ZERO);
        assertNull(changeDay.problem(at("2027-03-27T23:00:00Z"), SENT));
        assertNotNull(changeDay.problem(at("2027-03-27T22:59:59Z"), SENT));
        assertNull(changeDay.problem(at("2027-03-28T21:59:59Z"), SENT));
        assertNotNull(changeDay.problem(at("2027-03-28T22:00:00Z"), SENT));
    }

    @Test
    void withoutEventDaysAReadIsTakenWithinTheMarginOfItsSending() {
        ReadWindow live = ReadWindow.of("", PARIS, Duration.ofHours(36));
        assertNull(live.problem(at("2027-03-20T23:00:00+01:00"), SENT), "the 110 km's last finishers, sent at once");
        assertNull(live.problem(at("2027-03-19T10:00:00+01:00"), SENT), "a mat replaying yesterday's buffer");
        String off = live.problem(at("2027-03-22T07:42:13+01:00"), SENT);
        assertNotNull(off);
        assertTrue(off.contains("away from when it was sent"), off);
        assertNull(live.problem(at("2027-03-25T07:42:13+01:00"), null), "no sending time: only the hard bounds");
    }

    @Test
    void aClockNeverSetOrAForgedYearIsRefusedWhateverTheMargin() {
        ReadWindow anything = ReadWindow.of(null, PARIS, Duration.ofDays(365L * 100_000));
        for (String time : new String[] {"0000-03-20T09:00:00.000+01:00", "+999999999-03-20T09:00:00.000+01:00",
                "-999999999-01-01T00:00:00Z", "1899-12-31T23:59:59Z", "+10000-01-01T00:00:00Z"}) {
            String problem = anything.problem(at(time), SENT);
            assertNotNull(problem, time);
            assertTrue(problem.contains("not a date a reader can mean"), problem);
        }
        assertNull(anything.problem(at("1970-01-01T00:00:00Z"), SENT), "a reader reset to the epoch is a date still");
    }

    @Test
    void aWrongSettingStopsTheStartWithIt() {
        assertThrows(IllegalArgumentException.class, () -> ReadWindow.of("2027-03-21/2027-03-20", PARIS, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> ReadWindow.of("2027-03-20", PARIS, Duration.ofDays(-1)));
        assertThrows(RuntimeException.class, () -> ReadWindow.of("20 mars", PARIS, Duration.ZERO));
    }
}
