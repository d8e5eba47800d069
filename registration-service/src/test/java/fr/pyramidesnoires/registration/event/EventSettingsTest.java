package fr.pyramidesnoires.registration.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.registration.eligibility.EntryRules;
import java.time.ZoneId;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The settings as the service reads them at start-up: a bad one stops it with its reason. */
class EventSettingsTest {

    static EventSettings settings(String eligibility, String categories, String currency, String units) {
        return new EventSettings(ZoneId.of("Europe/Paris"), eligibility, categories, Optional.empty(), currency, units,
                "waiver");
    }

    @Test
    void theDefaultsAreTheFrenchSampleEvents() {
        EventSettings sample = settings("ffa", "ffa", "EUR", "km");
        assertEquals(EntryRules.FFA, sample.rules());
        assertTrue(sample.ffaEligibility());
        assertFalse(sample.waiver());
        assertEquals("22 km", sample.distance(22));
        assertEquals("400 m", sample.climb(400));
        assertEquals("95 €", sample.feeFr(new BigDecimal("95.00")));
    }

    @Test
    void aUsEventShowsMilesFeetAndDollars() {
        EventSettings us = settings("waiver", "age-groups:10", "USD", "miles");
        assertFalse(us.ffaEligibility());
        assertTrue(us.waiver());
        assertEquals("31.1 mi", us.distance(50.0));
        assertEquals("13.7 mi", us.distance(22));
        assertEquals("3280 ft", us.climb(1000));
        assertEquals("USD 50", us.feeEn(new BigDecimal("50.00")));
        assertEquals("50 USD", us.feeFr(new BigDecimal("50.00")));
    }

    @Test
    void eachBadSettingStopsTheStartNamingIt() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> settings("usatf", "ffa", "EUR", "km"))
                .getMessage().startsWith("EVENT_ELIGIBILITY"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> settings("ffa", "masters", "EUR", "km"))
                .getMessage().startsWith("EVENT_CATEGORIES"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> settings("ffa", "ffa", "€", "km"))
                .getMessage().startsWith("EVENT_CURRENCY"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> settings("ffa", "ffa", "EUR", "leagues"))
                .getMessage().startsWith("EVENT_UNITS"));
    }
}
