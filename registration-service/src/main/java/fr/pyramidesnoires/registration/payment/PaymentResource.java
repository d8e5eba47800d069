package fr.pyramidesnoires.registration.payment;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

@Path("/api/payments")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentResource {

    final ProviderNotices notices;

    PaymentResource(ProviderNotices notices) {
        this.notices = notices;
    }

    /** The provider's notifications (Stripe: checkout.session.completed and .expired), signed. */
    @POST
    @Path("stripe/webhook")
    @Consumes(MediaType.WILDCARD)
    public Map<String, String> notification(String payload, @HeaderParam("Stripe-Signature") String signature) {
        return Map.of("outcome", notices.receive(payload == null ? "" : payload, signature));
    }
}
