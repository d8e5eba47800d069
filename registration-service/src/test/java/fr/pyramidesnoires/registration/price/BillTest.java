package fr.pyramidesnoires.registration.price;

import static fr.pyramidesnoires.registration.price.SampleTerms.EUR;
import static fr.pyramidesnoires.registration.price.SampleTerms.RACE_FEE;
import static fr.pyramidesnoires.registration.price.SampleTerms.TERMS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BillTest {

    /** The early price, 80 €. */
    static final Instant EARLY = Instant.parse("2026-11-01T10:00:00Z");
    static final List<ExtraChoice> MEAL_TSHIRT_DONATION = List.of(new ExtraChoice("meal", null, 2, null),
            new ExtraChoice("tshirt", "L", 1, null), new ExtraChoice("donation", null, 1, 1000L));

    static Bill bill(String category, List<ExtraChoice> extras, DiscountCode discount) {
        return TERMS.bill("110K", EARLY, category, RACE_FEE, extras, Map.of(), discount, 0, EUR);
    }

    @Test
    void theBillListsTheEntryTheExtrasTheDiscountAndTheDonationAndTotalsThem() {
        Bill bill = bill("SE", MEAL_TSHIRT_DONATION, new DiscountCode("CLUB-LENS", 1500L, null, null, null, null));
        assertEquals(List.of(
                new Bill.Line(Bill.Kind.ENTRY, null, "Tarif préférentiel / Early bird", null, 1, 8000, 8000),
                new Bill.Line(Bill.Kind.EXTRA, "meal", "Repas d'après-course / Post-race meal", null, 2, 1200, 2400),
                new Bill.Line(Bill.Kind.EXTRA, "tshirt", "T-shirt technique / Technical T-shirt", "L", 1, 2050, 2050),
                new Bill.Line(Bill.Kind.DISCOUNT, "CLUB-LENS", "Code de réduction CLUB-LENS / Discount code"
                        + " CLUB-LENS", null, 1, -1500, -1500),
                new Bill.Line(Bill.Kind.DONATION, "donation", "Don à l'association / Donation", null, 1, 1000, 1000)),
                bill.lines());
        assertEquals(8000 + 2400 + 2050 - 1500 + 1000, bill.totalCents());
        assertEquals(1000, bill.donationCents());
        assertEquals(8000 + 2400 + 2050 - 1500, bill.refundableCents());
    }

    @Test
    void anEntryWithoutExtrasIsTheFeeThatAppliesNow() {
        Bill youth = bill("JU", List.of(), null);
        assertEquals(List.of(new Bill.Line(Bill.Kind.ENTRY, null, "Tarif jeunes / Youth", null, 1, 6000, 6000)),
                youth.lines());
        assertEquals(6000, youth.totalCents());
        Bill unnamed = TERMS.bill("110K", Instant.parse("2027-02-01T10:00:00Z"), "SE", RACE_FEE, List.of(),
                Map.of(), null, 0, EUR);
        assertEquals("Inscription / Entry", unnamed.lines().get(0).label());
        assertEquals(9500, unnamed.totalCents());
        Bill racesOwn = PaymentTerms.NONE.bill("110K", EARLY, "SE", 3850, List.of(), Map.of(), null, 0, EUR);
        assertEquals(3850, racesOwn.totalCents());
    }

    @Test
    void aDiscountTakesOffTheEntryFeeOnlyNeverTheExtrasOrTheDonation() {
        Bill bill = bill("SE", MEAL_TSHIRT_DONATION, new DiscountCode("GROS-LOT", 50_000L, null, null, null, null));
        assertEquals(-8000, bill.lines().get(3).amountCents());
        assertEquals(2400 + 2050 + 1000, bill.totalCents());
        Bill share = bill("SE", MEAL_TSHIRT_DONATION, new DiscountCode("DIX", null, 10, null, null, null));
        assertEquals(-800, share.lines().get(3).amountCents());
    }

    @Test
    void aVolunteersCodeMakesTheEntryFree() {
        Bill bill = bill("SE", List.of(), new DiscountCode("BENEVOLE", null, 100, null, 40, null));
        assertEquals(0, bill.totalCents());
        assertTrue(bill.free());
        assertFalse(bill("SE", List.of(), null).free());
        Bill withMeal = bill("SE", List.of(new ExtraChoice("meal", null, 1, null)),
                new DiscountCode("BENEVOLE", null, 100, null, 40, null));
        assertEquals(1200, withMeal.totalCents(), "a volunteer pays their meal");
    }

    @Test
    void aRefusedDiscountRefusesTheBill() {
        DiscountCode otherRace = new DiscountCode("TRAIL-22", 500L, null, "22K", null, null);
        PriceRefused refused = assertThrows(PriceRefused.class, () -> bill("SE", List.of(), otherRace));
        assertEquals("discount-other-race", refused.rule());
        DiscountCode usedUp = new DiscountCode("SPONSOR", 500L, null, null, 3, null);
        assertEquals("discount-used-up", assertThrows(PriceRefused.class,
                () -> TERMS.bill("110K", EARLY, "SE", RACE_FEE, List.of(), Map.of(), usedUp, 3, EUR)).rule());
        assertEquals(7500, TERMS.bill("110K", EARLY, "SE", RACE_FEE, List.of(), Map.of(), usedUp, 2, EUR)
                .totalCents());
    }

    @Test
    void theTransferFeeIsInCentsAndNothingWithoutOne() {
        assertEquals(750, TERMS.transferFeeCents());
        assertEquals(0, PaymentTerms.NONE.transferFeeCents());
    }
}
