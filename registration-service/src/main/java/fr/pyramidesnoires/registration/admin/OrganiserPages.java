package fr.pyramidesnoires.registration.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pyramidesnoires.problem.ProblemException;
import fr.pyramidesnoires.registration.account.OrganiserAccount;
import fr.pyramidesnoires.registration.entry.Entry;
import fr.pyramidesnoires.registration.entry.EntryStatus;
import fr.pyramidesnoires.registration.event.EventSettings;
import fr.pyramidesnoires.registration.payment.BillView;
import fr.pyramidesnoires.registration.treasury.PaymentMethod;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.LockModeType;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The organiser's pages over the organiser API: how full the races are, the entries found by name, bib, club,
 * race or status, and one entry with its correction, its documents check and its move to another race. A browser
 * signs in with the same HTTP Basic account as the API; every change goes through the API's own rules.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(OrganiserAccount.ROLE)
public class OrganiserPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(Dashboard dashboard);

        static native TemplateInstance entries(EntryPage found, EntrySearch search, List<AdminRace> races,
                                               List<EntryStatus> statuses);

        static native TemplateInstance entry(AdminEntry entry, List<AdminRace> races, CorrectionForm form,
                                             String done, String error, BillView bill, EntryPayments payments,
                                             List<PaymentMethod> methods);
    }

    /** The search as the organiser typed it, to show it again and to page through its results. */
    public record EntrySearch(String name, Integer bib, String club, String race, EntryStatus status,
                              Boolean documentsChecked, int page) {

        public String query(int page) {
            StringBuilder query = new StringBuilder("?page=").append(page);
            append(query, "name", name);
            append(query, "bib", bib);
            append(query, "club", club);
            append(query, "race", race);
            append(query, "status", status);
            append(query, "documentsChecked", documentsChecked);
            return query.toString();
        }

        private static void append(StringBuilder query, String name, Object value) {
            if (value != null && !value.toString().isBlank()) {
                query.append('&').append(name).append('=')
                        .append(URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
            }
        }
    }

    private static final int PAGE_SIZE = 50;

    static final String CHANGED_MEANWHILE = "Modifiée entre-temps par quelqu'un d'autre (ci-dessus, telle qu'elle"
            + " est maintenant) : vérifiez vos changements et enregistrez à nouveau / Changed meanwhile by someone"
            + " else (above, as it is now): check your changes and save again";

    final DashboardResource dashboards;
    final AdminEntryResource entries;
    final AdminRaceResource races;

    final Validator validator;
    final EventSettings event;
    final ObjectMapper json;

    OrganiserPages(DashboardResource dashboards, AdminEntryResource entries, AdminRaceResource races,
                   Validator validator, EventSettings event, ObjectMapper json) {
        this.dashboards = dashboards;
        this.entries = entries;
        this.races = races;
        this.validator = validator;
        this.event = event;
        this.json = json;
    }

    @GET
    public TemplateInstance dashboard() {
        return Templates.dashboard(dashboards.dashboard());
    }

    /** The organiser told the runner of a given-up mail another way. */
    @POST
    @Path("given-up-mails/{id}/dismissal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response dismissGivenUpMail(@RestPath long id) {
        try {
            dashboards.forgetGivenUpMail(id);
        } catch (ProblemException gone) {
            // already taken off, by another organiser or an earlier click: the dashboard shows what is left
        }
        return Response.seeOther(URI.create("/admin")).build();
    }

    @GET
    @Path("entries")
    public TemplateInstance search(@RestQuery String name, @RestQuery String bib, @RestQuery String club,
                                   @RestQuery String race, @RestQuery String status,
                                   @RestQuery String documentsChecked, @RestQuery String page) {
        // a form sends every field, empty ones as empty text: empty, like anything it cannot read, means "any"
        EntrySearch search = new EntrySearch(name, number(bib), club, blankToNull(race),
                Arrays.stream(EntryStatus.values()).filter(s -> s.name().equals(status)).findFirst().orElse(null),
                yesOrNo(documentsChecked), Objects.requireNonNullElse(number(page), 0));
        EntryPage found = entries.search(blankToNull(name), search.bib(), blankToNull(club), search.race(),
                search.status(), null, null, search.documentsChecked(), search.page(), PAGE_SIZE);
        return Templates.entries(found, search, races.races(), List.of(EntryStatus.values()));
    }

    @GET
    @Path("entries/{id}")
    public TemplateInstance entry(@RestPath UUID id, @RestQuery String done) {
        AdminEntry entry = entries.one(id);
        return entryPage(entry, CorrectionForm.of(entry), done, null);
    }

    /** Money received by cheque, cash or bank transfer, by the API's rules: a place held and paid is confirmed. */
    @POST
    @Path("entries/{id}/payments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response paidByHand(@RestPath UUID id, @RestForm String method, @RestForm String amount,
                               @RestForm String note) {
        Optional<PaymentMethod> paidBy = Arrays.stream(PaymentMethod.values())
                .filter(PaymentMethod::offline).filter(m -> m.name().equals(method)).findFirst();
        String typed = amount == null ? "" : amount.strip().replace(',', '.');
        if (paidBy.isEmpty() || !typed.matches("[0-9]{1,7}(\\.[0-9]{1,2})?")) {
            return refused(id, null, 400, "Choisissez chèque, espèces ou virement et un montant comme 30 ou 12,50"
                    + " / Choose cheque, cash or bank transfer and an amount such as 30 or 12.50");
        }
        AdminEntryResource.ByHand paid = new AdminEntryResource.ByHand(paidBy.get(), new BigDecimal(typed),
                note == null || note.isBlank() ? null : note.strip());
        List<String> errors = FormProblems.of(List.of(), validator, paid);
        if (!errors.isEmpty()) {
            return refused(id, null, 400, String.join(" · ", errors));
        }
        try {
            entries.paidByHand(id, paid);
        } catch (ProblemException refused) {
            return refused(id, null, refused.problem().status(), refused.problem().detail());
        }
        return backTo(id, "paid");
    }

    @POST
    @Path("entries/{id}/documents-check")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response documentsCheck(@RestPath UUID id, @RestForm boolean checked) {
        if (checked) {
            entries.documentsChecked(id);
        } else {
            entries.documentsUnchecked(id);
        }
        return backTo(id, checked ? "checked" : "unchecked");
    }

    @POST
    @Path("entries/{id}/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response move(@RestPath UUID id, @RestForm String raceCode) {
        try {
            entries.move(id, new AdminEntryResource.Move(raceCode == null ? "" : raceCode));
        } catch (ProblemException refused) {
            return refused(id, null, refused.problem().status(), refused.problem().detail());
        }
        return backTo(id, "moved");
    }

    /** The bib and chip the organiser hands the runner, by the API's rules; a refusal says why on the page. */
    @POST
    @Path("entries/{id}/bib")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assignBib(@RestPath UUID id, @RestForm String bib, @RestForm String chip) {
        Integer number;
        try {
            number = bib == null || bib.isBlank() ? null : Integer.valueOf(bib.strip());
        } catch (NumberFormatException notANumber) {
            return refused(id, null, 400, "Un dossard est un nombre, pas « " + bib + " » / A bib is a number, not '"
                    + bib + "'");
        }
        EntryChanges changes = EntryChanges.bibAndChip(number, chip == null || chip.isBlank() ? null : chip.strip());
        List<String> errors = FormProblems.of(List.of(), validator, changes);
        if (!errors.isEmpty()) {
            return refused(id, null, 400, String.join(" · ", errors));
        }
        try {
            entries.correct(id, changes);
        } catch (ProblemException refused) {
            return refused(id, null, refused.problem().status(), refused.problem().detail());
        }
        return backTo(id, "bib");
    }

    /** A refusal, a field unreadable or a rule broken, shows the entry again with why and nothing changed. */
    @POST
    @Path("entries/{id}/correction")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response correct(@RestPath UUID id, CorrectionForm form) {
        List<String> unreadable = new ArrayList<>();
        EntryChanges changes = form.changes(unreadable);
        List<String> errors = FormProblems.of(unreadable, validator, changes);
        try {
            Optional<String> changedTo = Fingerprint.applyUnlessChanged(form.loaded,
                    () -> CorrectionForm.of(AdminEntry.of(Entry.byId(id, LockModeType.PESSIMISTIC_WRITE)))
                            .fingerprint(),
                    () -> {
                        if (errors.isEmpty()) {
                            entries.correct(id, changes);
                        }
                    });
            if (changedTo.isPresent()) {
                // shown again as typed, over the entry as it now is: saving again is then a choice, not an accident
                form.loaded = changedTo.get();
                return refused(id, form, 409, CHANGED_MEANWHILE);
            }
        } catch (ProblemException refused) {
            return refused(id, form, refused.problem().status(), refused.problem().detail());
        }
        if (!errors.isEmpty()) {
            return refused(id, form, 400, String.join(" · ", errors));
        }
        return backTo(id, "corrected");
    }

    /** @param typed what the organiser typed, shown again in the correction form so that none of it is lost */
    private Response refused(UUID id, CorrectionForm typed, int status, String why) {
        AdminEntry entry = entries.one(id);
        return Response.status(status).entity(entryPage(entry, typed != null ? typed : CorrectionForm.of(entry),
                null, why)).build();
    }

    private TemplateInstance entryPage(AdminEntry entry, CorrectionForm form, String done, String error) {
        return Templates.entry(entry, races.races(), form, done, error,
                BillView.of(Entry.byId(entry.id(), LockModeType.NONE), json, event),
                EntryPayments.of(entry.id(), event),
                Arrays.stream(PaymentMethod.values()).filter(PaymentMethod::offline).toList());
    }

    private static Response backTo(UUID id, String done) {
        return Response.seeOther(URI.create("/admin/entries/" + id + "?done=" + done)).build();
    }

    private static Integer number(String text) {
        return text == null || !text.strip().matches("[0-9]{1,9}") ? null : Integer.valueOf(text.strip());
    }

    private static Boolean yesOrNo(String text) {
        return "true".equals(text) ? Boolean.TRUE : "false".equals(text) ? Boolean.FALSE : null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
