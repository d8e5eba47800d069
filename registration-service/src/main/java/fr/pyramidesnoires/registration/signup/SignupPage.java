package fr.pyramidesnoires.registration.signup;

import fr.pyramidesnoires.problem.ProblemException;
import fr.pyramidesnoires.registration.entry.CountsAsRegistration;
import fr.pyramidesnoires.registration.entry.Entry;
import fr.pyramidesnoires.registration.entry.EntryStatus;
import fr.pyramidesnoires.registration.payment.EntryPrices;
import fr.pyramidesnoires.registration.payment.Payments;
import fr.pyramidesnoires.registration.entry.Registrations;
import fr.pyramidesnoires.registration.event.EventSettings;
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
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

/**
 * The registration form: a plain HTML form that works without JavaScript and goes through the very rules of
 * POST /api/entries. A refusal shows the form again with the reason beside the field and the values kept; an
 * entry leads to its private page.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SignupPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signup(List<RaceChoice> races, List<RaceOptions> options, RunnerForm form,
                                              Map<String, String> errors, String nonBinaryRaces, boolean online);
    }

    final Registrations registrations;
    final FormCheck check;
    final EventSettings event;
    final Payments payments;
    final EntryPrices prices;

    SignupPage(Registrations registrations, FormCheck check, EventSettings event, Payments payments,
               EntryPrices prices) {
        this.registrations = registrations;
        this.check = check;
        this.event = event;
        this.payments = payments;
        this.prices = prices;
    }

    @GET
    public TemplateInstance form() {
        return page(RunnerForm.blank(event), Map.of());
    }

    @POST
    @CountsAsRegistration
    @Consumes({MediaType.MULTIPART_FORM_DATA, MediaType.APPLICATION_FORM_URLENCODED})
    public Response register(RunnerForm form, MultipartFormDataInput raw) {
        form.options = options(raw);
        FormCheck.Checked checked = check.check(form);
        if (checked.errors().isEmpty()) {
            try {
                Entry entry = check.submit(checked, registrations::register);
                return Response.seeOther(URI.create(entry.status == EntryStatus.HELD ? toPay(entry.token)
                        : "/entry/" + entry.token + "?done=entered")).build();
            } catch (ProblemException refused) {
                checked.refused(refused.problem());
            }
        }
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(page(form, checked.errors())).build();
    }

    /** A place held goes straight to the provider's page; the runner's own page, with its button, if it is down. */
    private String toPay(String token) {
        try {
            return payments.openCheckout(token).url();
        } catch (ProblemException unavailable) {
            return "/entry/" + token + "?done=held";
        }
    }

    /**
     * The races' questions and extras as typed: their fields are named after each race's own codes, so they are read
     * from the raw form, sent as multipart or urlencoded alike.
     */
    private static Map<String, String> options(MultipartFormDataInput raw) {
        Map<String, String> typed = new HashMap<>();
        raw.getValues().forEach((name, values) -> {
            if (RaceOrder.isOption(name)) {
                values.stream().filter(value -> !value.isFileItem()).findFirst()
                        .ifPresent(value -> typed.put(name, value.getValue()));
            }
        });
        return typed;
    }

    private TemplateInstance page(RunnerForm form, Map<String, String> errors) {
        List<RaceChoice> races = RaceChoice.all(event);
        return Templates.signup(races, RaceOptions.all(event, prices, form.options, errors), form, errors,
                RaceChoice.nonBinaryRaces(races), payments.online());
    }
}
