package fr.pyramidesnoires.registration.payment;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.UUID;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentResource {

    final Payments payments;
    final ProviderNotices notices;
    final Books books;

    PaymentResource(Payments payments, ProviderNotices notices, Books books) {
        this.payments = payments;
        this.notices = notices;
        this.books = books;
    }

    /** The receipt (PDF) of one payment of the entry, for the club or employer who reimburses it. */
    @GET
    @Path("entries/by-token/{token}/receipts/{payment}")
    @Produces("application/pdf")
    public Response receipt(@PathParam("token") String token, @PathParam("payment") UUID payment) {
        return Receipts.pdf(books.receipt(token, payment), payment);
    }

    /** A checkout for the place held for the runner behind the private link; the answer's url is where they pay. */
    @POST
    @Path("entries/by-token/{token}/checkout")
    @Consumes(MediaType.WILDCARD)
    public Response checkout(@PathParam("token") String token) {
        Payments.CheckoutLink link = payments.openCheckout(token);
        return Response.created(URI.create(link.url())).entity(link).build();
    }

    /** The provider's notifications (Stripe: checkout.session.completed and .expired), signed. */
    @POST
    @Path("payments/stripe/webhook")
    @Consumes(MediaType.WILDCARD)
    public Map<String, String> notification(String payload, @HeaderParam("Stripe-Signature") String signature) {
        return Map.of("outcome", notices.receive(payload == null ? "" : payload, signature));
    }
}
