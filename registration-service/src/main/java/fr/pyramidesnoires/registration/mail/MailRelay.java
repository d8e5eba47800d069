package fr.pyramidesnoires.registration.mail;

import fr.pyramidesnoires.mail.MailRetries;
import fr.pyramidesnoires.mail.SendingPace;
import fr.pyramidesnoires.registration.outbox.RelayLoop;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Hands the runners' mails to the mail server, oldest first and at most {@code registration.mail.per-second}, and
 * deletes each once the server has taken it. A mail the server does not take is tried again later
 * ({@link MailRetries}); replicas share the work, each sending only the mails it claimed.
 */
@ApplicationScoped
public class MailRelay {

    private static final Logger LOG = Logger.getLogger(MailRelay.class);
    /** How long a mail waits at most, when none are queued before it. */
    private static final long LOOK_EVERY_MILLIS = 100;

    @ConfigProperty(name = "registration.mail.per-second")
    int perSecond;
    /** The logging mailer: Quarkus's own log of each mail, with its link, is turned off for this one. */
    @ConfigProperty(name = "quarkus.mailer.mock")
    boolean mock;

    final EntryMailer mailer;
    final Mailer server;
    private RelayLoop loop;

    MailRelay(EntryMailer mailer, Mailer server) {
        this.mailer = mailer;
        this.server = server;
    }

    void start(@Observes StartupEvent start) {
        SendingPace pace = new SendingPace(perSecond, System.nanoTime());
        loop = RelayLoop.start("runner-mails", () -> {
            int allowed = pace.allowed(System.nanoTime());
            if (allowed > 0) {
                pace.tried(sendDue(allowed));
            }
            return LOOK_EVERY_MILLIS;
        });
    }

    void stop(@Observes ShutdownEvent stop) throws InterruptedException {
        loop.stop();
    }

    /**
     * Tries at most so many mails due, returning how many were tried. They are claimed in a short transaction, then
     * sent with none open: a slow mail server must not hold a connection and locks, nor outlast the transaction's
     * timeout, which would undo the record of mails already sent and send them again. A server that fails a mail
     * likely fails the next: the rest are handed back for the next round rather than each waiting for a timeout now.
     */
    int sendDue(int most) {
        List<RunnerMail> claimed = QuarkusTransaction.requiringNew().call(() -> RunnerMail.claim(Instant.now(), most));
        long roundEnds = System.nanoTime() + RunnerMail.CLAIMED_FOR.toNanos() / 2;
        int tried = 0;
        try {
            while (tried < claimed.size() && System.nanoTime() < roundEnds) {
                if (!send(claimed.get(tried++))) {
                    break;
                }
            }
        } finally {
            List<Long> rest = claimed.subList(tried, claimed.size()).stream().map(mail -> mail.id).toList();
            if (!rest.isEmpty()) {
                QuarkusTransaction.requiringNew().run(() -> RunnerMail.release(rest, Instant.now()));
            }
        }
        return tried;
    }

    /** Whether the server took the mail; by id, as a transfer may have dropped the mail meanwhile. */
    private boolean send(RunnerMail mail) {
        try {
            server.send(mailer.write(mail));
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> failed(mail, e));
            return false;
        }
        if (mock) {
            LOG.infof("Mail not sent (MAILER_MOCK): %s", mailer.forTheLog(mail));
        }
        QuarkusTransaction.requiringNew().run(() -> RunnerMail.delete("id", mail.id));
        return true;
    }

    /** @param mail as claimed: no one else changes a claimed mail's attempts */
    private static void failed(RunnerMail mail, RuntimeException e) {
        MailRetries.Failure failure = MailRetries.failure(mail.createdAt, mail.attempts, Instant.now(), e);
        RunnerMail.update("attempts = ?1, lastError = ?2, nextAttemptAt = ?3, gaveUpAt = ?4 where id = ?5",
                failure.attempts(), failure.error(), failure.nextAttemptAt(), failure.gaveUpAt(), mail.id);
        if (failure.gaveUpAt() == null) {
            LOG.warnf("%s mail for entry %s not sent (attempt %d), tried again at %s: %s", mail.change,
                    mail.entryId, failure.attempts(), failure.nextAttemptAt(), failure.error());
        } else {
            LOG.errorf("%s mail for entry %s given up after %d attempts: %s", mail.change, mail.entryId,
                    failure.attempts(), failure.error());
        }
    }
}
