package fr.pyramidesnoires.registration.mail;

import fr.pyramidesnoires.registration.entry.EntryChanged;
import io.quarkus.mailer.Mail;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import fr.pyramidesnoires.registration.payment.PaymentSettings;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tells the runner of each change of their entry, French first and English below, with their private link. The
 * mail is written down in the change's own transaction, so a refused or rolled-back entry owes none, and the
 * {@link MailRelay} sends it after the commit, at the pace the mail server takes.
 */
@ApplicationScoped
public class EntryMailer {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance entry(RunnerMail mail, String link, boolean paidOnline);
    }

    @ConfigProperty(name = "registration.public-url")
    String publicUrl;

    @Inject
    PaymentSettings payments;

    void queue(@Observes EntryChanged changed) {
        if (changed.change() == EntryChanged.Change.TRANSFERRED) {
            RunnerMail.forgetTheRunnerBefore(changed.entry().id());
        }
        if (changed.email() != null && !changed.email().isBlank()) {
            RunnerMail.of(changed, Instant.now()).persist();
        }
    }

    Mail write(RunnerMail mail) {
        return Mail.withText(mail.recipient, subject(mail), text(mail));
    }

    String text(RunnerMail mail) {
        return Templates.entry(mail, mail.token == null ? null : publicUrl + "/entry/" + mail.token,
                payments.provider().isPresent()).render();
    }

    /**
     * The mail as the logging mailer ({@code MAILER_MOCK}) writes it down, its private link left out: a log is read by
     * more people, and kept longer, than the runner's mailbox.
     */
    String forTheLog(RunnerMail mail) {
        return "To " + mail.recipient + ": " + subject(mail) + "\n"
                + text(mail).replaceAll("/entry/[A-Za-z0-9_-]+", "/entry/[lien masqué / link redacted]");
    }

    private static String subject(RunnerMail mail) {
        String race = mail.raceName;
        return switch (mail.change) {
            case ENTERED -> "Inscription enregistrée / Entry received — " + race;
            case PROMOTED -> "Une place pour vous / You have a place — " + race;
            case TRANSFERRED -> "Un dossard vous est transféré / An entry was transferred to you — " + race;
            case RACE_CHANGED -> "Changement de course / Race changed — " + race;
            case CANCELLED -> "Inscription annulée / Entry cancelled — " + race;
            case OFFERED -> "Une place pour vous, à payer / A place for you, to pay for — " + race;
            case PAID -> "Paiement reçu, inscription confirmée / Payment received, entry confirmed — " + race;
            case HOLD_EXPIRED -> "Réservation expirée / Hold expired — " + race;
            case REFUNDED -> "Remboursement / Refund — " + race;
        };
    }
}
