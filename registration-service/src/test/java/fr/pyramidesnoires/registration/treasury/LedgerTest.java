package fr.pyramidesnoires.registration.treasury;

import static fr.pyramidesnoires.registration.treasury.Treasury.card;
import static fr.pyramidesnoires.registration.treasury.Treasury.offline;
import static fr.pyramidesnoires.registration.treasury.Treasury.refund;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

class LedgerTest {

    private final RecordedPayment a = card("a", "52K", 9500, 168L);
    private final RecordedPayment b = card("b", "52K", 8550, 155L, "CLUB10", 950);
    private final RecordedPayment c = card("c", "52K", 8550, null, "CLUB10", 950);
    private final RecordedPayment d = offline("d", "52K", PaymentMethod.CHEQUE, 9500);
    private final RecordedPayment e = card("e", "25K", 4501, 101L, "BENEVOLE", 1999);
    private final RecordedPayment f = offline("f", "25K", PaymentMethod.CASH, 3333);

    private final Ledger ledger = Ledger.of(List.of(a, b, c, d, e, f),
            List.of(refund("r1", a, 9500, "re_1"), refund("r2", e, 1, "re_2"), refund("r3", d, 4750, null)),
            List.of(new HoldCounts("52K", 3, 4, 7), new HoldCounts("25K", 1, 2, 0), new HoldCounts("10K", 5, 0, 2)));

    @Test
    void eachRaceCountsItsGrossFeesRefundsAndNetToTheCent() {
        Ledger.Account race = ledger.race("52K").orElseThrow();
        assertEquals(4, race.payments());
        assertEquals(3, race.cardPayments());
        assertEquals(9500 + 8550 + 8550, race.cardCents());
        assertEquals(1, race.offlinePayments());
        assertEquals(9500, race.offlineCents());
        assertEquals(36100, race.grossCents());
        assertEquals(168 + 155, race.feeCents());
        assertEquals(1, race.paymentsWithoutFee());
        assertEquals(2, race.refunds());
        assertEquals(9500 + 4750, race.refundCents());
        assertEquals(36100 - 323 - 14250, race.netCents());
        assertEquals(List.of(new Ledger.DiscountUse("CLUB10", 2, 1900)), race.discounts());
        assertEquals(1900, race.discountCents());
        assertEquals(2, race.discountUses());
        assertEquals(List.of(3L, 4L, 7L), List.of(race.held(), race.paid(), race.expired()));

        Ledger.Account short25 = ledger.race("25K").orElseThrow();
        assertEquals(4501 + 3333, short25.grossCents());
        assertEquals(4501 + 3333 - 101 - 1, short25.netCents());
        assertEquals(0, short25.paymentsWithoutFee());
    }

    @Test
    void theTotalIsTheSumOfTheRacesAndDiscountsAddUpPerCode() {
        Ledger.Account total = ledger.total();
        assertEquals(null, total.raceCode());
        assertEquals(6, total.payments());
        assertEquals(4, total.cardPayments());
        assertEquals(2, total.offlinePayments());
        assertEquals(36100 + 7834, total.grossCents());
        assertEquals(168 + 155 + 101, total.feeCents());
        assertEquals(3, total.refunds());
        assertEquals(9500 + 1 + 4750, total.refundCents());
        assertEquals(36100 + 7834 - 424 - 14251, total.netCents());
        assertEquals(List.of(new Ledger.DiscountUse("BENEVOLE", 1, 1999), new Ledger.DiscountUse("CLUB10", 2, 1900)),
                total.discounts());
        assertEquals(List.of(9L, 6L, 9L), List.of(total.held(), total.paid(), total.expired()));
        for (ToLongFunction<Ledger.Account> sum : List.<ToLongFunction<Ledger.Account>>of(Ledger.Account::grossCents,
                Ledger.Account::feeCents, Ledger.Account::refundCents, Ledger.Account::netCents,
                Ledger.Account::held, Ledger.Account::expired, Ledger.Account::discountCents)) {
            assertEquals(sum.applyAsLong(total), ledger.races().stream().mapToLong(sum).sum());
        }
    }

    @Test
    void racesComeByCodeAndARaceWithOnlyHoldsIsThereWithNoMoney() {
        assertEquals(List.of("10K", "25K", "52K"), ledger.races().stream().map(Ledger.Account::raceCode).toList());
        Ledger.Account tenK = ledger.race("10K").orElseThrow();
        assertEquals(0, tenK.grossCents());
        assertEquals(0, tenK.netCents());
        assertEquals(5, tenK.held());
        assertTrue(tenK.discounts().isEmpty());
        assertTrue(ledger.race("100K").isEmpty());
    }

    @Test
    void noPaymentsMakeEmptyAccounts() {
        Ledger empty = Ledger.of(List.of(), List.of(), List.of());
        assertTrue(empty.races().isEmpty());
        assertEquals(0, empty.total().grossCents());
        assertEquals(0, empty.total().payments());
    }

    @Test
    void aRefundOfAPaymentNotAmongThePaymentsOrOfAnotherRaceIsRefused() {
        RecordedRefund stray = new RecordedRefund("r9", "zz", "52K", 100, null, Treasury.MARCH_1, null);
        assertEquals("refund r9 gives back payment zz of race 52K, which is not among the payments",
                assertThrows(IllegalArgumentException.class,
                        () -> Ledger.of(List.of(a), List.of(stray), List.of())).getMessage());
        RecordedRefund otherRace = new RecordedRefund("r8", "a", "25K", 100, null, Treasury.MARCH_1, null);
        assertThrows(IllegalArgumentException.class, () -> Ledger.of(List.of(a), List.of(otherRace), List.of()));
    }

    @Test
    void aPaymentThatContradictsItselfIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RecordedPayment("x", "52K", "e", PaymentMethod.CARD,
                null, null, 100, null, Treasury.MARCH_1, null, 0, null));
        assertThrows(IllegalArgumentException.class, () -> new RecordedPayment("x", "52K", "e", PaymentMethod.CASH,
                "cs_x", null, 100, null, Treasury.MARCH_1, null, 0, null));
        assertThrows(IllegalArgumentException.class, () -> new RecordedPayment("x", "52K", "e", PaymentMethod.CASH,
                null, null, 100, null, Treasury.MARCH_1, null, 50, null));
        assertThrows(IllegalArgumentException.class, () -> new RecordedPayment("x", "52K", "e", PaymentMethod.CASH,
                null, null, -100, null, Treasury.MARCH_1, null, 0, null));
        assertThrows(IllegalArgumentException.class,
                () -> new RecordedRefund("r", "x", "52K", 0, null, Treasury.MARCH_1, null));
    }
}
