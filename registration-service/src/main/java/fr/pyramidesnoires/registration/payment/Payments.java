package fr.pyramidesnoires.registration.payment;

import fr.pyramidesnoires.registration.treasury.PaymentMethod;
import fr.pyramidesnoires.problem.Problem;
import fr.pyramidesnoires.problem.ProblemException;
import fr.pyramidesnoires.registration.entry.Entry;
import fr.pyramidesnoires.registration.entry.EntryChanged.Change;
import fr.pyramidesnoires.registration.entry.EntryConfirmation;
import fr.pyramidesnoires.registration.entry.EntryRefused;
import fr.pyramidesnoires.registration.entry.EntryStatus;
import fr.pyramidesnoires.registration.entry.RegistrationRequest;
import fr.pyramidesnoires.registration.entry.Registrations;
import fr.pyramidesnoires.registration.event.EventSettings;
import fr.pyramidesnoires.registration.payment.PaymentProvider.Checkout;
import fr.pyramidesnoires.registration.payment.PaymentProvider.CheckoutRequest;
import fr.pyramidesnoires.registration.payment.PaymentProvider.CheckoutState;
import fr.pyramidesnoires.registration.payment.PaymentProvider.CheckoutStatus;
import fr.pyramidesnoires.registration.race.Race;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The money side of an entry: a checkout opened for a held place, the provider's word that it was paid (its signed
 * notification, or our own question on the runner's return, never the return alone), money an organiser received
 * by hand, and what goes back to the runner. Every decision that gives or takes a place is made under the race's
 * lock, as registrations are, so that a payment never confirms more runners than the race has places.
 */
@ApplicationScoped
public class Payments {

    /** Stripe keeps a checkout open at least 30 minutes and at most 24 hours; ours closes it at the hold's end. */
    static final Duration SHORTEST_CHECKOUT = Duration.ofMinutes(31);
    static final Duration LONGEST_CHECKOUT = Duration.ofHours(23);

    final PaymentSettings settings;
    final Registrations registrations;
    final EventSettings event;
    final EntryPrices prices;
    final EntityManager em;
    final ObjectMapper json;
    final String publicUrl;

    Payments(PaymentSettings settings, Registrations registrations, EventSettings event, EntryPrices prices,
             EntityManager em, ObjectMapper json, @ConfigProperty(name = "registration.public-url") String publicUrl) {
        this.json = json;
        this.settings = settings;
        this.registrations = registrations;
        this.event = event;
        this.prices = prices;
        this.em = em;
        this.publicUrl = publicUrl;
    }

    /** Where the runner pays for the place held for them. */
    public record CheckoutLink(String url, long amountCents, String currency, Instant holdUntil) {
    }

    /**
     * Opens a checkout at the provider for the held entry behind the private link: a new one each time, so a
     * runner who closed the provider's page can pay again; should two be paid, the second is refunded.
     */
    public CheckoutLink openCheckout(String token) {
        PaymentProvider provider = provider();
        Payment payment = QuarkusTransaction.requiringNew().call(() -> newCheckoutPayment(token));
        Entry entry = QuarkusTransaction.requiringNew().call(() -> Entry.<Entry>findById(payment.entryId));
        return open(provider, payment, description(entry), entry.email, entry.holdUntil);
    }

    /** The checkout at the provider for a payment written down; the payment closed if the provider cannot be reached. */
    private CheckoutLink open(PaymentProvider provider, Payment payment, String description, String email,
                              Instant holdUntil) {
        Checkout checkout;
        try {
            checkout = provider.openCheckout(new CheckoutRequest("checkout-" + payment.id, payment.id.toString(),
                    payment.amountCents, payment.currency, description, email,
                    publicUrl + "/payment/return?checkout={CHECKOUT_ID}",
                    publicUrl + "/payment/return?payment=" + payment.id, payment.expiresAt));
        } catch (PaymentProvider.Unavailable e) {
            QuarkusTransaction.requiringNew().run(() -> Payment.update("status = ?1 where id = ?2",
                    Payment.Status.EXPIRED, payment.id));
            throw new ProblemException(Problem.of(503, "payment-provider-unavailable",
                    "Paiement indisponible / Payment unavailable", holdUntil == null
                            ? "Le service de paiement ne répond pas : réessayez dans un instant / The payment service"
                            + " does not answer: try again in a moment"
                            : "Le service de paiement ne répond pas : votre place reste réservée jusqu'au "
                            + event.dateTimeFr(holdUntil) + ", réessayez dans un instant / The payment service"
                            + " does not answer: your place stays held until " + event.dateTimeEn(holdUntil)
                            + ", try again in a moment"));
        }
        QuarkusTransaction.requiringNew().run(() -> Payment.update("checkoutId = ?1, checkoutUrl = ?2 where id = ?3",
                checkout.id(), checkout.url().toString(), payment.id));
        return new CheckoutLink(checkout.url().toString(), payment.amountCents, payment.currency, holdUntil);
    }

