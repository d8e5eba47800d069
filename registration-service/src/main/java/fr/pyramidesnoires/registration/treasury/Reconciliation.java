package fr.pyramidesnoires.registration.treasury;

import fr.pyramidesnoires.registration.payment.PaymentProvider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What registration recorded against what the provider says it took and gave back: every difference, each in a
 * sentence the treasurer can act on. Payments match by the provider's checkout, refunds by the provider's refund.
 * Offline payments and their refunds never went through the provider and are not looked for there. The statement
 * starts at a date: what was recorded before it is only compared when the statement has it.
 */
public final class Reconciliation {

    private final Currency currency;
    private final List<Difference> differences = new ArrayList<>();

    private Reconciliation(Currency currency) {
        this.currency = currency;
    }

    public enum Kind {
        PAID_AT_PROVIDER_NOT_RECORDED, RECORDED_NOT_AT_PROVIDER, AMOUNT_DIFFERS, FEE_DIFFERS,
        REFUND_NOT_AT_PROVIDER, REFUND_NOT_RECORDED, REFUND_AMOUNT_DIFFERS
    }

    /**
     * @param recordedId    our payment's or refund's id; for a payment only the provider has, the reference it
     *                      carries (our payment's id as the checkout was opened with it); for a refund only the
     *                      provider has, our payment it gives back, or null when none has its payment
     * @param providerId    the provider's checkout (payments) or refund (refunds); null for a refund it has not taken
     * @param recordedCents our amount, or fee for FEE_DIFFERS; null when we have none
     * @param providerCents the provider's amount, or fee for FEE_DIFFERS; null when it has none
     * @param sentence      French then English
     */
    public record Difference(Kind kind, String recordedId, String providerId, Long recordedCents,
                             Long providerCents, String sentence) {
    }

    /**
     * @param statement the provider's statement since {@code since}
     * @param currency  the event's, for the sentences
     * @return the differences, payments first, in the order recorded then the statement's; empty when all match
     */
    public static List<Difference> compare(List<RecordedPayment> payments, List<RecordedRefund> refunds,
                                           PaymentProvider.Statement statement, Instant since, Currency currency) {
        Reconciliation reconciliation = new Reconciliation(currency);
        reconciliation.payments(payments, statement.payments(), since);
        reconciliation.refunds(refunds, payments, statement.refunds(), since);
        return List.copyOf(reconciliation.differences);
    }

    private void payments(List<RecordedPayment> payments, List<PaymentProvider.CheckoutState> statement,
                          Instant since) {
        Map<String, PaymentProvider.CheckoutState> unmatched = new LinkedHashMap<>();
        statement.stream().filter(state -> state.status() == PaymentProvider.CheckoutStatus.PAID)
                .forEach(state -> unmatched.put(state.id(), state));
        for (RecordedPayment payment : payments) {
            if (payment.method().offline()) {
                continue;
            }
            PaymentProvider.CheckoutState paid = unmatched.remove(payment.providerCheckoutId());
            if (paid == null) {
                if (!payment.paidAt().isBefore(since)) {
                    add(Kind.RECORDED_NOT_AT_PROVIDER, payment.id(), payment.providerCheckoutId(),
                            payment.amountCents(), null,
                            "Paiement par carte " + payment.id() + " de " + fr(payment.amountCents())
                                    + " enregistré, mais le prestataire n'a pas de paiement pour la session "
                                    + payment.providerCheckoutId() + ".",
                            "Card payment " + payment.id() + " of " + en(payment.amountCents())
                                    + " recorded, but the provider has no payment for checkout "
                                    + payment.providerCheckoutId() + ".");
                }
                continue;
            }
            if (paid.amountCents() != payment.amountCents()) {
                add(Kind.AMOUNT_DIFFERS, payment.id(), paid.id(), payment.amountCents(), paid.amountCents(),
                        "Paiement " + payment.id() + " : " + fr(payment.amountCents()) + " enregistrés, "
                                + fr(paid.amountCents()) + " chez le prestataire (session " + paid.id() + ").",
                        "Payment " + payment.id() + ": " + en(payment.amountCents()) + " recorded, "
                                + en(paid.amountCents()) + " at the provider (checkout " + paid.id() + ").");
            }
            if (payment.feeCents() != null && paid.feeCents() != null
                    && !payment.feeCents().equals(paid.feeCents())) {
                add(Kind.FEE_DIFFERS, payment.id(), paid.id(), payment.feeCents(), paid.feeCents(),
                        "Frais du paiement " + payment.id() + " : " + fr(payment.feeCents()) + " enregistrés, "
                                + fr(paid.feeCents()) + " chez le prestataire (session " + paid.id() + ").",
                        "Fee of payment " + payment.id() + ": " + en(payment.feeCents()) + " recorded, "
                                + en(paid.feeCents()) + " at the provider (checkout " + paid.id() + ").");
            }
        }
        for (PaymentProvider.CheckoutState paid : unmatched.values()) {
            add(Kind.PAID_AT_PROVIDER_NOT_RECORDED, paid.reference(), paid.id(), null, paid.amountCents(),
                    "Paiement de " + fr(paid.amountCents()) + " reçu par le prestataire (session " + paid.id()
                            + ", référence " + paid.reference() + ") mais absent des paiements enregistrés.",
                    "Payment of " + en(paid.amountCents()) + " taken by the provider (checkout " + paid.id()
                            + ", reference " + paid.reference() + ") but not recorded.");
        }
    }

