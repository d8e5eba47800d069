package fr.pyramidesnoires.results.alerts;

import fr.pyramidesnoires.mail.MailRetries;
import fr.pyramidesnoires.mail.SendingPace;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Hands the followers' mails to the mail server at registration's pace ({@link SendingPace}) and retries
 * ({@link MailRetries}). Replicas share the work: each sends only the mails it claimed, and a mail is marked sent,
 * never deleted, as the record that its passage was told.
 */
@ApplicationScoped
public class AlertRelay {

    private static final Logger LOG = Logger.getLogger(AlertRelay.class);
    /** How long a mail waits at most, when none are queued before it. */
    private static final long LOOK_EVERY_MILLIS = 100;
    /** A round of sending ends at half of it, so that another replica never claims a mail still being sent. */
    private static final Duration CLAIMED_FOR = Duration.ofMinutes(10);

    @ConfigProperty(name = "results.alerts.mail.per-second")
    int perSecond;
    /** The logging mailer: Quarkus's own log of each mail, with its links, is turned off. */
    @ConfigProperty(name = "quarkus.mailer.mock")
    boolean mock;

    final AlertMails mails;
    final Mailer server;
    final EntityManager em;
    private ScheduledExecutorService loop;

    AlertRelay(AlertMails mails, Mailer server, EntityManager em) {
        this.mails = mails;
        this.server = server;
        this.em = em;
    }

    void start(@Observes StartupEvent start) {
        SendingPace pace = new SendingPace(perSecond, System.nanoTime());
        loop = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "alert-mails");
            thread.setDaemon(true);
            return thread;
        });
        loop.scheduleWithFixedDelay(() -> {
            try {
                int allowed = pace.allowed(System.nanoTime());
                if (allowed > 0) {
                    pace.tried(sendDue(allowed));
                }
            } catch (RuntimeException e) {
                // the database may be back at the next round; a loop that stopped would send nothing until a restart
                LOG.warnf("Sending alert mails failed, trying again: %s", e.getMessage());
            }
        }, 0, LOOK_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stop) throws InterruptedException {
        loop.shutdown();
        loop.awaitTermination(10, TimeUnit.SECONDS);
    }

    /**
     * Tries at most so many mails due, returning how many were tried. They are claimed in a short transaction and
     * sent with none open, so that a slow mail server holds no lock; after a failure the rest wait for the next round.
     */
    int sendDue(int most) {
        Instant now = Instant.now();
        List<FollowerMail> claimed = QuarkusTransaction.requiringNew().call(() -> claim(now, most));
        if (claimed.isEmpty()) {
            return 0;
        }
        Map<Long, String> recipients = QuarkusTransaction.requiringNew().call(() -> Follower.<Follower>list(
                "id in ?1", claimed.stream().map(m -> m.followerId).toList()).stream()
                .collect(Collectors.toMap(f -> f.id, f -> f.email)));
        long roundEnds = System.nanoTime() + CLAIMED_FOR.toNanos() / 2;
        int tried = 0;
        while (tried < claimed.size() && System.nanoTime() < roundEnds) {
            FollowerMail mail = claimed.get(tried++);
            String recipient = recipients.get(mail.followerId);
            // a follower who stopped meanwhile took their mails with them
            if (recipient == null) {
                continue;
            }
            if (mail.kind == FollowerMail.Kind.PASSAGE
                    && mail.createdAt.isBefore(Instant.now().minus(AlertRules.NEWS_FOR))) {
                // a mail server down for hours: the passage is on the runner page, and old news by mail
                QuarkusTransaction.requiringNew().run(() -> FollowerMail.update(
                        "gaveUpAt = ?1, token = null, lastError = 'no longer news' where id = ?2", Instant.now(),
                        mail.id));
                continue;
            }
            if (!send(mail, recipient)) {
                break;
            }
        }
        List<Long> rest = claimed.subList(tried, claimed.size()).stream().map(m -> m.id).toList();
        if (!rest.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> FollowerMail.update("nextAttemptAt = ?1 where id in ?2",
                    Instant.now(), rest));
        }
        return tried;
    }

    /** The oldest mails due, put out of the other replicas' reach until the claim runs out. */
    @SuppressWarnings("unchecked")
    private List<FollowerMail> claim(Instant now, int most) {
        List<Number> ids = em.createNativeQuery("""
                        UPDATE followermail SET nextattemptat = ?1 WHERE id IN (
                            SELECT id FROM followermail
                            WHERE sentat IS NULL AND gaveupat IS NULL AND nextattemptat <= ?2
                            ORDER BY nextattemptat, id LIMIT ?3 FOR UPDATE SKIP LOCKED)
                        RETURNING id""")
                .setParameter(1, now.plus(CLAIMED_FOR)).setParameter(2, now).setParameter(3, most)
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, FollowerMail> byId = FollowerMail.<FollowerMail>list("id in ?1",
                ids.stream().map(Number::longValue).toList()).stream()
                .collect(Collectors.toMap(m -> m.id, Function.identity()));
        return byId.values().stream().sorted(Comparator.comparing((FollowerMail m) -> m.createdAt)
                .thenComparing(m -> m.id)).toList();
    }

    /** Whether the server took the mail. */
    private boolean send(FollowerMail mail, String recipient) {
        try {
            server.send(mails.write(mail, recipient));
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> failed(mail, e));
            return false;
        }
        if (mock) {
            LOG.infof("Mail not sent (MAILER_MOCK): %s", AlertMails.forTheLog(mail));
        }
        // the link is no longer kept once mailed: only its hash, to recognise it
        QuarkusTransaction.requiringNew().run(() -> FollowerMail.update("sentAt = ?1, token = null where id = ?2",
                Instant.now(), mail.id));
        return true;
    }

    /** @param mail as claimed: no one else changes a claimed mail's attempts */
    private static void failed(FollowerMail mail, RuntimeException e) {
        MailRetries.Failure failure = MailRetries.failure(mail.createdAt, mail.attempts, Instant.now(), e);
        FollowerMail.update("attempts = ?1, lastError = ?2, nextAttemptAt = ?3, gaveUpAt = ?4 where id = ?5",
                failure.attempts(), failure.error(), failure.nextAttemptAt(), failure.gaveUpAt(), mail.id);
        LOG.warnf("Alert mail %s not sent (attempt %d)%s: %s", AlertMails.forTheLog(mail), failure.attempts(),
                failure.gaveUpAt() == null ? ", tried again at " + failure.nextAttemptAt() : ", given up",
                failure.error());
    }
}
