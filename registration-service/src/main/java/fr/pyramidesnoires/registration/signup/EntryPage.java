package fr.pyramidesnoires.registration.signup;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pyramidesnoires.problem.PlainText;
import fr.pyramidesnoires.problem.ProblemException;
import fr.pyramidesnoires.registration.certificate.Certificates;
import fr.pyramidesnoires.registration.entry.Entry;
import fr.pyramidesnoires.registration.entry.EntryConfirmation;
import fr.pyramidesnoires.registration.entry.Registrations;
import fr.pyramidesnoires.registration.event.EventSettings;
import fr.pyramidesnoires.registration.payment.BillView;
import fr.pyramidesnoires.registration.payment.Books;
import fr.pyramidesnoires.registration.payment.PaymentView;
import fr.pyramidesnoires.registration.payment.Receipts;
import fr.pyramidesnoires.registration.payment.Payments;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The runner's private page, reached by the link sent to them: the entry as it stands, and forms to cancel it,
 * move it to another race, add a medical certificate, or give it to someone else. Every action goes through
 * the same rules as the API and, once done, comes back here with a word of what happened.
 */
@Path("/entry/{token}")
@Produces(MediaType.TEXT_HTML)
public class EntryPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance entry(EntryConfirmation entry, String link, RaceChoice race,
                                             List<RaceChoice> races, String done, String error,
                                             PaymentView payment, BillView bill, boolean passingAlertsRefused);

        static native TemplateInstance transfer(EntryConfirmation entry, RunnerForm form, Map<String, String> errors,
                                                String nonBinaryRaces);

        static native TemplateInstance transferred(String raceName);
    }

    @ConfigProperty(name = "registration.public-url")
    String publicUrl;

    final Registrations registrations;
    final Certificates certificates;
    final FormCheck check;
    final EventSettings event;
    final Payments payments;
    final Books books;
    final ObjectMapper json;

    EntryPage(Registrations registrations, Certificates certificates, FormCheck check, EventSettings event,
              Payments payments, Books books, ObjectMapper json) {
        this.books = books;
        this.json = json;
        this.registrations = registrations;
        this.certificates = certificates;
        this.check = check;
        this.event = event;
        this.payments = payments;
    }

    @GET
    public TemplateInstance view(@RestPath String token, @RestQuery String done) {
        return page(token, done, null);
    }

    @POST
    @Path("cancellation")
    @Consumes(MediaType.WILDCARD)
    public Response cancel(@RestPath String token) {
        return attempt(token, () -> {
            registrations.cancel(token);
            return token + "?done=cancelled";
        });
    }

    /** To the provider's page, to pay for the place held; back here with the reason when it cannot open. */
    @POST
    @Path("checkout")
    @Consumes(MediaType.WILDCARD)
    public Response checkout(@RestPath String token) {
        try {
            return Response.seeOther(URI.create(payments.openCheckout(token).url())).build();
        } catch (ProblemException refused) {
            return Response.status(refused.problem().status())
                    .entity(page(token, null, refused.problem().detail())).build();
        }
    }

    @GET
    @Path("receipts/{payment}")
    @Produces("application/pdf")
    public Response receipt(@RestPath String token, @RestPath UUID payment) {
        return Receipts.pdf(books.receipt(token, payment), payment);
    }

    /** The checkbox unticked sends nothing: no field is the runner letting spectators follow them. */
    @POST
    @Path("passing-alerts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response passingAlerts(@RestPath String token, @RestForm String refused) {
        return attempt(token, () -> {
            registrations.choosePassingAlerts(token, refused != null);
            return token + "?done=passing-alerts";
        });
    }

    @POST
    @Path("race-change")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeRace(@RestPath String token, @RestForm String raceCode) {
        if (raceCode == null || raceCode.isBlank() || !PlainText.Check.isPlain(raceCode)) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(token, null, "Choisissez une course / choose a race")).build();
        }
        return attempt(token, () -> {
            registrations.changeRace(token, raceCode);
            return token + "?done=race-changed";
        });
    }

    @POST
    @Path("certificate")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response uploadCertificate(@RestPath String token, @RestForm FileUpload certificate) {
        Map<String, String> errors = new HashMap<>();
        byte[] pdf = check.certificate(certificate, errors);
        if (pdf == null) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(token, null, errors.get("certificate"))).build();
        }
        return attempt(token, () -> {
            certificates.store(Entry.activeByToken(token), pdf);
            return token + "?done=certificate";
        });
    }

    @GET
    @Path("transfer")
    public TemplateInstance transferForm(@RestPath String token) {
        EntryConfirmation entry = EntryConfirmation.of(Entry.activeByToken(token));
        RunnerForm form = RunnerForm.blank(event);
        form.raceCode = entry.raceCode();
        return transferPage(entry, form, Map.of());
    }

    /**
     * The old runner does not see the new link: it goes to the new runner by e-mail, so the entry really
     * changes hands.
     */
    @POST
    @Path("transfer")
    @Consumes({MediaType.MULTIPART_FORM_DATA, MediaType.APPLICATION_FORM_URLENCODED})
    public Response transfer(@RestPath String token, RunnerForm form) {
        FormCheck.Checked checked = check.check(form);
        if (checked.errors().isEmpty()) {
            try {
                if (payments.transferFeeCents(token) > 0) {
                    // the new runner pays the race's transfer fee first; a certificate goes through their own link
                    return Response.seeOther(URI.create(payments.openTransferCheckout(token, checked.request())
                            .url())).build();
                }
                Entry entry = check.submit(checked, newRunner -> registrations.transfer(token, newRunner));
                String raceName = EntryConfirmation.of(entry).raceName();
                return Response.ok(Templates.transferred(raceName)).build();
            } catch (ProblemException refused) {
                checked.refused(refused.problem());
            }
        }
        EntryConfirmation entry = EntryConfirmation.of(Entry.activeByToken(token));
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(transferPage(entry, form, checked.errors())).build();
    }

    /** The new runner may be of the non-binary division only where the entry's race ranks one. */
    private TemplateInstance transferPage(EntryConfirmation entry, RunnerForm form, Map<String, String> errors) {
        List<RaceChoice> race = RaceChoice.all(event).stream().filter(r -> r.code().equals(entry.raceCode()))
                .toList();
        return Templates.transfer(entry, form, errors, RaceChoice.nonBinaryRaces(race));
    }

    /** Runs the action in its own transaction, then back to the page; a refusal shows the page with the reason. */
    private Response attempt(String token, Callable<String> action) {
        try {
            String next = QuarkusTransaction.requiringNew().call(action);
            return Response.seeOther(URI.create("/entry/" + next)).build();
        } catch (ProblemException refused) {
            return Response.status(refused.problem().status())
                    .entity(page(token, null, refused.problem().detail())).build();
        }
    }

    private TemplateInstance page(String token, String done, String error) {
        Entry held = Entry.byToken(token);
        EntryConfirmation entry = EntryConfirmation.of(held);
        List<RaceChoice> races = RaceChoice.all(event);
        RaceChoice race = races.stream().filter(r -> r.code().equals(entry.raceCode())).findFirst().orElseThrow();
        return Templates.entry(entry, publicUrl + "/entry/" + token, race, races, done, error,
                payments.view(entry), BillView.of(held, json, event), held.passingAlertsRefused);
    }
}