    private void refunds(List<RecordedRefund> refunds, List<RecordedPayment> payments,
                         List<PaymentProvider.Refund> statement, Instant since) {
        Map<String, RecordedPayment> paymentsById = payments.stream()
                .collect(Collectors.toMap(RecordedPayment::id, Function.identity()));
        Map<String, PaymentProvider.Refund> unmatched = new LinkedHashMap<>();
        statement.forEach(refund -> unmatched.put(refund.id(), refund));
        for (RecordedRefund refund : refunds) {
            RecordedPayment payment = paymentsById.get(refund.paymentId());
            if (refund.providerRefundId() == null) {
                if (payment == null || !payment.method().offline()) {
                    add(Kind.REFUND_NOT_AT_PROVIDER, refund.id(), null, refund.amountCents(), null,
                            "Remboursement " + refund.id() + " de " + fr(refund.amountCents()) + " (paiement "
                                    + refund.paymentId() + ") enregistré mais pas encore pris par le prestataire.",
                            "Refund " + refund.id() + " of " + en(refund.amountCents()) + " (payment "
                                    + refund.paymentId() + ") recorded but not yet taken by the provider.");
                }
                continue;
            }
            PaymentProvider.Refund given = unmatched.remove(refund.providerRefundId());
            if (given == null) {
                if (!refund.at().isBefore(since)) {
                    add(Kind.REFUND_NOT_AT_PROVIDER, refund.id(), refund.providerRefundId(), refund.amountCents(),
                            null,
                            "Remboursement " + refund.id() + " de " + fr(refund.amountCents()) + " (paiement "
                                    + refund.paymentId() + ") enregistré, mais le prestataire n'a pas le "
                                    + "remboursement " + refund.providerRefundId() + ".",
                            "Refund " + refund.id() + " of " + en(refund.amountCents()) + " (payment "
                                    + refund.paymentId() + ") recorded, but the provider has no refund "
                                    + refund.providerRefundId() + ".");
                }
            } else if (given.amountCents() != refund.amountCents()) {
                add(Kind.REFUND_AMOUNT_DIFFERS, refund.id(), given.id(), refund.amountCents(), given.amountCents(),
                        "Remboursement " + refund.id() + " : " + fr(refund.amountCents()) + " enregistrés, "
                                + fr(given.amountCents()) + " chez le prestataire (" + given.id() + ").",
                        "Refund " + refund.id() + ": " + en(refund.amountCents()) + " recorded, "
                                + en(given.amountCents()) + " at the provider (" + given.id() + ").");
            }
        }
        Map<String, String> byProviderPayment = new LinkedHashMap<>();
        payments.stream().filter(p -> p.providerPaymentId() != null)
                .forEach(p -> byProviderPayment.put(p.providerPaymentId(), p.id()));
        for (PaymentProvider.Refund given : unmatched.values()) {
            add(Kind.REFUND_NOT_RECORDED, byProviderPayment.get(given.paymentId()), given.id(), null,
                    given.amountCents(),
                    "Remboursement " + given.id() + " de " + fr(given.amountCents()) + " fait par le prestataire "
                            + "(paiement " + given.paymentId() + ") mais absent des remboursements enregistrés.",
                    "Refund " + given.id() + " of " + en(given.amountCents()) + " made by the provider (payment "
                            + given.paymentId() + ") but not recorded.");
        }
    }

    private void add(Kind kind, String recordedId, String providerId, Long recordedCents, Long providerCents,
                     String french, String english) {
        differences.add(new Difference(kind, recordedId, providerId, recordedCents, providerCents,
                french + " / " + english));
    }

    private String fr(long cents) {
        return Cents.french(cents, currency);
    }

    private String en(long cents) {
        return Cents.english(cents, currency);
    }
}
