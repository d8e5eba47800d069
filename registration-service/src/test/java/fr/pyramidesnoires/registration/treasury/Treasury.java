package fr.pyramidesnoires.registration.treasury;

import java.time.Instant;

/** Payments and refunds as the tests record them: two races, a card and the offline methods. */
final class Treasury {

    static final Instant MARCH_1 = Instant.parse("2027-03-01T09:00:00Z");

    private Treasury() {
    }

    static RecordedPayment card(String id, String race, long cents, Long fee, String code, long discount) {
        return new RecordedPayment(id, race, "e-" + id, PaymentMethod.CARD, "cs_" + id, "pi_" + id, cents, fee,
                MARCH_1, code, discount, "R-2027-" + id);
    }

    static RecordedPayment card(String id, String race, long cents, Long fee) {
        return card(id, race, cents, fee, null, 0);
    }

    static RecordedPayment offline(String id, String race, PaymentMethod method, long cents) {
        return new RecordedPayment(id, race, "e-" + id, method, null, null, cents, null, MARCH_1, null, 0,
                "R-2027-" + id);
    }

    static RecordedRefund refund(String id, RecordedPayment payment, long cents, String providerRefundId) {
        return new RecordedRefund(id, payment.id(), payment.raceCode(), cents, providerRefundId,
                MARCH_1.plusSeconds(86_400), "abandon");
    }
}
