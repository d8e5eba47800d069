package fr.pyramidesnoires.registration.payment;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pyramidesnoires.registration.entry.Entry;
import fr.pyramidesnoires.registration.entry.EntryRefused;
import fr.pyramidesnoires.registration.entry.EntryStatus;
import fr.pyramidesnoires.registration.event.EventSettings;
import fr.pyramidesnoires.registration.price.Bill;
import fr.pyramidesnoires.registration.race.Race;
import fr.pyramidesnoires.registration.treasury.HoldCounts;
import fr.pyramidesnoires.registration.treasury.Ledger;
import fr.pyramidesnoires.registration.treasury.Receipt;
import fr.pyramidesnoires.registration.treasury.ReceiptPdf;
import fr.pyramidesnoires.registration.treasury.RecordedPayment;
import fr.pyramidesnoires.registration.treasury.RecordedRefund;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The money as registration recorded it: the treasurer's ledger, and each payment's receipt. */
@ApplicationScoped
public class Books {

    final EventSettings event;
    final ObjectMapper json;
    final Receipt.Issuer issuer;

    Books(EventSettings event, ObjectMapper json,
          @ConfigProperty(name = "registration.receipt.issuer") String issuer,
          @ConfigProperty(name = "registration.receipt.address") java.util.Optional<String> address) {
        this.event = event;
        this.json = json;
        this.issuer = new Receipt.Issuer(issuer, address.orElse(null));
    }

    @Transactional
    public Ledger ledger() {
        Set<UUID> discounted = new HashSet<>();
        List<RecordedPayment> payments = Payment.<Payment>list("status = ?1 order by paidAt", Payment.Status.PAID)
                .stream().map(payment -> recorded(payment, discounted)).toList();
        List<RecordedRefund> refunds = PaymentRefund.<PaymentRefund>listAll().stream()
                .map(refund -> new RecordedRefund(refund.id.toString(), refund.paymentId.toString(), refund.raceCode,
                        refund.amountCents, refund.providerRefundId, refund.doneAt != null ? refund.doneAt
                        : refund.createdAt, refund.reason.name()))
                .toList();
        List<HoldCounts> holds = Race.<Race>listAll().stream().map(race -> new HoldCounts(race.code,
                Entry.count("raceCode = ?1 and status = ?2", race.code, EntryStatus.HELD),
                Entry.count("raceCode = ?1 and status = ?2 and id in (select p.entryId from Payment p where"
                        + " p.status = ?3)", race.code, EntryStatus.CONFIRMED, Payment.Status.PAID),
                Entry.count("raceCode = ?1 and holdExpiredAt is not null", race.code))).toList();
        return Ledger.of(payments, refunds, holds);
    }

    /** The entry's discount is booked on its first payment, the one that paid the bill it is written on. */
    private RecordedPayment recorded(Payment payment, Set<UUID> discounted) {
        Entry entry = Entry.findById(payment.entryId);
        long discount = 0;
        String code = null;
        if (entry.discountCode != null && discounted.add(entry.id)) {
            code = entry.discountCode;
            discount = -EntryPrices.billOf(entry, json).lines().stream().filter(line -> line.kind() == Bill.Kind.DISCOUNT)
                    .mapToLong(Bill.Line::amountCents).sum();
        }
        return new RecordedPayment(payment.id.toString(), payment.raceCode, entry.id.toString(), payment.method,
                payment.checkoutId, payment.providerPaymentId, payment.amountCents, payment.feeCents,
                payment.paidAt, code, discount, receiptNumber(payment));
    }

    /** The receipt of a payment of the entry behind the private link. */
    @Transactional
    public byte[] receipt(String token, UUID paymentId) {
        Entry entry = Entry.byToken(token);
        Payment payment = Payment.findById(paymentId);
        if (payment == null || !payment.entryId.equals(entry.id) || payment.status != Payment.Status.PAID) {
            throw new EntryRefused(404, "unknown-receipt", "Aucun reçu de cette inscription n'a ce numéro / No"
                    + " receipt of this entry has this number");
        }
        Race race = Race.findById(entry.raceCode);
        Bill bill = EntryPrices.billOf(entry, json);
        List<Receipt.Line> lines = payment.purpose == Payment.Purpose.TRANSFER
                ? List.of(new Receipt.Line("Frais de transfert / Transfer fee — " + race.name, payment.amountCents))
                : bill != null && bill.totalCents() == payment.amountCents
                ? bill.lines().stream().map(line -> new Receipt.Line(label(line), line.amountCents())).toList()
                : List.of(new Receipt.Line("Inscription / Entry — " + race.name, payment.amountCents));
        List<Receipt.Refunded> refunds = PaymentRefund.ofPayment(payment.id).stream()
                .map(refund -> new Receipt.Refunded(refund.createdAt, refund.amountCents)).toList();
        return new ReceiptPdf().write(new Receipt(issuer, receiptNumber(payment), payment.paidAt, event.zone(),
                new Receipt.Payer(entry.firstName + " " + entry.lastName, entry.email), race.name, entry.bib, lines,
                payment.amountCents, event.currency(), new Receipt.Settlement(payment.method,
                payment.method.offline() ? payment.note : payment.providerPaymentId), refunds));
    }

    private static String label(Bill.Line line) {
        return line.label() + (line.size() != null ? " (" + line.size() + ")" : "")
                + (line.quantity() > 1 ? " × " + line.quantity() : "");
    }

    private static String receiptNumber(Payment payment) {
        return payment.receiptNumber == null ? null : "R-" + payment.paidAt.atOffset(ZoneOffset.UTC).getYear() + "-"
                + String.format("%06d", payment.receiptNumber);
    }
}
