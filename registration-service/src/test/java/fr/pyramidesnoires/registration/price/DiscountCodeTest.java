package fr.pyramidesnoires.registration.price;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiscountCodeTest {

    static final Instant NOW = Instant.parse("2027-02-01T10:00:00Z");
    static final Instant EXPIRY = Instant.parse("2027-02-15T00:00:00Z");

    static DiscountCode amount(long cents) {
        return new DiscountCode("CLUB-LENS", cents, null, null, null, null);
    }

    static DiscountCode percent(int percent) {
        return new DiscountCode("BENEVOLE", null, percent, null, null, null);
    }

    @ParameterizedTest(name = "{0} cents off a {1} cents fee takes {2}")
    @CsvSource({"1000, 9500, 1000", "9500, 9500, 9500", "20000, 9500, 9500", "1000, 0, 0"})
    void anAmountOffNeverBringsTheFeeBelowZero(long off, long fee, long taken) {
        assertEquals(taken, amount(off).offCents(fee, "110K", NOW, 0));
    }

    @ParameterizedTest(name = "{0} % off a {1} cents fee takes {2}")
    @CsvSource({"10, 9500, 950", "15, 9550, 1432", "33, 1, 0", "100, 9550, 9550", "1, 9999, 99"})
    void aShareOffIsRoundedDownAndAHundredPercentIsAFreeEntry(int percent, long fee, long taken) {
        assertEquals(taken, percent(percent).offCents(fee, "110K", NOW, 0));
    }

    @Test
    void anExpiredCodeIsRefusedFromItsExpiryOn() {
        DiscountCode code = new DiscountCode("EARLY", 500L, null, null, null, EXPIRY);
        assertEquals(500, code.offCents(9500, "110K", EXPIRY.minusNanos(1), 0));
        PriceRefused refused = assertThrows(PriceRefused.class, () -> code.offCents(9500, "110K", EXPIRY, 0));
        assertEquals("discount-expired", refused.rule());
        assertEquals("discountCode", refused.field());
        assertEquals("Le code de réduction EARLY a expiré / Discount code EARLY has expired", refused.reason());
    }

    @Test
    void aCodeForOneRaceIsRefusedForAnother() {
        DiscountCode code = new DiscountCode("ULTRA-CLUB", 500L, null, "110K", null, null);
        assertEquals(500, code.offCents(9500, "110K", NOW, 0));
        PriceRefused refused = assertThrows(PriceRefused.class, () -> code.offCents(9500, "55K", NOW, 0));
        assertEquals("discount-other-race", refused.rule());
        assertEquals("discountCode", refused.field());
        assertEquals(500, amount(500).offCents(9500, "55K", NOW, 0), "a code without race is for every race");
    }

    @Test
    void aCodeIsTakenAsManyTimesAsItAllowsAndNoMore() {
        DiscountCode code = new DiscountCode("SPONSOR", null, 20, null, 10, null);
        assertEquals(1900, code.offCents(9500, "110K", NOW, 9));
        PriceRefused refused = assertThrows(PriceRefused.class, () -> code.offCents(9500, "110K", NOW, 10));
        assertEquals("discount-used-up", refused.rule());
        assertEquals("Le code de réduction SPONSOR a déjà servi autant de fois que prévu / Discount code SPONSOR"
                + " has been used up", refused.reason());
        assertEquals(1900, percent(20).offCents(9500, "110K", NOW, 1_000_000), "no limit without maxUses");
    }

    @Test
    void aCodeIsLookedUpAsTypedStrippedInCapitals() {
        assertEquals("CLUB-LENS", DiscountCode.normalise("  club-Lens "));
        PriceRefused unknown = DiscountCode.unknown(" nope ");
        assertEquals("discount-unknown", unknown.rule());
        assertEquals("discountCode", unknown.field());
        assertEquals("Le code de réduction NOPE n'existe pas / There is no discount code NOPE", unknown.reason());
    }

    @Test
    void aNewCodeIsNormalised() {
        DiscountCode made = new DiscountCode(" benevoles-2027 ", null, 100, "  ", 40, EXPIRY).validated();
        assertEquals(new DiscountCode("BENEVOLES-2027", null, 100, null, 40, EXPIRY), made);
        assertEquals("110K", new DiscountCode("abc", 100L, null, " 110K ", null, null).validated().raceCode());
        assertNull(new DiscountCode("abc", 100L, null, null, null, null).validated().maxUses());
    }

    @ParameterizedTest(name = "{0} / {1} / {2} / {3}: {4} on {5}")
    @CsvSource(nullValues = "-", value = {
            "AB,         100, -,   -, discount-code-form, code",
            "-,          100, -,   -, discount-code-form, code",
            "CLUB LENS,  100, -,   -, discount-code-form, code",
            "ÉTÉ-2027,   100, -,   -, discount-code-form, code",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456, 100, -, -, discount-code-form, code",
            "CLUB,       -,   -,   -, discount-kind, amountOffCents",
            "CLUB,       100, 10,  -, discount-kind, percentOff",
            "CLUB,       0,   -,   -, discount-amount, amountOffCents",
            "CLUB,       -50, -,   -, discount-amount, amountOffCents",
            "CLUB,       -,   0,   -, discount-percent, percentOff",
            "CLUB,       -,   101, -, discount-percent, percentOff",
            "CLUB,       -,   50,  0, discount-max-uses, maxUses"})
    void aNewCodeIsRefusedNamingItsField(String code, Long amount, Integer percent, Integer maxUses, String rule,
                                         String field) {
        PriceRefused refused = assertThrows(PriceRefused.class,
                () -> new DiscountCode(code, amount, percent, null, maxUses, null).validated());
        assertEquals(rule, refused.rule());
        assertEquals(field, refused.field());
    }

    @Test
    void theLongestAndShortestCodesAreTaken() {
        assertEquals("ABC", new DiscountCode("abc", 1L, null, null, null, null).validated().code());
        String longest = "A".repeat(31) + "-";
        assertEquals(longest, new DiscountCode(longest, 1L, null, null, null, null).validated().code());
    }
}
