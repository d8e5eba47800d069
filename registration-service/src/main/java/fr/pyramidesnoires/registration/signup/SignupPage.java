package fr.pyramidesnoires.registration.signup;

import fr.pyramidesnoires.problem.ProblemException;
import fr.pyramidesnoires.registration.entry.CountsAsRegistration;
import fr.pyramidesnoires.registration.entry.Registrations;
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
import java.util.List;
import java.util.Map;

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
        static native TemplateInstance signup(List<RaceChoice> races, RunnerForm form, Map<String, String> errors);
    }

    final Registrations registrations;
    final FormCheck check;

    SignupPage(Registrations registrations, FormCheck check) {
        this.registrations = registrations;
        this.check = check;
    }

    @GET
    public TemplateInstance form() {
        return Templates.signup(RaceChoice.all(), RunnerForm.blank(), Map.of());
    }

    @POST
    @CountsAsRegistration
    @Consumes({MediaType.MULTIPART_FORM_DATA, MediaType.APPLICATION_FORM_URLENCODED})
    public Response register(RunnerForm form) {
        FormCheck.Checked checked = check.check(form);
        if (checked.errors().isEmpty()) {
            try {
                String token = check.submit(checked, registrations::register).token;
                return Response.seeOther(URI.create("/entry/" + token + "?done=entered")).build();
            } catch (ProblemException refused) {
                checked.errors().put(FormCheck.fieldOf(refused.problem()), refused.problem().detail());
            }
        }
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(Templates.signup(RaceChoice.all(), form, checked.errors())).build();
    }
}
