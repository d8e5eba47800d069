package fr.pyramidesnoires.registration.payment;

import fr.pyramidesnoires.registration.entry.EntryConfirmation;
import fr.pyramidesnoires.registration.event.EventSettings;
import java.util.List;

/**
 * The money of an entry as the runner's page shows it.
 *
 * @param online   whether the event takes payments here; the fee is paid elsewhere otherwise
 * @param emulated payments go to the local emulation, which takes no money: the page says so
 * @param receipts one for every payment received
 */
public record PaymentView(boolean online, boolean emulated, String holdUntilFr, String holdUntilEn, String paidFr,
                          String paidEn, String refundedFr, String refundedEn, List<ReceiptLink> receipts) {

    public record ReceiptLink(long number, String paidOnFr, String amountFr, String amountEn, String paymentId) {
    }

    static PaymentView of(EntryConfirmation entry, PaymentSettings settings, EventSettings event,
                          List<Payment> payments) {
        boolean online = settings.provider().isPresent();
        return new PaymentView(online, online && !settings.provider().get().live(),
                event.dateTimeFr(entry.holdUntil()), event.dateTimeEn(entry.holdUntil()),
                event.feeFr(entry.paid()), event.feeEn(entry.paid()),
                event.feeFr(entry.refunded()), event.feeEn(entry.refunded()),
                payments.stream().filter(payment -> payment.status == Payment.Status.PAID)
                        .map(payment -> new ReceiptLink(payment.receiptNumber, event.dateTimeFr(payment.paidAt),
                                event.centsFr(payment.amountCents), event.centsEn(payment.amountCents),
                                payment.id.toString()))
                        .toList());
    }
}
