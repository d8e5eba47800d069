package fr.pyramidesnoires.registration.price;

import static fr.pyramidesnoires.registration.price.SampleTerms.EUR;
import static fr.pyramidesnoires.registration.price.SampleTerms.PARIS;
import static fr.pyramidesnoires.registration.price.SampleTerms.RACE_FEE;
import static fr.pyramidesnoires.registration.price.SampleTerms.TERMS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RefundPolicyTest {

    /** Race day is Saturday the 20th of March 2027, in Paris. */
    static final OffsetDateTime START = OffsetDateTime.parse("2027-03-20T05:00:00+01:00");

    static Instant at(String time) {
        return OffsetDateTime.parse(time).toInstant();
    }

    /** 100 % until 60 days before race day, 50 % until 15 days before, then nothing; 122 € paid. */
    @ParameterizedTest(name = "cancelled at {0}: {1} days left, {2} %, {3} cents")
    @CsvSource({
            "2026-10-01T10:00:00+02:00, 170, 100, 12200",
            "2027-01-18T23:59:59+01:00,  61, 100, 12200",
            "2027-01-19T00:00:00+01:00,  60, 100, 12200",
            "2027-01-19T23:59:59+01:00,  60, 100, 12200",
            "2027-01-20T00:00:00+01:00,  59,  50,  6100",
            "2027-03-05T23:59:59+01:00,  15,  50,  6100",
            "2027-03-06T00:00:00+01:00,  14,   0,     0",
            "2027-03-19T23:59:59+01:00,   1,   0,     0",
            "2027-03-20T00:00:00+01:00,   0,   0,     0",
            "2027-03-20T06:00:00+01:00,   0,   0,     0",
            "2027-03-21T09:00:00+01:00,  -1,   0,     0"})
    void theShareIsThatOfTheFirstStepNoMoreDaysAheadThanTheDaysLeft(String now, long daysLeft, int percent,
                                                                    long cents) {
        assertEquals(new Refund(daysLeft, percent, cents), TERMS.refund(at(now), START, PARIS, 12200, 0));
    }

    @Test
    void daysAreCountedInTheEventsZone() {
        Instant parisMidnightThirty = Instant.parse("2027-01-18T23:30:00Z");
        assertEquals(60, TERMS.refund(parisMidnightThirty, START, PARIS, 12200, 0).daysLeft());
        assertEquals(100, TERMS.refund(parisMidnightThirty, START, PARIS, 12200, 0).percent());
    }

    @Test
    void aStepOnRaceDayHoldsUntilTheStartAndNotAfter() {
        PaymentTerms raceDay = new PaymentTerms(null, null, null, List.of(new RefundStep(0, 25)), null);
        assertEquals(new Refund(0, 25, 2500), raceDay.refund(at("2027-03-20T04:59:59+01:00"), START, PARIS,
                10000, 0));
        assertEquals(new Refund(0, 0, 0), raceDay.refund(at("2027-03-20T05:00:00+01:00"), START, PARIS, 10000, 0));
    }

    @Test
    void withoutPolicyNothingIsRefunded() {
        assertEquals(new Refund(170, 0, 0), PaymentTerms.NONE.refund(at("2026-10-01T10:00:00+02:00"), START,
                PARIS, 12200, 0));
    }

    @Test
    void theShareAppliesToWhatIsLeftAfterEarlierRefundsRoundedDown() {
        Instant halfBack = at("2027-02-01T12:00:00+01:00");
        assertEquals(5500, TERMS.refund(halfBack, START, PARIS, 12200, 1200).cents());
        assertEquals(4999, TERMS.refund(halfBack, START, PARIS, 9999, 0).cents());
        assertEquals(0, TERMS.refund(halfBack, START, PARIS, 12200, 12200).cents());
        assertEquals(2, TERMS.refund(at("2026-10-01T10:00:00+02:00"), START, PARIS, 12200, 12198).cents());
        assertThrows(IllegalArgumentException.class, () -> TERMS.refund(halfBack, START, PARIS, 12200, 12201));
        assertThrows(IllegalArgumentException.class, () -> TERMS.refund(halfBack, START, PARIS, 12200, -1));
    }

    @Test
    void aDonationIsNotRefunded() {
        Bill bill = TERMS.bill("110K", at("2027-02-01T12:00:00+01:00"), "SE", RACE_FEE,
                List.of(new ExtraChoice("meal", null, 1, null), new ExtraChoice("donation", null, 1, 3000L)),
                Map.of(), null, 0, EUR);
        assertEquals(9500 + 1200 + 3000, bill.totalCents());
        assertEquals(9500 + 1200, bill.refundableCents());
        assertEquals(9500 + 1200, TERMS.refund(at("2026-10-01T10:00:00+02:00"), START, PARIS,
                bill.refundableCents(), 0).cents());
    }
}
