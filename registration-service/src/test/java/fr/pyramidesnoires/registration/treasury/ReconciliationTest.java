package fr.pyramidesnoires.registration.treasury;

import static fr.pyramidesnoires.registration.treasury.Treasury.MARCH_1;
import static fr.pyramidesnoires.registration.treasury.Treasury.card;
import static fr.pyramidesnoires.registration.treasury.Treasury.offline;
import static fr.pyramidesnoires.registration.treasury.Treasury.refund;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.pyramidesnoires.registration.payment.PaymentProvider.CheckoutState;
import fr.pyramidesnoires.registration.payment.PaymentProvider.CheckoutStatus;
import fr.pyramidesnoires.registration.payment.PaymentProvider.Refund;
import fr.pyramidesnoires.registration.payment.PaymentProvider.Statement;
import fr.pyramidesnoires.registration.treasury.Reconciliation.Difference;
import fr.pyramidesnoires.registration.treasury.Reconciliation.Kind;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconciliationTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Instant SINCE = MARCH_1.minusSeconds(86_400);

    private final RecordedPayment a = card("a", "52K", 9500, 168L);
    private final RecordedPayment b = card("b", "52K", 8550, null, "CLUB10", 950);
    private final RecordedPayment cheque = offline("c", "52K", PaymentMethod.CHEQUE, 9500);
    private final RecordedPayment cash = offline("d", "25K", PaymentMethod.CASH, 4000);
    private final RecordedRefund refundA = refund("r1", a, 2000, "re_1");
    private final RecordedRefund refundCheque = refund("r2", cheque, 9500, null);

    private static CheckoutState paid(RecordedPayment payment, long cents, Long fee) {
        return new CheckoutState(payment.providerCheckoutId(), CheckoutStatus.PAID, payment.id(), cents,
                payment.providerPaymentId(), fee, payment.paidAt());
    }

    private static Refund given(String id, RecordedPayment payment, long cents) {
        return new Refund(id, payment.providerPaymentId(), cents, MARCH_1.plusSeconds(86_400));
    }

    private List<Difference> compare(List<RecordedPayment> payments, List<RecordedRefund> refunds,
                                     List<CheckoutState> atProvider, List<Refund> givenByProvider) {
        return Reconciliation.compare(payments, refunds, new Statement(atProvider, givenByProvider), SINCE, EUR);
    }

    @Test
    void whenEverythingMatchesThereIsNoDifferenceAndOfflinePaymentsAreNotLookedForAtTheProvider() {
        assertEquals(List.of(), compare(List.of(a, b, cheque, cash), List.of(refundA, refundCheque),
                List.of(paid(a, 9500, 168L), paid(b, 8550, 140L)), List.of(given("re_1", a, 2000))));
    }

    @Test
    void aPaymentTheProviderTookButNobodyRecordedIsReportedWithTheReferenceItCarries() {
        RecordedPayment lost = card("x", "25K", 4500, null);
        assertEquals(List.of(new Difference(Kind.PAID_AT_PROVIDER_NOT_RECORDED, "x", "cs_x", null, 4500L,
                        "Paiement de 45 € reçu par le prestataire (session cs_x, référence x) mais absent des "
                                + "paiements enregistrés. / Payment of €45 taken by the provider (checkout cs_x, "
                                + "reference x) but not recorded.")),
                compare(List.of(a), List.of(), List.of(paid(a, 9500, 168L), paid(lost, 4500, 80L)), List.of()));
    }

    @Test
    void aRecordedCardPaymentTheProviderDoesNotHavePaidIsReported() {
        CheckoutState expired = new CheckoutState("cs_b", CheckoutStatus.EXPIRED, "b", 8550, null, null, null);
        assertEquals(List.of(new Difference(Kind.RECORDED_NOT_AT_PROVIDER, "b", "cs_b", 8550L, null,
                        "Paiement par carte b de 85,50 € enregistré, mais le prestataire n'a pas de paiement pour la "
                                + "session cs_b. / Card payment b of €85.50 recorded, but the provider has no payment "
                                + "for checkout cs_b.")),
                compare(List.of(a, b, cheque), List.of(), List.of(paid(a, 9500, 168L), expired), List.of()));
    }

    @Test
    void aPaymentRecordedBeforeTheStatementStartsIsNotLookedFor() {
        RecordedPayment old = new RecordedPayment("o", "52K", "e-o", PaymentMethod.CARD, "cs_o", "pi_o", 9500, 168L,
                SINCE.minusSeconds(1), null, 0, null);
        assertEquals(List.of(), compare(List.of(old), List.of(), List.of(), List.of()));
    }

    @Test
    void differentAmountsAndFeesAreReportedButAnUnknownFeeIsNot() {
        assertEquals(List.of(
                        new Difference(Kind.AMOUNT_DIFFERS, "a", "cs_a", 9500L, 9000L, "Paiement a : 95 € enregistrés, "
                                + "90 € chez le prestataire (session cs_a). / Payment a: €95 recorded, €90 at the "
                                + "provider (checkout cs_a)."),
                        new Difference(Kind.FEE_DIFFERS, "a", "cs_a", 168L, 175L, "Frais du paiement a : 1,68 € "
                                + "enregistrés, 1,75 € chez le prestataire (session cs_a). / Fee of payment a: €1.68 "
                                + "recorded, €1.75 at the provider (checkout cs_a).")),
                compare(List.of(a, b), List.of(), List.of(paid(a, 9000, 175L), paid(b, 8550, 140L)), List.of()));
        assertEquals(List.of(), compare(List.of(a), List.of(), List.of(paid(a, 9500, null)), List.of()));
    }

    @Test
    void aRefundTheProviderHasNotTakenIsReportedWhetherItHasItsIdOrNot() {
        RecordedRefund pending = refund("r3", b, 8550, null);
        assertEquals(List.of(
                        new Difference(Kind.REFUND_NOT_AT_PROVIDER, "r1", "re_1", 2000L, null, "Remboursement r1 de "
                                + "20 € (paiement a) enregistré, mais le prestataire n'a pas le remboursement re_1. / "
                                + "Refund r1 of €20 (payment a) recorded, but the provider has no refund re_1."),
                        new Difference(Kind.REFUND_NOT_AT_PROVIDER, "r3", null, 8550L, null, "Remboursement r3 de "
                                + "85,50 € (paiement b) enregistré mais pas encore pris par le prestataire. / Refund r3 "
                                + "of €85.50 (payment b) recorded but not yet taken by the provider.")),
                compare(List.of(a, b, cheque), List.of(refundA, pending, refundCheque),
                        List.of(paid(a, 9500, 168L), paid(b, 8550, null)), List.of()));
    }

    @Test
    void aRefundTheProviderMadeButNobodyRecordedIsReportedWithOurPayment() {
        assertEquals(List.of(new Difference(Kind.REFUND_NOT_RECORDED, "b", "re_9", null, 8550L, "Remboursement re_9 "
                        + "de 85,50 € fait par le prestataire (paiement pi_b) mais absent des remboursements "
                        + "enregistrés. / Refund re_9 of €85.50 made by the provider (payment pi_b) but not recorded.")),
                compare(List.of(a, b), List.of(refundA), List.of(paid(a, 9500, 168L), paid(b, 8550, null)),
                        List.of(given("re_1", a, 2000), given("re_9", b, 8550))));
    }

    @Test
    void aRefundOfAnotherAmountAtTheProviderIsReported() {
        assertEquals(List.of(new Difference(Kind.REFUND_AMOUNT_DIFFERS, "r1", "re_1", 2000L, 2500L, "Remboursement "
                        + "r1 : 20 € enregistrés, 25 € chez le prestataire (re_1). / Refund r1: €20 recorded, €25 at "
                        + "the provider (re_1).")),
                compare(List.of(a), List.of(refundA), List.of(paid(a, 9500, 168L)), List.of(given("re_1", a, 2500))));
    }
}
