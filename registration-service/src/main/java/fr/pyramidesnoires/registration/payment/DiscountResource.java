package fr.pyramidesnoires.registration.payment;

import fr.pyramidesnoires.problem.PlainText;
import fr.pyramidesnoires.registration.account.OrganiserAccount;
import fr.pyramidesnoires.registration.price.Cents;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/admin/discount-codes")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(OrganiserAccount.ROLE)
@Tag(name = "Organiser: payments")
public class DiscountResource {

    /**
     * A new code: an amount off or a percentage off the entry fee (100 for a free entry, for invited runners and
     * volunteers), for one race or all of them, for a number of uses and until a time, each optional.
     */
    public record NewCode(@NotNull @Size(max = 40) @PlainText String code,
                          @DecimalMin("0.01") @Digits(integer = 7, fraction = 2) BigDecimal amountOff,
                          Integer percentOff, @Size(max = 20) @PlainText String raceCode, Integer maxUses,
                          Instant expiresAt) {
    }

    /** A code and how many entries hold or have a place with it. */
    public record CodeInUse(String code, BigDecimal amountOff, Integer percentOff, String raceCode, Integer maxUses,
                            Instant expiresAt, long uses, String createdBy) {
        static CodeInUse of(Discount discount) {
            return new CodeInUse(discount.code, discount.amountOffCents == null ? null
                    : Cents.amount(discount.amountOffCents), discount.percentOff, discount.raceCode,
                    discount.maxUses, discount.expiresAt, Discount.uses(discount.code), discount.createdBy);
        }
    }

    final SecurityIdentity organiser;
    final DiscountCodes codes;

    DiscountResource(SecurityIdentity organiser, DiscountCodes codes) {
        this.organiser = organiser;
        this.codes = codes;
    }

    @POST
    @Operation(summary = "Make a discount code; its code is kept in capitals, as runners' typing is read")
    public Response create(@NotNull @Valid NewCode code) {
        return Response.created(URI.create("/api/admin/discount-codes"))
                .entity(codes.create(code, organiser.getPrincipal().getName())).build();
    }

    @GET
    @Operation(summary = "Every discount code, with its uses so far")
    public List<CodeInUse> all() {
        return codes.all();
    }
}
