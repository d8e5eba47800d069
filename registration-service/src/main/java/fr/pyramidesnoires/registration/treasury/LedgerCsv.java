package fr.pyramidesnoires.registration.treasury;

import fr.pyramidesnoires.csv.CsvLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The treasurer's file, semicolon-separated through the platform's one CSV rule (CsvLine, which the organiser
 * exports use too), so that no code or reason an organiser typed runs as a formula. Three tables one after the
 * other, each under its header and apart by an empty line: every payment, discount and refund by date; the
 * accounts per race then in total; the discounts per code, per race then in total. Amounts are decimals with a dot
 * (95.00), refunds negative, so that a column sums to what it says: amount to gross less refunds, fee to the fees,
 * discount to the discounts granted. Dates are the event's local time.
 */
public final class LedgerCsv {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private LedgerCsv() {
    }

    public static String write(Ledger ledger, ZoneId zone) {
        StringBuilder csv = new StringBuilder(CsvLine.of("date", "race", "kind", "method", "entry", "receipt",
                "amount", "fee", "discount", "providerReference", "discountCode", "reason"));
        List<Row> rows = new ArrayList<>();
        for (RecordedPayment p : ledger.payments()) {
            rows.add(new Row(p.paidAt(), CsvLine.of(date(p.paidAt(), zone), p.raceCode(), "PAYMENT", p.method(),
                    p.entryId(), p.receiptNumber(), Cents.decimal(p.amountCents()), decimal(p.feeCents()), null,
                    p.providerPaymentId() != null ? p.providerPaymentId() : p.providerCheckoutId(),
                    p.discountCode(), null)));
            if (p.discountCode() != null) {
                rows.add(new Row(p.paidAt(), CsvLine.of(date(p.paidAt(), zone), p.raceCode(), "DISCOUNT",
                        p.method(), p.entryId(), p.receiptNumber(), null, null, Cents.decimal(p.discountCents()),
                        null, p.discountCode(), null)));
            }
        }
        for (RecordedRefund r : ledger.refunds()) {
            RecordedPayment p = ledger.payment(r.paymentId());
            rows.add(new Row(r.at(), CsvLine.of(date(r.at(), zone), r.raceCode(), "REFUND", p.method(),
                    p.entryId(), p.receiptNumber(), Cents.decimal(-r.amountCents()), null, null,
                    r.providerRefundId(), null, r.reason())));
        }
        // stable: a payment's discount stays right under it
        rows.sort(Comparator.comparing(Row::at));
        rows.forEach(row -> csv.append(row.line()));

        csv.append('\n').append(CsvLine.of("summary", "race", "payments", "cardPayments", "card",
                "offlinePayments", "offline", "gross", "fees", "paymentsWithoutFee", "refunds", "refunded", "net",
                "discountUses", "discounts", "held", "paid", "expired"));
        ledger.races().forEach(account -> csv.append(summary("race", account)));
        csv.append(summary("total", ledger.total()));

        csv.append('\n').append(CsvLine.of("summary", "race", "discountCode", "uses", "discount"));
        ledger.races().forEach(account -> discounts(csv, "race", account));
        discounts(csv, "total", ledger.total());
        return csv.toString();
    }

    private record Row(Instant at, String line) {
    }

    private static String summary(String scope, Ledger.Account a) {
        return CsvLine.of(scope, a.raceCode(), a.payments(), a.cardPayments(), Cents.decimal(a.cardCents()),
                a.offlinePayments(), Cents.decimal(a.offlineCents()), Cents.decimal(a.grossCents()),
                Cents.decimal(a.feeCents()), a.paymentsWithoutFee(), a.refunds(), Cents.decimal(-a.refundCents()),
                Cents.decimal(a.netCents()), a.discountUses(), Cents.decimal(a.discountCents()), a.held(), a.paid(),
                a.expired());
    }

    private static void discounts(StringBuilder csv, String scope, Ledger.Account account) {
        for (Ledger.DiscountUse use : account.discounts()) {
            csv.append(CsvLine.of(scope, account.raceCode(), use.code(), use.uses(), Cents.decimal(use.cents())));
        }
    }

    private static String date(Instant at, ZoneId zone) {
        return at.atZone(zone).format(DATE);
    }

    private static BigDecimal decimal(Long cents) {
        return cents == null ? null : Cents.decimal(cents);
    }
}
