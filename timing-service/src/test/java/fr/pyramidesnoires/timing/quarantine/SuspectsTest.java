package fr.pyramidesnoires.timing.quarantine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.ChipRead;
import fr.pyramidesnoires.timing.course.Course;
import fr.pyramidesnoires.timing.course.TimingPoint;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SuspectsTest {

    static final OffsetDateTime GUN = OffsetDateTime.parse("2027-03-20T10:00:00+01:00");
    static final Course COURSE = new Course("22K", List.of(
            new TimingPoint("start", "Départ", "M-START", 0, 0, null),
            new TimingPoint("finish", "Arrivée", "M-FINISH", 22, 400, null)));
    static final Set<String> MATS = Set.of("M-START", "M-FINISH", "M-OTHER-RACE");

    static ChipRead at(String mat, OffsetDateTime time) {
        return new ChipRead("R-1", mat, "CHIP-1", time, 1, -55, 1L, ChipRead.Source.MAT);
    }

    static boolean suspect(ChipRead read, Instant gun) {
        return Suspects.mayBeQuarantined(read, true, COURSE, gun, MATS);
    }

    @Test
    void aRunnersReadOnTheirCourseAfterTheGunIsAPlainPassage() {
        assertFalse(suspect(at("M-FINISH", GUN.plusHours(2)), GUN.toInstant()));
        assertFalse(suspect(at("M-FINISH", GUN), GUN.toInstant()), "the gun's own millisecond is in the race");
    }

    @Test
    void theStartMatIsNeverTooEarly() {
        assertFalse(suspect(at("M-START", GUN.minusMinutes(10)), GUN.toInstant()), "runners wait on the start mat");
        assertFalse(suspect(at("M-START", GUN.minusMinutes(10)), null));
    }

    @Test
    void aCheckpointReadBeforeTheGunOrBeforeAnyGunIsKeptOneByOne() {
        assertTrue(suspect(at("M-FINISH", GUN.minusSeconds(1)), GUN.toInstant()));
        // the gun may be given after a warm-up over the finish mat: the read must still be there to list then
        assertTrue(suspect(at("M-FINISH", GUN.plusHours(2)), null));
    }

    @Test
    void malformedReadsUnknownChipsAndUnknownMatsAreKeptOneByOne() {
        assertTrue(Suspects.mayBeQuarantined(null, false, null, null, MATS));
        assertTrue(Suspects.mayBeQuarantined(at("M-FINISH", GUN.plusHours(2)), false, null, null, MATS));
        assertTrue(suspect(at("M-NOWHERE", GUN.plusHours(2)), GUN.toInstant()));
    }

    @Test
    void aReadOfARaceWithNoCourseHereOnAKnownMatIsNotQuarantined() {
        assertFalse(Suspects.mayBeQuarantined(at("M-OTHER-RACE", GUN), true, null, null, MATS));
    }
}
