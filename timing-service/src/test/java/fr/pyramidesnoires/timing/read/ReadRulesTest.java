package fr.pyramidesnoires.timing.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.ChipRead;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class ReadRulesTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2027-03-20T07:42:13.250+01:00");

    private static ChipRead read(String readerId, String matId, String chipId, OffsetDateTime at) {
        return new ChipRead(readerId, matId, chipId, at, 1, -60, 7L, ChipRead.Source.MAT);
    }

    @Test
    void aReadWithMatChipAndTimeCounts() {
        assertNull(ReadRules.problem(read("R-1", "M-PINCHONVALLES", "E2801160600002", AT)));
        assertNull(ReadRules.problem(read(null, "M-PINCHONVALLES", "E2801160600002", AT)), "the reader is optional");
    }

    @Test
    void aReadWithoutMatChipOrTimeIsMalformed() {
        String missing = "a chip read needs matId, chipId and readTime";
        assertEquals(missing, ReadRules.problem(null));
        assertEquals(missing, ReadRules.problem(read("R-1", " ", "E2801160600002", AT)));
        assertEquals(missing, ReadRules.problem(read("R-1", "M-PINCHONVALLES", null, AT)));
        assertEquals(missing, ReadRules.problem(read("R-1", "M-PINCHONVALLES", "E2801160600002", null)));
    }

    @Test
    void idsAreShortAndFreeOfNul() {
        String tooLong = "x".repeat(ReadRules.MAX_ID_LENGTH + 1);
        assertEquals("readerId, matId and chipId have at most 100 characters",
                ReadRules.problem(read(tooLong, "M-PINCHONVALLES", "E2801160600002", AT)));
        assertNull(ReadRules.problem(read("R-1", "x".repeat(ReadRules.MAX_ID_LENGTH), "E2801160600002", AT)));
        String nul = "readerId, matId and chipId cannot hold a NUL character";
        assertEquals(nul, ReadRules.problem(read("R-1", "M-PINCHONVALLES", "E28011\u00006000", AT)));
        assertEquals(nul, ReadRules.problem(read("R-\u00001", "M-PINCHONVALLES", "E2801160600002", AT)));
        // odd but storable: kept as a read, byte for byte
        assertNull(ReadRules.problem(read("R-\t1\n", "M-PINCHONVALLES", "E2801160600002", AT)));
    }

    @Test
    void anIdIsStorableWhenPresentShortAndFreeOfNul() {
        assertTrue(ReadRules.storableId("CHIP-1", 10));
        assertFalse(ReadRules.storableId(null, 10));
        assertFalse(ReadRules.storableId("  ", 10));
        assertFalse(ReadRules.storableId("CHIP-12345X", 10));
        assertFalse(ReadRules.storableId("CHIP\u00001", 10));
    }
}
