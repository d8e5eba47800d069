package fr.pyramidesnoires.registration.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.registration.category.Category;
import fr.pyramidesnoires.registration.eligibility.Eligibility.Health;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EligibilityTest {

    static final LocalDate RACE_DAY = LocalDate.of(2027, 3, 20);
    static final Health LICENSED = new Health("1234567", null, null, false);

    static Optional<String> rule(double kmEffort, Category category, Health health) {
        return Eligibility.check(kmEffort, category, Map.of(), health, RACE_DAY, false).map(Eligibility.Refusal::rule);
    }

    @Test
    void kmEffortCountsOneKilometrePerHundredMetresOfClimb() {
        assertEquals(130.0, Eligibility.kmEffort(110, 2000));
        assertEquals(26.0, Eligibility.kmEffort(22, 400));
    }

    @ParameterizedTest(name = "{1} on {0} km-effort: {2}")
    @CsvSource({
            "25, JU, ok", "26, JU, km-effort-limit", "15, CA, ok", "15.5, CA, km-effort-limit",
            "10, MI, ok", "11, MI, km-effort-limit", "26, ES, ok", "130, SE, ok", "130, M10, ok",
            "79.9, ES, ok", "80, ES, ok"})
    void youngCategoriesAreLimitedByKmEffort(double kmEffort, Category category, String expected) {
        assertEquals(expected, rule(kmEffort, category, LICENSED).orElse("ok"));
    }

    @Test
    void anUltraIsForEspoirsAndOlderWhateverTheRaceFileSays() {
        Optional<Eligibility.Refusal> refusal = Eligibility.check(90, Category.JU, Map.of(Category.JU, 200.0),
                LICENSED, RACE_DAY, false);

        assertEquals("ultra-age", refusal.orElseThrow().rule());
        assertTrue(refusal.get().reason().contains("Espoirs"));
    }

    @Test
    void aRaceMayGiveItsOwnLimits() {
        assertEquals(Optional.empty(), Eligibility.check(30, Category.JU, Map.of(Category.JU, 35.0), LICENSED,
                RACE_DAY, false));
        assertEquals("km-effort-limit", Eligibility.check(30, Category.SE, Map.of(Category.SE, 20.0), LICENSED,
                RACE_DAY, false).orElseThrow().rule());
    }

    @ParameterizedTest(name = "licence {0}: {1}")
    @CsvSource({"123456, ok", "1234567, ok", "12345, licence-format", "12345678, licence-format", "A12345, licence-format"})
    void aLicenceNumberHasSixOrSevenDigits(String licence, String expected) {
        assertEquals(expected, rule(26, Category.SE, new Health(licence, null, null, false)).orElse("ok"));
    }

    @ParameterizedTest(name = "PPS of {0}: {1}")
    @CsvSource({"2027-03-20, ok", "2026-12-20, ok", "2026-12-19, pps-expired", "2027-03-21, pps-expired"})
    void aPpsIsValidThreeMonthsUpToRaceDay(LocalDate completed, String expected) {
        assertEquals(expected, rule(26, Category.SE, new Health(null, "PPS-8XK2Q", completed, false)).orElse("ok"));
    }

    @Test
    void aPpsWithoutItsDateIsNotEnough() {
        assertEquals("pps-date", rule(26, Category.SE, new Health(null, "PPS-8XK2Q", null, false)).orElseThrow());
    }

    @Test
    void aMedicalCertificateOnlyWhereTheRaceAcceptsIt() {
        Health certificate = new Health(null, null, null, true);

        assertEquals("certificate-not-accepted", rule(26, Category.SE, certificate).orElseThrow());
        assertEquals(Optional.empty(), Eligibility.check(26, Category.SE, Map.of(), certificate, RACE_DAY, true));
    }

    @Test
    void withoutAnyProofOfHealthNobodyRuns() {
        assertEquals("health-proof", rule(26, Category.SE, new Health(null, " ", null, false)).orElseThrow());
    }

    @ParameterizedTest(name = "entry at {0}: {1}")
    @CsvSource({"2026-10-31T23:59:59Z, entries-not-open", "2026-11-01T00:00:00Z, ok", "2027-03-13T22:59:59Z, ok",
            "2027-03-13T23:00:00Z, entries-closed"})
    void entriesAreTakenOnlyWithinTheRaceWindow(Instant now, String expected) {
        OffsetDateTime opens = OffsetDateTime.parse("2026-11-01T01:00:00+01:00");
        OffsetDateTime closes = OffsetDateTime.parse("2027-03-14T00:00:00+01:00");

        assertEquals(expected, Eligibility.window(now, opens, closes).map(Eligibility.Refusal::rule).orElse("ok"));
    }

    @Test
    void aRaceWithoutAWindowIsAlwaysOpen() {
        assertEquals(Optional.empty(), Eligibility.window(Instant.parse("2000-01-01T00:00:00Z"), null, null));
    }
}
