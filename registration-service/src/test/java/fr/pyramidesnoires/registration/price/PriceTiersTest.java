package fr.pyramidesnoires.registration.price;

import static fr.pyramidesnoires.registration.price.SampleTerms.RACE_FEE;
import static fr.pyramidesnoires.registration.price.SampleTerms.TERMS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceTiersTest {

    static Instant at(String time) {
        return OffsetDateTime.parse(time).toInstant();
    }

    static PriceTier price(String until, String fee, String... categories) {
        return new PriceTier(until == null ? null : OffsetDateTime.parse(until), Arrays.asList(categories),
                new BigDecimal(fee), null);
    }

    static PaymentTerms terms(PriceTier... prices) {
        return new PaymentTerms(List.of(prices), null, null, null, null);
    }

    @ParameterizedTest(name = "at {0} a runner of {1} pays {2} cents (price {3})")
    @CsvSource(nullValues = "-", value = {
            "2026-09-01T10:00:00+02:00,           SE, 8000,  0",
            "2026-12-31T23:59:59.999999999+01:00, SE, 8000,  0",
            "2027-01-01T00:00:00+01:00,           SE, 9500,  1",
            "2026-12-31T23:00:00Z,                SE, 9500,  1",
            "2027-02-28T23:59:59+01:00,           M2, 9500,  1",
            "2027-03-01T00:00:00+01:00,           SE, 11000, 2",
            "2027-03-19T12:00:00+01:00,           -,  11000, 2",
            "2026-09-01T10:00:00+02:00,           JU, 6000,  3",
            "2027-03-19T12:00:00+01:00,           U18, 6000, 3",
            "2027-01-01T00:00:00+01:00,           ES, 6000,  3",
            "2026-09-01T10:00:00+02:00,           ju, 8000,  0"})
    void theEarliestOpenPriceOfTheRunnersCategoryElseForEveryRunnerApplies(String now, String category,
                                                                          long cents, int tier) {
        Fee fee = TERMS.currentFee(at(now), category, RACE_FEE);
        assertEquals(cents, fee.cents());
        assertEquals(tier, fee.tier());
    }

    @Test
    void aFeeSaysWhichPriceItIsAndUntilWhen() {
        Fee early = TERMS.currentFee(at("2026-10-01T00:00:00+02:00"), "SE", RACE_FEE);
        assertEquals("Tarif préférentiel / Early bird", early.name());
        assertEquals(OffsetDateTime.parse("2027-01-01T00:00:00+01:00").toInstant(), early.until().toInstant());
        assertEquals(List.of(), early.categories());
        Fee youth = TERMS.currentFee(at("2026-10-01T00:00:00+02:00"), "JU", RACE_FEE);
        assertEquals(List.of("JU", "ES", "U18"), youth.categories());
        assertNull(youth.until());
    }

    @Test
    void withoutPricesTheRacesOwnFeeAppliesAtAllTimes() {
        for (PaymentTerms none : List.of(PaymentTerms.NONE, terms())) {
            Fee fee = none.currentFee(at("2027-03-20T04:59:00+01:00"), "JU", RACE_FEE);
            assertEquals(RACE_FEE, fee.cents());
            assertNull(fee.tier());
            assertNull(fee.name());
        }
    }

    @Test
    void afterTheLastDatedPriceTheRacesOwnFeeApplies() {
        PaymentTerms earlyBirdOnly = terms(price("2027-01-01T00:00:00+01:00", "80"));
        assertEquals(8000, earlyBirdOnly.currentFee(at("2026-12-31T23:59:59+01:00"), "SE", RACE_FEE).cents());
        Fee after = earlyBirdOnly.currentFee(at("2027-01-01T00:00:00+01:00"), "SE", RACE_FEE);
        assertEquals(RACE_FEE, after.cents());
        assertNull(after.tier());
    }

    @Test
    void aCategorysEndedPriceGivesWayToThePriceForEveryRunner() {
        PaymentTerms youthEarly = terms(price("2027-01-01T00:00:00+01:00", "30", "JU"), price(null, "50"));
        assertEquals(3000, youthEarly.currentFee(at("2026-12-31T23:59:59+01:00"), "JU", RACE_FEE).cents());
        assertEquals(5000, youthEarly.currentFee(at("2027-01-01T00:00:00+01:00"), "JU", RACE_FEE).cents());
        assertEquals(5000, youthEarly.currentFee(at("2026-12-31T23:59:59+01:00"), "SE", RACE_FEE).cents());
    }

    @Test
    void theOrderOfPricesInTheFileDoesNotMatterOnlyTheirEnds() {
        PaymentTerms shuffled = terms(price(null, "110"), price("2027-03-01T00:00:00+01:00", "95"),
                price("2027-01-01T00:00:00+01:00", "80"));
        assertEquals(8000, shuffled.currentFee(at("2026-12-01T00:00:00+01:00"), "SE", RACE_FEE).cents());
        assertEquals(9500, shuffled.currentFee(at("2027-02-01T00:00:00+01:00"), "SE", RACE_FEE).cents());
        assertEquals(11000, shuffled.currentFee(at("2027-03-01T00:00:00+01:00"), "SE", RACE_FEE).cents());
    }

    @Test
    void aPageWithoutTheCategoryShowsThePriceForEveryRunnerAndTheCategoriesThatPayAnother() {
        Instant now = at("2027-02-01T12:00:00+01:00");
        assertEquals(9500, TERMS.feeForDisplay(now, RACE_FEE).cents());
        List<Fee> reductions = TERMS.categoryFees(now, RACE_FEE);
        assertEquals(1, reductions.size());
        assertEquals(6000, reductions.get(0).cents());
        assertEquals(List.of("JU", "ES", "U18"), reductions.get(0).categories());
        assertEquals(List.of(), terms(price(null, "50")).categoryFees(now, RACE_FEE));
    }

    @Test
    void eachCategoryIsShownAtThePriceItPaysNow() {
        PaymentTerms youth = terms(price(null, "60", "JU", "ES"), price("2027-01-01T00:00:00+01:00", "30", "JU"),
                price(null, "100"));
        List<Fee> before = youth.categoryFees(at("2026-12-01T00:00:00+01:00"), RACE_FEE);
        assertEquals(List.of(6000L, 3000L), before.stream().map(Fee::cents).toList());
        assertEquals(List.of(List.of("ES"), List.of("JU")), before.stream().map(Fee::categories).toList());
        List<Fee> after = youth.categoryFees(at("2027-01-01T00:00:00+01:00"), RACE_FEE);
        assertEquals(List.of(6000L), after.stream().map(Fee::cents).toList());
        assertEquals(List.of("JU", "ES"), after.get(0).categories());
    }
}
