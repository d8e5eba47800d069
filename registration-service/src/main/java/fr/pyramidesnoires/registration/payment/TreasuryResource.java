package fr.pyramidesnoires.registration.payment;

import fr.pyramidesnoires.registration.account.OrganiserAccount;
import fr.pyramidesnoires.registration.event.EventSettings;
import fr.pyramidesnoires.registration.treasury.Ledger;
import fr.pyramidesnoires.registration.treasury.LedgerCsv;
import fr.pyramidesnoires.registration.treasury.Reconciliation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The treasurer's view: every payment, refund and discount per race and in total, and what the provider reports
 * against what registration recorded.
 */
@Path("/api/admin/treasury")
@RolesAllowed(OrganiserAccount.ROLE)
@Tag(name = "Organiser: payments")
public class TreasuryResource {

    /** The provider's statement is asked from this far back unless the treasurer says otherwise. */
    private static final int DEFAULT_DAYS = 400;

    public record Accounts(Collection<Ledger.Account> races, Ledger.Account total) {
    }

    final Books books;
    final Payments payments;
    final EventSettings event;

    TreasuryResource(Books books, Payments payments, EventSettings event) {
        this.books = books;
        this.payments = payments;
        this.event = event;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Gross, provider fees, refunds and net per race and in total, with entries held, paid and "
            + "expired and the discounts used")
    public Accounts accounts() {
        Ledger ledger = books.ledger();
        return new Accounts(ledger.races(), ledger.total());
    }

    @GET
    @Path("payments.csv")
    @Produces("text/csv;charset=UTF-8")
    @Operation(summary = "Every payment, refund and discount, then the accounts per race and in total, as CSV")
    public Response csv() {
        return Response.ok(LedgerCsv.write(books.ledger(), event.zone()))
                .header("Content-Disposition", "attachment; filename=\"tresorerie.csv\"").build();
    }

    @GET
    @Path("reconciliation")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every difference between what the payment provider reports since then (default: 400 days "
            + "back) and what registration recorded; none when they agree")
    public List<Reconciliation.Difference> reconciliation(@RestQuery Instant since) {
        Instant from = since != null ? since : Instant.now().minus(DEFAULT_DAYS, ChronoUnit.DAYS);
        Ledger ledger = books.ledger();
        return Reconciliation.compare(ledger.payments(), ledger.refunds(), payments.provider().statement(from), from,
                event.currency());
    }
}
