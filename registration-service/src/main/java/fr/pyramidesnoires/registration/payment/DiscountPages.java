package fr.pyramidesnoires.registration.payment;

import fr.pyramidesnoires.problem.ProblemException;
import fr.pyramidesnoires.registration.account.OrganiserAccount;
import fr.pyramidesnoires.registration.entry.EntryRefused;
import fr.pyramidesnoires.registration.event.EventSettings;
import fr.pyramidesnoires.registration.race.Race;
import io.quarkus.panache.common.Sort;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/** The organisers' page of discount codes: every code with its uses, and a form to make one. */
@Path("/admin/discount-codes")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(OrganiserAccount.ROLE)
public class DiscountPages {

    /** The form as typed, kept to show again with the reason when refused. */
    public static class CodeForm {
        @RestForm
        public String code;
        /** amount or percent */
        @RestForm
        public String kind;
        @RestForm
        public String value;
        @RestForm
        public String raceCode;
        @RestForm
        public String maxUses;
        /** In the event's time, as a datetime-local field gives it. */
        @RestForm
        public String expiresAt;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance codes(List<DiscountResource.CodeInUse> codes, List<String> races,
                                             CodeForm form, String done, String error);
    }

    final DiscountCodes codes;
    final SecurityIdentity organiser;
    final EventSettings event;

    DiscountPages(DiscountCodes codes, SecurityIdentity organiser,
                  EventSettings event) {
        this.codes = codes;
        this.organiser = organiser;
        this.event = event;
    }

    @GET
    public TemplateInstance page(@RestQuery String done) {
        return Templates.codes(codes.all(), races(), new CodeForm(), done, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(CodeForm form) {
        try {
            codes.create(read(form), organiser.getPrincipal().getName());
            return Response.seeOther(URI.create("/admin/discount-codes?done=created")).build();
        } catch (ProblemException refused) {
            return Response.status(refused.problem().status())
                    .entity(Templates.codes(codes.all(), races(), form, null, refused.problem().detail())).build();
        }
    }

    /** The typed form as the API's request; what cannot be read is refused as the API refuses it. */
    private DiscountResource.NewCode read(CodeForm form) {
        boolean percent = "percent".equals(form.kind);
        BigDecimal value = number(form.value, "value", "la réduction / the discount");
        if (percent && value != null && value.stripTrailingZeros().scale() > 0) {
            throw new EntryRefused(400, "value", "Un pourcentage entier, de 1 à 100 / A whole percentage, from 1 to"
                    + " 100", "value");
        }
        Integer maxUses = form.maxUses == null || form.maxUses.isBlank() ? null
                : number(form.maxUses, "maxUses", "le nombre d'utilisations / the number of uses").intValue();
        Instant expiresAt = null;
        if (form.expiresAt != null && !form.expiresAt.isBlank()) {
            try {
                expiresAt = LocalDateTime.parse(form.expiresAt.strip()).atZone(event.zone()).toInstant();
            } catch (DateTimeParseException e) {
                throw new EntryRefused(400, "expiresAt",
                        "Une date et une heure, par exemple 2027-01-31T23:59 / A date and time such as"
                                + " 2027-01-31T23:59", "expiresAt");
            }
        }
        return new DiscountResource.NewCode(form.code, percent ? null : value,
                percent && value != null ? value.intValue() : null,
                form.raceCode == null || form.raceCode.isBlank() ? null : form.raceCode, maxUses, expiresAt);
    }

    private static BigDecimal number(String typed, String field, String what) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(typed.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new EntryRefused(400, field, "Un nombre pour " + what
                    + ", pas « " + typed + " » / A number for " + what.substring(what.indexOf('/') + 2)
                    + ", not \"" + typed + "\"", field);
        }
    }

    private static List<String> races() {
        return Race.<Race>listAll(Sort.by("code")).stream().map(race -> race.code).toList();
    }
}
