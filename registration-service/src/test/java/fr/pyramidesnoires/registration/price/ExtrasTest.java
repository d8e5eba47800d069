package fr.pyramidesnoires.registration.price;

import static fr.pyramidesnoires.registration.price.SampleTerms.EUR;
import static fr.pyramidesnoires.registration.price.SampleTerms.RACE_FEE;
import static fr.pyramidesnoires.registration.price.SampleTerms.TERMS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtrasTest {

    static final Instant NOW = Instant.parse("2027-02-01T10:00:00Z");

    static Bill order(Map<String, Integer> taken, ExtraChoice... choices) {
        return TERMS.bill("110K", NOW, "SE", RACE_FEE, List.of(choices), taken, null, 0, EUR);
    }

    static PriceRefused refused(Map<String, Integer> taken, ExtraChoice... choices) {
        return assertThrows(PriceRefused.class, () -> order(taken, choices));
    }

    static ExtraChoice meal(int quantity) {
        return new ExtraChoice("meal", null, quantity, null);
    }

    static ExtraChoice tshirt(String size, int quantity) {
        return new ExtraChoice("tshirt", size, quantity, null);
    }

    static ExtraChoice donation(Long cents) {
        return new ExtraChoice("donation", null, 1, cents);
    }

    @Test
    void eachExtraIsALineOfItsPriceTimesItsQuantity() {
        Bill bill = order(Map.of(), meal(2), tshirt("m", 1), tshirt("XL", 2));
        assertEquals(List.of(1200L, 2050L, 2050L), bill.lines().stream().skip(1).map(Bill.Line::unitCents).toList());
        assertEquals(List.of(2400L, 2050L, 4100L),
                bill.lines().stream().skip(1).map(Bill.Line::amountCents).toList());
        assertEquals("M", bill.lines().get(2).size(), "the size as the organiser wrote it");
        assertNull(bill.lines().get(1).size());
        assertEquals("T-shirt technique / Technical T-shirt", bill.lines().get(3).label());
        assertEquals(9500 + 2400 + 2050 + 4100, bill.totalCents());
    }

    @Test
    void anUnknownExtraIsRefusedByName() {
        PriceRefused refused = refused(Map.of(), meal(1), new ExtraChoice("beer", null, 1, null));
        assertEquals("unknown-extra", refused.rule());
        assertEquals("extras[1].code", refused.field());
        assertEquals("Cette course n'a pas d'option « beer » / This race has no extra \"beer\"", refused.reason());
    }

    @Test
    void aSizeIsGivenExactlyWhenTheExtraHasSizesAndIsOneOfThem() {
        PriceRefused missing = refused(Map.of(), tshirt(" ", 1));
        assertEquals("size-required", missing.rule());
        assertEquals("extras[0].size", missing.field());
        assertEquals("Choisissez une taille pour T-shirt technique / Technical T-shirt : XS, S, M, L, XL / Choose"
                + " a size for T-shirt technique / Technical T-shirt: XS, S, M, L, XL", missing.reason());
        PriceRefused unknown = refused(Map.of(), tshirt("XXL", 1));
        assertEquals("unknown-size", unknown.rule());
        assertEquals("extras[0].size", unknown.field());
        PriceRefused needless = refused(Map.of(), new ExtraChoice("meal", "L", 1, null));
        assertEquals("no-size", needless.rule());
        assertEquals("extras[0].size", needless.field());
    }

    @Test
    void aRunnerOrdersFromOneToTheMostPerRunnerSizesTogether() {
        assertEquals(5 * 1200, order(Map.of(), meal(5)).lines().get(1).amountCents());
        for (int quantity : new int[] {0, -1, 6}) {
            PriceRefused refused = refused(Map.of(), meal(quantity));
            assertEquals("quantity", refused.rule());
            assertEquals("extras[0].quantity", refused.field());
        }
        assertEquals("T-shirt technique / Technical T-shirt : de 1 à 3 par coureur / T-shirt technique /"
                + " Technical T-shirt: 1 to 3 per runner", refused(Map.of(), tshirt("S", 2), tshirt("M", 2)).reason());
        assertEquals("extras[1].quantity", refused(Map.of(), tshirt("S", 2), tshirt("M", 2)).field());
    }

    @Test
    void theSameExtraInTheSameSizeIsOneLine() {
        PriceRefused refused = refused(Map.of(), tshirt("M", 1), tshirt("m", 1));
        assertEquals("duplicate-extra", refused.rule());
        assertEquals("extras[1]", refused.field());
        assertEquals("duplicate-extra", refused(Map.of(), meal(1), meal(1)).rule());
    }

    @Test
    void theStockIsTakenToTheLastOneAndNoFurther() {
        assertEquals(1200, order(Map.of("meal", 299), meal(1)).lines().get(1).amountCents());
        assertEquals(3 * 1200, order(Map.of("meal", 297), meal(3)).lines().get(1).amountCents());
        PriceRefused soldOut = refused(Map.of("meal", 300), meal(1));
        assertEquals("sold-out", soldOut.rule());
        assertEquals("extras[0].quantity", soldOut.field());
        assertEquals("Repas d'après-course / Post-race meal : épuisé / Repas d'après-course / Post-race meal:"
                + " sold out", soldOut.reason());
        PriceRefused fewLeft = refused(Map.of("meal", 298), meal(3));
        assertEquals("sold-out", fewLeft.rule());
        assertEquals("Repas d'après-course / Post-race meal : il n'en reste que 2 / Repas d'après-course /"
                + " Post-race meal: only 2 left", fewLeft.reason());
        assertEquals("sold-out", refused(Map.of("tshirt", 199), tshirt("S", 1), tshirt("M", 1)).rule(),
                "every size counts against one stock");
    }

    @Test
    void anExtraWithoutStockHasNoLimit() {
        PaymentTerms unlimited = new PaymentTerms(null, List.of(new Extra("bag", "Sac / Bag",
                BigDecimal.TEN, null, null, false, null)), null, null, null);
        Bill bill = unlimited.bill("110K", NOW, "SE", RACE_FEE, List.of(new ExtraChoice("bag", null, 5, null)),
                Map.of("bag", 1_000_000), null, 0, EUR);
        assertEquals(5000, bill.lines().get(1).amountCents());
        assertNull(unlimited.extras().get(0).left(10));
        assertEquals(0, TERMS.extras().get(0).left(301));
        assertEquals(299, TERMS.extras().get(0).left(1));
    }

    @Test
    void aDonationIsOneAmountFromOneToTenThousandAndComesLast() {
        Bill bill = order(Map.of(), donation(2500L), meal(1));
        assertEquals(List.of(Bill.Kind.ENTRY, Bill.Kind.EXTRA, Bill.Kind.DONATION),
                bill.lines().stream().map(Bill.Line::kind).toList());
        assertEquals(2500, bill.donationCents());
        assertEquals(9500 + 1200 + 2500, bill.totalCents());
        assertEquals(100, order(Map.of(), donation(100L)).donationCents());
        assertEquals(1_000_000, order(Map.of(), donation(1_000_000L)).donationCents());
        for (Long cents : new Long[] {null, 99L, 0L, -500L, 1_000_001L}) {
            PriceRefused refused = refused(Map.of(), donation(cents));
            assertEquals("donation-amount", refused.rule());
            assertEquals("extras[0].donationCents", refused.field());
        }
        assertEquals("Don à l'association / Donation : un don va de 1 € à 10000 € / Don à l'association /"
                + " Donation: a donation is from €1 to €10000", refused(Map.of(), donation(5L)).reason());
        PriceRefused twice = refused(Map.of(), new ExtraChoice("donation", null, 2, 500L));
        assertEquals("quantity", twice.rule());
    }

    @Test
    void aDonationLimitIsWrittenInTheEventsCurrency() {
        PriceRefused refused = assertThrows(PriceRefused.class, () -> TERMS.bill("110K", NOW, "SE", RACE_FEE,
                List.of(donation(1L)), Map.of(), null, 0, Currency.getInstance("USD")));
        assertEquals("Don à l'association / Donation : un don va de 1 USD à 10000 USD / Don à l'association /"
                + " Donation: a donation is from USD 1 to USD 10000", refused.reason());
    }

    @Test
    void onlyADonationTakesAnAmountFromTheRunner() {
        PriceRefused refused = refused(Map.of(), new ExtraChoice("meal", null, 1, 100L));
        assertEquals("not-a-donation", refused.rule());
        assertEquals("extras[0].donationCents", refused.field());
    }
}
