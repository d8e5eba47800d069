package fr.pyramidesnoires.registration.payment;

import fr.pyramidesnoires.registration.account.OrganiserAccount;
import fr.pyramidesnoires.registration.treasury.Reconciliation;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The treasurer's page: the accounts, the CSV, and the reconciliation with the provider, read when it answers. */
@Path("/admin/treasury")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(OrganiserAccount.ROLE)
public class TreasuryPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance treasury(TreasuryResource.Accounts accounts,
                                                List<Reconciliation.Difference> differences,
                                                String reconciliationError);
    }

    final TreasuryResource treasury;
    final Payments payments;

    TreasuryPages(TreasuryResource treasury, Payments payments) {
        this.treasury = treasury;
        this.payments = payments;
    }

    @GET
    public TemplateInstance page() {
        List<Reconciliation.Difference> differences = null;
        String error = null;
        if (payments.online()) {
            try {
                differences = treasury.reconciliation(null);
            } catch (PaymentProvider.Unavailable unavailable) {
                error = unavailable.getMessage();
            }
        }
        return Templates.treasury(treasury.accounts(), differences, error);
    }
}
