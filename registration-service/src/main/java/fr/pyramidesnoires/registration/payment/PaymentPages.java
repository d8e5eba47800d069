package fr.pyramidesnoires.registration.payment;

import fr.pyramidesnoires.registration.entry.Entry;
import fr.pyramidesnoires.registration.entry.EntryStatus;
import fr.pyramidesnoires.registration.event.EventSettings;
import fr.pyramidesnoires.registration.race.Race;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Where the provider sends the runner back. Coming back proves nothing, so the page asks the provider itself
 * whether the checkout was paid, and confirms the entry if so (the signed notification may come later, or
 * never). The runner's private link is not in this address: it went to the provider, which need not know it.
 */
@Path("/payment/return")
@Produces(MediaType.TEXT_HTML)
public class PaymentPages {

    /**
     * @param outcome paid (the entry is confirmed), waiting (not paid yet, the place still held), unknown (the provider
     *                did not answer), over (the hold ended)
     */
    public record Returned(String outcome, String raceName, Integer bib, String holdUntilFr, String holdUntilEn) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance returned(Returned returned);
    }

    final Payments payments;
    final EventSettings event;

    PaymentPages(Payments payments, EventSettings event) {
        this.payments = payments;
        this.event = event;
    }

    @GET
    public Response back(@RestQuery String checkout, @RestQuery String payment) {
        String checkoutId = checkout;
        if (checkoutId == null && payment != null) {
            checkoutId = QuarkusTransaction.requiringNew().call(() -> {
                Payment cancelled = Payments.paymentByReference(payment);
                return cancelled == null ? null : cancelled.checkoutId;
            });
        }
        Payment found = checkoutId == null ? null : byCheckout(checkoutId);
        if (found == null) {
            return Response.status(Response.Status.NOT_FOUND).entity(Templates.returned(
                    new Returned("none", null, null, null, null))).build();
        }
        String outcome = "waiting";
        try {
            PaymentProvider.CheckoutState state = payments.provider().checkout(checkoutId);
            payments.settle(state);
        } catch (PaymentProvider.Unavailable e) {
            outcome = "unknown";
        }
        UUID entryId = found.entryId;
        String known = outcome;
        return Response.ok(Templates.returned(QuarkusTransaction.requiringNew().call(() -> {
            Entry entry = Entry.findById(entryId);
            Race race = Race.findById(entry.raceCode);
            String now = entry.status == EntryStatus.CONFIRMED ? "paid"
                    : entry.status == EntryStatus.HELD ? known : "over";
            return new Returned(now, race.name, entry.bib, event.dateTimeFr(entry.holdUntil),
                    event.dateTimeEn(entry.holdUntil));
        }))).build();
    }

    private static Payment byCheckout(String checkoutId) {
        return QuarkusTransaction.requiringNew().call(() -> Payment.byCheckout(checkoutId));
    }
}
