package fr.pyramidesnoires.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UnitsTest {

    @Test
    void aHundredMilesIsTheLengthRunnersKnow() {
        assertEquals(160.9344, Units.km(100), 1e-9);
        assertEquals(100, Units.MILES.distance(160.9344), 1e-9);
        assertEquals(50, Units.KM.distance(50), 0);
        assertEquals("26.2 mi", Units.MILES.written(Units.km(26.2)));
        assertEquals("42.2 km", Units.KM.written(42.1648128));
    }

    @Test
    void climbsGoToTheNearestMetreOrFiveFeet() {
        assertEquals(3048, Units.metres(10_000));
        assertEquals(10_000, Units.MILES.climb(3048));
        assertEquals(5486, Units.metres(18_000));
        assertEquals(18_000, Units.MILES.climb(5486), "18,000 ft kept as 5486 m is 17,998.7 ft: shown as written");
        for (int feet = 0; feet <= 40_000; feet += 5) {
            assertEquals(feet, Units.MILES.climb(Units.metres(feet)), feet + " ft");
        }
        assertEquals(6560, Units.MILES.climb(2000), "2000 m is 6561.68 ft");
        assertEquals(2000, Units.KM.climb(2000));
        assertEquals("18000 ft", Units.MILES.climbWritten(5486));
        assertEquals("2000 m", Units.KM.climbWritten(2000));
    }

    @Test
    void aPacePerMileIsLongerThanPerKm() {
        assertEquals(6 * 60 * 1.609344, Units.MILES.pace(6 * 60), 1e-9);
        assertEquals(360, Units.KM.pace(360), 0);
    }

    @Test
    void theSettingIsReadInAnyCaseAndAMisspeltOneIsRefusedWithWhatIsAccepted() {
        assertEquals(Units.MILES, Units.of(" Imperial "));
        assertEquals(Units.MILES, Units.of("mi"));
        assertEquals(Units.KM, Units.of("METRIC"));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Units.of("leagues"));
        assertTrue(refused.getMessage().contains("'leagues'"), refused.getMessage());
        assertEquals("mi", Units.MILES.distanceUnit());
        assertEquals("ft", Units.MILES.climbUnit());
    }
}
