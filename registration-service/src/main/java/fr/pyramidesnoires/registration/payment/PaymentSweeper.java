package fr.pyramidesnoires.registration.payment;

import fr.pyramidesnoires.registration.entry.Entry;
import fr.pyramidesnoires.registration.entry.EntryStatus;
import fr.pyramidesnoires.registration.entry.Registrations;
import fr.pyramidesnoires.registration.outbox.RelayLoop;
import fr.pyramidesnoires.registration.payment.PaymentProvider.CheckoutState;
import fr.pyramidesnoires.registration.payment.PaymentProvider.CheckoutStatus;
import fr.pyramidesnoires.registration.race.Race;
import fr.pyramidesnoires.registration.treasury.PaymentMethod;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Ends what waits on the provider: refunds owed are sent, a hold past its time is closed at the provider and its
 * place given on, a checkout no longer wanted is closed. The provider is asked before a hold ends, since the runner
 * may have paid a moment ago and its notification be late; with the provider down, the hold waits for it rather
 * than guess. Replicas may sweep together: every decision is taken again under the race's lock.
 */
@ApplicationScoped
public class PaymentSweeper {

    private static final Logger LOG = Logger.getLogger(PaymentSweeper.class);
    private static final int MOST_PER_ROUND = 50;

    final PaymentSettings settings;
    final Payments payments;
    final Registrations registrations;
    final EntityManager em;
    final Duration every;
    private RelayLoop loop;

    PaymentSweeper(PaymentSettings settings, Payments payments, Registrations registrations, EntityManager em,
                   @ConfigProperty(name = "registration.payment.sweep-every") Duration every) {
        this.settings = settings;
        this.payments = payments;
        this.registrations = registrations;
        this.em = em;
        this.every = every;
    }

    void start(@Observes StartupEvent start) {
        settings.provider().ifPresent(provider -> loop = RelayLoop.start("payment-sweeper", () -> {
            sweep(provider);
            return every.toMillis();
        }));
    }

    void stop(@Observes ShutdownEvent stop) throws InterruptedException {
        if (loop != null) {
            loop.stop();
        }
    }

    void sweep(PaymentProvider provider) {
        sendRefunds(provider);
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().call(() -> Entry.<Entry>find(
                        "status = ?1 and holdUntil <= ?2 order by holdUntil", EntryStatus.HELD, now)
                .page(0, MOST_PER_ROUND).list().stream().map(entry -> entry.id).toList())
                .forEach(entryId -> endHold(provider, entryId));
        // a transfer fee's checkout is the new runner's, whatever the entry: it closes at the provider on its own
        QuarkusTransaction.requiringNew().call(() -> Payment.<Payment>find("""
                        status = ?1 and purpose = ?2 and checkoutId is not null and entryId in
                            (select e.id from Entry e where e.status <> ?3)""",
                        Payment.Status.OPEN, Payment.Purpose.ENTRY, EntryStatus.HELD)
                .page(0, MOST_PER_ROUND).list().stream().map(payment -> payment.checkoutId).toList())
                .forEach(checkoutId -> close(provider, checkoutId));
        fillFees(provider);
    }

    /**
     * The provider's fee of a card payment, for the treasurer's net: a notification does not carry it, the provider
     * tells it once the payment is settled on its side.
     */
    private void fillFees(PaymentProvider provider) {
        List<String> unknown = QuarkusTransaction.requiringNew().call(() -> Payment.<Payment>find(
                        "status = ?1 and method = ?2 and feeCents is null and checkoutId is not null order by paidAt",
                        Payment.Status.PAID, PaymentMethod.CARD)
                .page(0, MOST_PER_ROUND).list().stream().map(payment -> payment.checkoutId).toList());
        for (String checkoutId : unknown) {
            try {
                Long fee = provider.checkout(checkoutId).feeCents();
                if (fee != null) {
                    QuarkusTransaction.requiringNew().run(() -> Payment.update(
                            "feeCents = ?1 where checkoutId = ?2", fee, checkoutId));
                }
            } catch (PaymentProvider.Unavailable e) {
                return;
            }
        }
    }

    /** Each refund in a transaction of its own, its row locked so that one replica only sends it. */
    private void sendRefunds(PaymentProvider provider) {
        for (int i = 0; i < MOST_PER_ROUND; i++) {
            boolean sentOne = QuarkusTransaction.requiringNew().call(() -> {
                List<PaymentRefund> pending = PaymentRefund.claimPending(1);
                if (pending.isEmpty()) {
                    return false;
                }
                PaymentRefund refund = pending.get(0);
                Payment payment = Payment.findById(refund.paymentId);
                try {
                    PaymentProvider.Refund done = provider.refund(new PaymentProvider.RefundRequest(
                            "refund-" + refund.id, payment.providerPaymentId, refund.amountCents,
                            refund.reason.name()));
                    refund.providerRefundId = done.id();
                    refund.doneAt = Instant.now();
                    return true;
                } catch (PaymentProvider.Unavailable e) {
                    refund.attempts++;
                    refund.lastError = e.getMessage();
                    LOG.warnf("Refund %s not sent yet (attempt %d): %s", refund.id, refund.attempts, e.getMessage());
                    return false;
                }
            });
            if (!sentOne) {
                return;
            }
        }
    }

    /**
     * Closes the hold's checkouts at the provider, then, none of them paid, ends the hold. A checkout found paid
     * confirms the entry instead; the provider unreachable leaves the hold as it is until the next round.
     */
    private void endHold(PaymentProvider provider, UUID entryId) {
        List<String> open = QuarkusTransaction.requiringNew().call(() -> Payment.<Payment>list(
                        "entryId = ?1 and status = ?2 and purpose = ?3 and checkoutId is not null", entryId,
                        Payment.Status.OPEN, Payment.Purpose.ENTRY)
                .stream().map(payment -> payment.checkoutId).toList());
        for (String checkoutId : open) {
            if (!close(provider, checkoutId)) {
                return;
            }
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Entry entry = Entry.findById(entryId);
            Race race = Race.lockForEntry(entry.raceCode);
            em.refresh(entry, LockModeType.PESSIMISTIC_WRITE);
            // a checkout the runner opened while the others were being closed is closed next round, then the hold ends
            boolean openedMeanwhile = Payment.count("entryId = ?1 and status = ?2 and checkoutId is not null",
                    entryId, Payment.Status.OPEN) > 0;
            if (entry.status == EntryStatus.HELD && !entry.holdUntil.isAfter(Instant.now()) && !openedMeanwhile) {
                registrations.endHold(entry, race);
            }
        });
    }

    /** @return whether the checkout is closed now, paid or not; false while the provider cannot say */
    private boolean close(PaymentProvider provider, String checkoutId) {
        CheckoutState state;
        try {
            state = provider.expire(checkoutId);
        } catch (PaymentProvider.Unavailable e) {
            LOG.warnf("Checkout %s could not be closed yet: %s", checkoutId, e.getMessage());
            return false;
        }
        payments.settle(state.status() == CheckoutStatus.OPEN
                ? new CheckoutState(state.id(), CheckoutStatus.EXPIRED, state.reference(), state.amountCents(),
                        null, null, null)
                : state);
        return true;
    }
}
