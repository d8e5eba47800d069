package fr.pyramidesnoires.results.alerts;

import io.quarkus.mailer.Mail;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What a follower reads: French first, then English, in the same mail. Every mail carries the link that stops the
 * alerts, also as the List-Unsubscribe header mail programs offer as a button (one click, RFC 8058).
 */
@ApplicationScoped
public class AlertMails {

    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss");

    /**
     * @param runner the name results show, or null for a runner who keeps it private
     * @param time   the time of day in the event's zone, for a passage
     */
    record Written(String runner, int bib, String race, String pointName, String time, Integer rank,
                   String runnerUrl, String confirmUrl, String stopUrl) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirmation(Written mail);

        static native TemplateInstance passage(Written mail);
    }

    final String publicUrl;
    final ZoneId zone;

    /** @param publicUrl unset, this machine's own address: a mail is written with no request to name the site */
    AlertMails(@ConfigProperty(name = "results.public-url") Optional<String> publicUrl,
               @ConfigProperty(name = "quarkus.http.port") int port,
               @ConfigProperty(name = "results.zone") ZoneId zone) {
        this.publicUrl = publicUrl.orElse("http://127.0.0.1:" + port).replaceAll("/+$", "");
        this.zone = zone;
    }

    Mail write(FollowerMail mail, String recipient) {
        String stopUrl = publicUrl + "/alerts/stop/" + mail.token;
        Written written = new Written(mail.runnerName, mail.bib, mail.raceCode, mail.pointName,
                mail.passedAt == null ? null : TIME_OF_DAY.format(mail.passedAt.atZone(zone)), mail.rank,
                publicUrl + "/races/" + mail.raceCode + "/runners/" + mail.bib,
                publicUrl + "/alerts/confirm/" + mail.token, stopUrl);
        String who = mail.runnerName != null ? mail.runnerName : "#" + mail.bib;
        Mail message = mail.kind == FollowerMail.Kind.CONFIRMATION
                ? Mail.withText(recipient, "Confirmez le suivi de " + who + " / Confirm following " + who,
                        Templates.confirmation(written).render())
                : Mail.withText(recipient, who + " : " + mail.pointName + " " + written.time()
                                + (mail.rank == null ? "" : " (" + mail.rank + ")"),
                        Templates.passage(written).render());
        return message.addHeader("List-Unsubscribe", "<" + stopUrl + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }

    /** What the log may tell of a mail: neither its address nor its links. */
    static String forTheLog(FollowerMail mail) {
        return mail.kind + " " + mail.raceCode + "/" + mail.bib
                + (mail.pointOrder == null ? "" : " at point " + mail.pointOrder);
    }
}
