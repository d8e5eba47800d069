package fr.pyramidesnoires.registration.entry;

import fr.pyramidesnoires.registration.payment.Books;
import fr.pyramidesnoires.registration.payment.Payments;
import fr.pyramidesnoires.registration.payment.Receipts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

@Path("/api/entries")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class EntryResource {

    final Registrations registrations;
    final Registrar registrar;
    final Payments payments;
    final Books books;

    EntryResource(Registrations registrations, Registrar registrar, Payments payments, Books books) {
        this.registrations = registrations;
        this.registrar = registrar;
        this.payments = payments;
        this.books = books;
    }

    /** No transaction of its own: the race's registrar decides the entry in a batch with others. */
    @POST
    @CountsAsRegistration
    public Response register(@NotNull @Valid RegistrationRequest request) {
        EntryConfirmation entry = registrar.register(request);
        return Response.created(URI.create("/api/entries/by-token/" + entry.token())).entity(entry).build();
    }

    /** The runner's own view of their entry, through their private link. */
    @GET
    @Path("by-token/{token}")
    @Transactional
    public EntryConfirmation mine(@PathParam("token") String token) {
        return EntryConfirmation.of(Entry.byToken(token));
    }

    @POST
    @Path("by-token/{token}/cancellation")
    @Consumes(MediaType.WILDCARD)
    @Transactional
    public EntryConfirmation cancel(@PathParam("token") String token) {
        return EntryConfirmation.of(registrations.cancel(token));
    }

    /**
     * Gives the entry to another runner, described as on a registration (same race). The answer carries the new
     * runner's private link; the old one no longer works.
     */
    @POST
    @Path("by-token/{token}/transfer")
    public Response transfer(@PathParam("token") String token, @NotNull @Valid RegistrationRequest newRunner) {
        if (payments.transferFeeCents(token) > 0) {
            // made once the new runner paid the race's transfer fee at the answer's url
            return Response.accepted(payments.openTransferCheckout(token, newRunner)).build();
        }
        return Response.ok(QuarkusTransaction.requiringNew().call(() ->
                EntryConfirmation.of(registrations.transfer(token, newRunner)))).build();
    }

    /** Moves the entry to another race with room: a new bib from that race, the old place to its waitlist. */
    @POST
    @Path("by-token/{token}/race-change")
    @Transactional
    public EntryConfirmation changeRace(@PathParam("token") String token, @NotNull @Valid RaceChange change) {
        return EntryConfirmation.of(registrations.changeRace(token, change.raceCode()));
    }

    /** A checkout for the place held for the runner; the answer's url is the provider's page where they pay. */
    @POST
    @Path("by-token/{token}/checkout")
    @Consumes(MediaType.WILDCARD)
    public Response checkout(@PathParam("token") String token) {
        Payments.CheckoutLink link = payments.openCheckout(token);
        return Response.created(URI.create(link.url())).entity(link).build();
    }

    /** The receipt (PDF) of one payment of the entry, for the club or employer who reimburses it. */
    @GET
    @Path("by-token/{token}/receipts/{payment}")
    @Produces("application/pdf")
    public Response receipt(@PathParam("token") String token, @PathParam("payment") UUID payment) {
        return Receipts.pdf(books.receipt(token, payment), payment);
    }
}
