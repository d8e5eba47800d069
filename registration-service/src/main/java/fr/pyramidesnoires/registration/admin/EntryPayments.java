package fr.pyramidesnoires.registration.admin;

import fr.pyramidesnoires.registration.event.EventSettings;
import fr.pyramidesnoires.registration.payment.Payment;
import fr.pyramidesnoires.registration.payment.PaymentRefund;
import java.util.List;
import java.util.UUID;

/** Every payment of an entry as the organiser's page shows it: online or by hand, with what went back. */
public record EntryPayments(List<Line> payments) {

    /**
     * @param status    OPEN while the runner is on the provider's page, PAID, EXPIRED
     * @param receipt   the receipt's number, once paid
     * @param recordedBy the organiser who recorded money received by hand
     */
    public record Line(String methodFr, String methodEn, Payment.Status status, String amountFr, String amountEn,
                       String paidAt, Long receipt, String note, String recordedBy, List<Refund> refunds) {
    }

    /** @param doneAt null while the refund waits for the provider */
    public record Refund(String amountFr, String amountEn, PaymentRefund.Reason reason, String doneAt) {
    }

    static EntryPayments of(UUID entryId, EventSettings event) {
        return new EntryPayments(Payment.ofEntry(entryId).stream().map(payment -> new Line(payment.method.french(),
                payment.method.english(), payment.status, event.centsFr(payment.amountCents),
                event.centsEn(payment.amountCents), payment.paidAt == null ? null : event.dateTimeFr(payment.paidAt),
                payment.receiptNumber, payment.note, payment.recordedBy,
                PaymentRefund.ofPayment(payment.id).stream().map(refund -> new Refund(
                        event.centsFr(refund.amountCents), event.centsEn(refund.amountCents), refund.reason,
                        refund.doneAt == null ? null : event.dateTimeFr(refund.doneAt))).toList())).toList());
    }
}
