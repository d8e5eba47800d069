package fr.pyramidesnoires.registration.admin;

import fr.pyramidesnoires.problem.PlainText;
import fr.pyramidesnoires.problem.Problem;
import fr.pyramidesnoires.problem.ProblemException;
import fr.pyramidesnoires.registration.account.OrganiserAccount;
import fr.pyramidesnoires.registration.race.Race;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * A race's settings for the organisers: places, entries window, fee and whether a medical certificate is taken,
 * through the API's rules (places never below those given nor above the bibs; places added go to the waitlist).
 */
@Path("/admin/races")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(OrganiserAccount.ROLE)
public class RaceSettingsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance race(AdminRace race, String startTime, RaceForm form, String done,
                                            String error);
    }

    @ConfigProperty(name = "registration.event-zone")
    ZoneId zone;

    final AdminRaceResource races;
    final Validator validator;

    RaceSettingsPage(AdminRaceResource races, Validator validator) {
        this.races = races;
        this.validator = validator;
    }

    @GET
    @Path("{code}")
    public TemplateInstance race(@RestPath @PlainText String code, @RestQuery String done) {
        AdminRace race = race(code);
        return Templates.race(race, local(race), RaceForm.of(race.settings(), zone), done, null);
    }

    /** A refusal shows the form again as it was typed, with why. */
    @POST
    @Path("{code}/settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@RestPath @PlainText String code, RaceForm form) {
        AdminRace race = race(code);
        List<String> unreadable = new ArrayList<>();
        RaceSettings settings = form.settings(zone, unreadable);
        List<String> errors = FormProblems.of(unreadable, validator, settings);
        try {
            Optional<String> changedTo = Fingerprint.applyUnlessChanged(form.loaded,
                    () -> RaceForm.fingerprint(RaceSettings.of(Race.lockForEntry(code))),
                    () -> {
                        if (errors.isEmpty()) {
                            races.change(code, settings);
                        }
                    });
            if (changedTo.isPresent()) {
                form.loaded = changedTo.get();
                return refused(race(code), form, 409, OrganiserPages.CHANGED_MEANWHILE);
            }
        } catch (ProblemException refused) {
            return refused(race, form, refused.problem().status(), refused.problem().detail());
        }
        if (!errors.isEmpty()) {
            return refused(race, form, 400, String.join(" · ", errors));
        }
        return Response.seeOther(URI.create("/admin/races/" + code + "?done=changed")).build();
    }

    private Response refused(AdminRace race, RaceForm typed, int status, String why) {
        return Response.status(status).entity(Templates.race(race, local(race), typed, null, why)).build();
    }

    /** The start as the organisers read it: in the event's time, like the window below it. */
    private String local(AdminRace race) {
        return race.startTime().atZoneSameInstant(zone).toLocalDateTime().toString();
    }

    private AdminRace race(String code) {
        return races.races().stream().filter(race -> race.code().equals(code)).findFirst()
                .orElseThrow(() -> new ProblemException(Problem.of(404, "unknown-race",
                        "Course inconnue / Unknown race", "Aucune course " + code + " / There is no race " + code)));
    }
}
