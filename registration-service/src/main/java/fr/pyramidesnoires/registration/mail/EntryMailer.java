package fr.pyramidesnoires.registration.mail;

import fr.pyramidesnoires.registration.entry.EntryChanged;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
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

    void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) EntryChanged changed) {
        if (changed.email() == null || changed.email().isBlank()) {
            return;
        }
        String link = publicUrl + "/entry/" + changed.entry().token();
        Mail mail = Mail.withText(changed.email(), subject(changed), Templates.entry(changed, link).render());
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
