package fr.pyramidesnoires.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadTimeTest {

    static ChipRead readAt(String time) {
        return EventJson.read("{\"matId\":\"M\",\"chipId\":\"C\",\"readTime\":\"" + time + "\"}", ChipRead.class);
    }

    @Test
    void theUsualFormsGiveWhatJavaTimeGives() {
        for (String time : List.of("2027-03-20T07:42:13.250+01:00", "2027-03-20T07:42:13Z", "2027-03-20T07:42:13.2Z",
                "2027-12-31T23:59:59.999999999-03:30", "2028-02-29T00:00:00.000123+14:00", "2027-03-20T07:42:13-00:00",
                "0001-01-01T00:00:00.5+00:00")) {
            assertEquals(OffsetDateTime.parse(time), ReadTime.parse(time), time);
            assertEquals(OffsetDateTime.parse(time), readAt(time).readTime(), time);
        }
    }

    @Test
    void otherFormsAreLeftToTheStandardReading() {
        for (String time : List.of("2027-03-20T07:42+01:00", "2027-03-20T07:42:13.250+01:00:30", "2027-03-20t07:42:13Z",
                "2027-03-20T07:42:13.Z", "2027-03-20T07:42:13.1234567890Z", "2027-03-20T07:42:13+0100")) {
            assertNull(ReadTime.parse(time), time);
        }
        // java.time reads these: the reading falls back to it
        assertEquals(OffsetDateTime.parse("2027-03-20T07:42+01:00"), readAt("2027-03-20T07:42+01:00").readTime());
        assertEquals(OffsetDateTime.parse("2027-03-20T07:42:13.250+01:00:30"),
                readAt("2027-03-20T07:42:13.250+01:00:30").readTime());
    }

    @Test
    void impossibleTimesAreMalformedReads() {
        for (String time : List.of("2027-02-29T10:00:00Z", "2027-03-20T24:00:00Z", "2027-03-20T10:60:00Z",
                "2027-03-20T10:00:00+19:00", "2027-13-01T10:00:00Z", "2027-03-20T1O:00:00Z", "soon")) {
            assertNull(ReadTime.parse(time), time);
            assertThrows(EventJson.MalformedEventException.class, () -> readAt(time), time);
        }
        // as every empty date: no time at all, which timing's rules refuse
        assertNull(ReadTime.parse(""));
        assertNull(readAt("").readTime());
    }
}