    /** What a transfer of the entry behind the private link costs the new runner now; 0 when nothing is paid here. */
    public long transferFeeCents(String token) {
        return !online() ? 0 : QuarkusTransaction.requiringNew().call(() -> Race.<Race>findById(
                Entry.activeByToken(token).raceCode).paymentTerms().transferFeeCents());
    }

    /**
     * Opens a checkout for the transfer fee, paid by the new runner: the transfer is made once it is paid, by the same
     * rules as a free one, tried first here so that a runner who cannot take the entry pays nothing.
     */
    public CheckoutLink openTransferCheckout(String token, RegistrationRequest newRunner) {
        PaymentProvider provider = provider();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Entry entry = Entry.activeByToken(token);
                registrations.transfer(entry, Race.lockForEntry(entry.raceCode), newRunner);
                throw new TriedOnly();
            });
        } catch (TriedOnly allowed) {
            // the transfer would be made: rolled back until its fee is paid
        }
        Payment payment = QuarkusTransaction.requiringNew().call(() -> {
            Entry entry = Entry.activeByToken(token);
            Race race = Race.lockForEntry(entry.raceCode);
            em.refresh(entry, LockModeType.PESSIMISTIC_WRITE);
            Payment fee = newPayment(entry, race.paymentTerms().transferFeeCents(), Instant.now());
            fee.purpose = Payment.Purpose.TRANSFER;
            fee.transferRequest = json.writeValueAsString(newRunner);
            fee.expiresAt = fee.createdAt.plus(SHORTEST_CHECKOUT);
            fee.persist();
            return fee;
        });
        Race race = QuarkusTransaction.requiringNew().call(() -> Race.<Race>findById(payment.raceCode));
        return open(provider, payment, "Transfert / Transfer — " + race.name + " — " + newRunner.firstName() + " "
                + newRunner.lastName(), newRunner.email(), null);
    }

    /** Ends a transfer tried ahead of its payment, rolling it back. */
    private static final class TriedOnly extends RuntimeException {
        TriedOnly() {
            super(null, null, false, false);
        }
    }

    private Payment newPayment(Entry entry, long amountCents, Instant now) {
        Payment payment = new Payment();
        payment.id = UUID.randomUUID();
        payment.entryId = entry.id;
        payment.raceCode = entry.raceCode;
        payment.method = PaymentMethod.CARD;
        payment.status = Payment.Status.OPEN;
        payment.amountCents = amountCents;
        payment.currency = event.currencyCode();
        payment.createdAt = now;
        return payment;
    }

    private Payment newCheckoutPayment(String token) {
        Entry entry = Entry.activeByToken(token);
        Instant now = Instant.now();
        if (entry.status != EntryStatus.HELD) {
            throw new EntryRefused(409, "nothing-to-pay", entry.status == EntryStatus.CONFIRMED
                    ? "Cette inscription est déjà payée et confirmée / This entry is already paid and confirmed"
                    : "Aucune place n'est réservée pour cette inscription / No place is held for this entry");
        }
        if (!entry.holdUntil.isAfter(now)) {
            throw new EntryRefused(409, "hold-over", "La réservation de la place a pris fin le "
                    + event.dateTimeFr(entry.holdUntil) + " / The place was held until "
                    + event.dateTimeEn(entry.holdUntil));
        }
        Payment payment = newPayment(entry, entry.amountDueCents - Payment.totals(entry.id).paidCents(), now);
        Instant end = entry.holdUntil;
        payment.expiresAt = end.isBefore(now.plus(SHORTEST_CHECKOUT)) ? now.plus(SHORTEST_CHECKOUT)
                : end.isAfter(now.plus(LONGEST_CHECKOUT)) ? now.plus(LONGEST_CHECKOUT) : end;
        payment.expiresAt = payment.expiresAt.truncatedTo(ChronoUnit.SECONDS);
        payment.persist();
        return payment;
    }

    private static String description(Entry entry) {
        Race race = Race.findById(entry.raceCode);
        return (race == null ? entry.raceCode : race.name) + " — " + entry.firstName + " " + entry.lastName;
    }

    /**
     * Acts on what the provider says of a checkout, in a transaction of its own: used on the runner's return and by
     * the sweeper, which ask the provider themselves.
     *
     * @return what became of it, in words kept with a notification
     */
    public String settle(CheckoutState state) {
        return QuarkusTransaction.requiringNew().call(() -> settleHere(state));
    }

    /**
     * Paid: the held place is confirmed, or, when the entry no longer waits for this money (already paid through
     * another tab, cancelled, its hold ended), the money goes back in full. Expired: the checkout is closed; the hold
     * itself ends at its own time. A state already acted on changes nothing, so a notification delivered twice or
     * after a later one is harmless.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    String settleHere(CheckoutState state) {
        Payment payment = Payment.byCheckout(state.id());
        if (payment == null && state.reference() != null) {
            payment = paymentByReference(state.reference());
        }
        if (payment == null) {
            return "unknown checkout " + state.id();
        }
        if (state.status() != CheckoutStatus.PAID) {
            if (state.status() == CheckoutStatus.EXPIRED && payment.status == Payment.Status.OPEN) {
                payment.status = Payment.Status.EXPIRED;
                return "checkout expired";
            }
            return "nothing to do: checkout " + state.status();
        }
        Entry entry = Entry.findById(payment.entryId);
        Race race = Race.lockForEntry(entry.raceCode);
        em.refresh(entry, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(payment, LockModeType.PESSIMISTIC_WRITE);
        if (payment.status == Payment.Status.PAID) {
            return "already settled";
        }
        payment.status = Payment.Status.PAID;
        payment.checkoutId = state.id();
        payment.providerPaymentId = state.paymentId();
        payment.amountCents = state.amountCents();
        payment.feeCents = state.feeCents();
        payment.paidAt = state.paidAt() != null ? state.paidAt() : Instant.now();
        payment.receiptNumber = nextReceiptNumber();
        if (payment.purpose == Payment.Purpose.TRANSFER) {
            return transferPaid(payment, entry, race);
        }
        if (confirmIfPaidInFull(entry, race)) {
            return "entry confirmed";
        }
        PaymentRefund.Reason reason = entry.status == EntryStatus.CONFIRMED ? PaymentRefund.Reason.DUPLICATE
                : PaymentRefund.Reason.LATE;
        PaymentRefund.of(payment, payment.amountCents, reason);
        registrations.tell(Change.REFUNDED, entry);
        return "refunded in full: " + reason;
    }

    /** The fee is in: the transfer is made, or, the new runner no longer able to take the entry, the fee goes back. */
    private String transferPaid(Payment payment, Entry entry, Race race) {
        try {
            if (entry.status == EntryStatus.CANCELLED) {
                throw new EntryRefused(409, "already-cancelled", "entry cancelled before the transfer was paid");
            }
            registrations.transfer(entry, race, json.readValue(payment.transferRequest, RegistrationRequest.class));
            payment.transferRequest = null;
            return "transferred";
        } catch (ProblemException | JsonProcessingException refused) {
            // the new runner's details were kept only to make the transfer
            payment.transferRequest = null;
            PaymentRefund.of(payment, payment.amountCents, PaymentRefund.Reason.TRANSFER_REFUSED);
            return "transfer refused, fee refunded in full: " + refused.getMessage();
        }
    }

    static Payment paymentByReference(String reference) {
        try {
            return Payment.findById(UUID.fromString(reference));
        } catch (IllegalArgumentException notOurs) {
            return null;
        }
    }

    private long nextReceiptNumber() {
        return ((Number) em.createNativeQuery("SELECT nextval('receipt_number')").getSingleResult()).longValue();
    }

    /**
     * An organiser records money received by hand (cheque, cash, bank transfer): a held entry paid in full is
     * confirmed with it, under its race's lock like a payment online.
     */
    @Transactional
    public Payment recordByHand(UUID entryId, PaymentMethod method, long amountCents, String note, String organiser) {
        if (method == PaymentMethod.CARD) {
            throw new EntryRefused(422, "method", "Un paiement par carte passe par le prestataire ; ici : CHEQUE,"
                    + " CASH ou TRANSFER / A card payment goes through the provider; here: CHEQUE, CASH or TRANSFER",
                    "method");
        }
        Entry entry = Entry.byId(entryId, LockModeType.NONE);
        Race race = Race.lockForEntry(entry.raceCode);
        em.refresh(entry, LockModeType.PESSIMISTIC_WRITE);
        if (entry.status != EntryStatus.HELD && entry.status != EntryStatus.CONFIRMED) {
            throw new EntryRefused(409, "no-place-to-pay", "Aucune place n'est réservée ni confirmée pour cette"
                    + " inscription (" + entry.status + ") / No place is held or confirmed for this entry ("
                    + entry.status + ")");
        }
        Payment payment = new Payment();
        payment.id = UUID.randomUUID();
        payment.entryId = entry.id;
        payment.raceCode = entry.raceCode;
        payment.method = method;
        payment.status = Payment.Status.PAID;
        payment.amountCents = amountCents;
        payment.currency = event.currencyCode();
        payment.createdAt = Instant.now();
        payment.paidAt = payment.createdAt;
        payment.recordedBy = organiser;
        payment.note = note;
        payment.receiptNumber = nextReceiptNumber();
        payment.persist();
        confirmIfPaidInFull(entry, race);
        return payment;
    }

    /** A held entry whose payments, online or by hand, now cover its bill gets its place; under its race's lock. */
    private boolean confirmIfPaidInFull(Entry entry, Race race) {
        if (entry.status == EntryStatus.HELD && Payment.totals(entry.id).paidCents() >= entry.amountDueCents) {
            registrations.confirmPaid(entry, race);
            return true;
        }
        return false;
    }

    /**
     * What the race's refund policy gives back to a runner who cancels, written down to be refunded, from the latest
     * payment back. Called in the cancellation's transaction, so that the runner's mail says it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refundOnCancellation(Entry entry, Race race) {
        List<Payment> paid = Payment.<Payment>list("entryId = ?1 and status = ?2", entry.id, Payment.Status.PAID)
                .stream().sorted(Comparator.comparing((Payment p) -> p.paidAt).reversed()).toList();
        if (paid.isEmpty()) {
            return;
        }
        Payment.Totals totals = Payment.totals(entry.id);
        long owed = prices.refundOnCancellation(race, entry, totals.paidCents(), totals.refundedCents(),
                Instant.now());
        for (Payment payment : paid) {
            long left = payment.amountCents - PaymentRefund.ofPayment(payment.id).stream()
                    .mapToLong(refund -> refund.amountCents).sum();
            long now = Math.min(owed, left);
            if (now > 0) {
                PaymentRefund.of(payment, now, PaymentRefund.Reason.CANCELLED);
                owed -= now;
            }
        }
    }

    /** The money of the entry, as the runner's page shows it. */
    public PaymentView view(EntryConfirmation entry) {
        return PaymentView.of(entry, settings, event, Payment.ofEntry(entry.id()));
    }

    /** Whether the event takes payments online. */
    public boolean online() {
        return settings.provider().isPresent();
    }

    PaymentProvider provider() {
        return settings.provider().orElseThrow(() -> new ProblemException(Problem.of(404, "no-payments",
                "Pas de paiement en ligne / No online payment",
                "Cette épreuve ne prend pas de paiement en ligne / This event takes no online payment")));
    }
}
