package fr.pyramidesnoires.registration.payment;

import fr.pyramidesnoires.problem.Problem;
import fr.pyramidesnoires.problem.ProblemException;
import fr.pyramidesnoires.registration.payment.PaymentProvider.Notification;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The provider's notifications: each one's signature checked before anything is read from it, each kept, and each
 * acted on once. A refused one is kept too, and logged, so that an organiser sees who sends forged payments.
 */
@ApplicationScoped
public class ProviderNotices {

    private static final Logger LOG = Logger.getLogger(ProviderNotices.class);

    final PaymentSettings settings;
    final Payments payments;
    final EntityManager em;

    ProviderNotices(PaymentSettings settings, Payments payments, EntityManager em) {
        this.settings = settings;
        this.payments = payments;
        this.em = em;
    }

    /** @return what was done with it */
    public String receive(String payload, String signature) {
        PaymentProvider provider = payments.provider();
        Notification notification;
        try {
            notification = provider.verify(payload, signature);
        } catch (PaymentProvider.NotificationRefused refused) {
            QuarkusTransaction.requiringNew().run(() -> ProviderNotice.refused(payload, refused.getMessage()).persist());
            LOG.warnf("A payment notification was refused: %s", refused.getMessage());
            throw new ProblemException(Problem.of(400, "notification-refused",
                    "Notification refusée / Notification refused", refused.getMessage()));
        }
        // the notice and what it does commit together: a failure leaves neither, and the provider sends it again
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!firstTime(notification, payload)) {
                return "already handled";
            }
            String outcome = notification.checkout() == null ? "kept, nothing to do for " + notification.type()
                    : payments.settleHere(notification.checkout());
            ProviderNotice.update("outcome = ?1 where id = ?2", outcome, notification.id());
            return outcome;
        });
    }

    /** Writes the notice down unless another delivery of it (here or on another replica) already did. */
    private boolean firstTime(Notification notification, String payload) {
        return em.createNativeQuery("""
                        INSERT INTO providernotice (id, type, receivedat, signatureok, payload)
                        VALUES (?1, ?2, ?3, true, ?4) ON CONFLICT (id) DO NOTHING""")
                .setParameter(1, notification.id())
                .setParameter(2, notification.type())
                .setParameter(3, Instant.now())
                .setParameter(4, payload)
                .executeUpdate() == 1;
    }
}
