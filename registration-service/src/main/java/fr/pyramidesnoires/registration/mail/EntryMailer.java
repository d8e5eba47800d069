package fr.pyramidesnoires.registration.mail;

import fr.pyramidesnoires.registration.entry.EntryChanged;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Tells the runner of each change of their entry, French first and English below, with their private link. It
 * hears of a change only once the transaction committed: a refused or rolled-back entry sends nothing. Sending
 * does not hold up the runner's request, and a mail server that fails is logged, never undoes the entry.
 */
@ApplicationScoped
public class EntryMailer {

    private static final Logger LOG = Logger.getLogger(EntryMailer.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance entry(EntryChanged changed, String link);
    }

    @ConfigProperty(name = "registration.public-url")
    String publicUrl;

    final ReactiveMailer mailer;

    EntryMailer(ReactiveMailer mailer) {
        this.mailer = mailer;
    }

    /**
     * One thread writes the mails and hands them to the mailer in the order of their changes; a race's registrar,
     * which commits a batch of entries at a time, goes on deciding instead of writing them.
     */
    private final ExecutorService writer = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "entry-mails");
        thread.setDaemon(true);
        return thread;
    });

    void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) EntryChanged changed) {
        if (changed.email() == null || changed.email().isBlank()) {
            return;
        }
        try {
            writer.execute(() -> write(changed));
        } catch (RejectedExecutionException stopping) {
            // the entry is committed all the same: its answer must not fail for a mail
            LOG.warnf("%s mail for entry %s not sent: the service is stopping", changed.change(), changed.entry().id());
        }
    }

    /** The mails of changes already committed are still written and handed to the mailer when the service stops. */
    @PreDestroy
    void stop() throws InterruptedException {
        writer.shutdown();
        if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warnf("%d mails to runners were not written before the service stopped", writer.shutdownNow().size());
        }
    }

    private void write(EntryChanged changed) {
        String link = publicUrl + "/entry/" + changed.entry().token();
        Mail mail;
        try {
            mail = Mail.withText(changed.email(), subject(changed), Templates.entry(changed, link).render());
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s mail for entry %s could not be written", changed.change(), changed.entry().id());
            return;
        }
        mailer.send(mail).subscribe().with(sent -> LOG.debugf("%s mail sent for entry %s", changed.change(),
                changed.entry().id()), failure -> LOG.warnf(failure, "%s mail for entry %s not sent",
                changed.change(), changed.entry().id()));
    }

    private static String subject(EntryChanged changed) {
        String race = changed.entry().raceName();
        return switch (changed.change()) {
            case ENTERED -> "Inscription enregistrée / Entry received — " + race;
            case PROMOTED -> "Une place pour vous / You have a place — " + race;
            case TRANSFERRED -> "Un dossard vous est transféré / An entry was transferred to you — " + race;
            case RACE_CHANGED -> "Changement de course / Race changed — " + race;
            case CANCELLED -> "Inscription annulée / Entry cancelled — " + race;
        };
    }
}
