package fr.pyramidesnoires.registration.admin;

import fr.pyramidesnoires.registration.treasury.PaymentMethod;
import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.problem.PlainText;
import fr.pyramidesnoires.registration.account.OrganiserAccount;
import fr.pyramidesnoires.registration.certificate.MedicalCertificate;
import fr.pyramidesnoires.registration.entry.Entry;
import fr.pyramidesnoires.registration.entry.EntryRefused;
import fr.pyramidesnoires.registration.entry.EntryStatus;
import fr.pyramidesnoires.registration.entry.Registrations;
import fr.pyramidesnoires.registration.price.Cents;
import fr.pyramidesnoires.registration.payment.Payments;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/admin/entries")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(OrganiserAccount.ROLE)
@Tag(name = "Organiser: entries")
public class AdminEntryResource {

    /** A place in another race, asked for by an organiser. */
    public record Move(@NotBlank @PlainText String raceCode) {
    }

    final Registrations registrations;
    final EntryCorrections corrections;
    final SecurityIdentity organiser;
    final Payments payments;

    AdminEntryResource(Registrations registrations, EntryCorrections corrections, SecurityIdentity organiser,
                       Payments payments) {
        this.registrations = registrations;
        this.corrections = corrections;
        this.organiser = organiser;
        this.payments = payments;
    }

    @GET
    @Transactional
    @Operation(summary = "Entries matching every criterion given, by race, bib and name, a page at a time")
    public EntryPage search(@QueryParam("name") @PlainText String name, @QueryParam("bib") Integer bib,
                            @QueryParam("club") @PlainText String club, @QueryParam("race") @PlainText String race,
                            @QueryParam("status") EntryStatus status, @QueryParam("sex") EntryEvent.Sex sex,
                            @QueryParam("category") @PlainText String category,
                            @QueryParam("documentsChecked") Boolean documentsChecked,
                            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        EntryFilter.Query query = new EntryFilter(name, bib, club, race, status, sex, category, documentsChecked)
                .query();
        var found = Entry.<Entry>find(query.where(),
                        Sort.by("raceCode").and("bib", Sort.NullPrecedence.NULLS_LAST).and("lastName").and("id"),
                        query.parameters())
                .page(page, size);
        return new EntryPage(found.list().stream().map(AdminEntry::of).toList(), page, size, found.count());
    }

    @GET
    @Path("{id}")
    @Transactional
    @Operation(summary = "One entry, private fields included")
    public AdminEntry one(@PathParam("id") UUID id) {
        return AdminEntry.of(Entry.byId(id, LockModeType.NONE));
    }

    @PATCH
    @Path("{id}")
    @Transactional
    @Operation(summary = "Correct an entry: fields left out keep their value, an empty text clears one; "
            + "bib and chip assigned by the organiser (the bib within the race's range, each free in the event); "
            + "public changes go to timing and results")
    public AdminEntry correct(@PathParam("id") UUID id, @NotNull @Valid EntryChanges changes) {
        return AdminEntry.of(corrections.correct(id, changes));
    }

    @PUT
    @Path("{id}/documents-check")
    @Consumes(MediaType.WILDCARD)
    @Transactional
    @Operation(summary = "Record that the signed-in organiser found the licence, PPS or certificate valid")
    public AdminEntry documentsChecked(@PathParam("id") UUID id) {
        return AdminEntry.of(corrections.documentsChecked(id, organiser.getPrincipal().getName()));
    }

    @DELETE
    @Path("{id}/documents-check")
    @Transactional
    @Operation(summary = "Take back a documents check")
    public AdminEntry documentsUnchecked(@PathParam("id") UUID id) {
        return AdminEntry.of(corrections.documentsChecked(id, null));
    }

    /** What the organiser reads before marking the documents checked. */
    @GET
    @Path("{id}/certificate")
    @Produces("application/pdf")
    @Transactional
    @Operation(summary = "The runner's medical certificate, the PDF file as uploaded")
    public byte[] certificate(@PathParam("id") UUID id) {
        return MedicalCertificate.<MedicalCertificate>findByIdOptional(id).map(certificate -> certificate.pdf)
                .orElseThrow(() -> new EntryRefused(404, "no-certificate",
                        "Aucun certificat pour cette inscription / This entry has no certificate on file"));
    }

    @POST
    @Path("{id}/move")
    @Transactional
    @Operation(summary = "Move an entry to another race that has a place and where the runner is eligible; "
            + "it gets a bib of that race and its old place goes to the old race's waitlist")
    public AdminEntry move(@PathParam("id") UUID id, @NotNull @Valid Move move) {
        return AdminEntry.of(registrations.move(id, move.raceCode()));
    }

    /**
     * Money an organiser received by hand for an entry.
     *
     * @param amount in the event's currency, to the cent
     * @param note   the cheque's number or the transfer's reference, for the treasurer
     */
    public record ByHand(@NotNull PaymentMethod method, @NotNull @DecimalMin("0.01") @Digits(integer = 7, fraction = 2)
                         BigDecimal amount, @Size(max = 200) @PlainText String note) {
    }

    @POST
    @Path("{id}/payments")
    @Operation(summary = "Record a payment received by cheque, cash or bank transfer; a place held for the runner "
            + "and paid in full is confirmed with a bib")
    public AdminEntry paidByHand(@PathParam("id") UUID id, @NotNull @Valid ByHand paid) {
        payments.recordByHand(id, paid.method(), Cents.of(paid.amount()), paid.note(),
                organiser.getPrincipal().getName());
        return QuarkusTransaction.requiringNew().call(() -> AdminEntry.of(Entry.byId(id, LockModeType.NONE)));
    }
}
