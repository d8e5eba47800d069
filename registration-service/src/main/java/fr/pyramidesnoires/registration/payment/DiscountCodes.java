package fr.pyramidesnoires.registration.payment;

import fr.pyramidesnoires.registration.entry.EntryRefused;
import fr.pyramidesnoires.registration.price.Cents;
import fr.pyramidesnoires.registration.price.DiscountCode;
import fr.pyramidesnoires.registration.price.PriceRefused;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** The organisers' discount codes, made through the API or their page by the same rules. */
@ApplicationScoped
public class DiscountCodes {

    @Transactional
    public DiscountResource.CodeInUse create(DiscountResource.NewCode code, String organiser) {
        DiscountCode rule;
        try {
            rule = new DiscountCode(code.code(), code.amountOff() == null ? null : Cents.of(code.amountOff()),
                    code.percentOff(), code.raceCode(), code.maxUses(), code.expiresAt()).validated();
        } catch (PriceRefused refused) {
            throw new EntryRefused(422, refused.rule(), refused.getMessage(), refused.field());
        }
        if (Discount.findById(rule.code()) != null) {
            throw new EntryRefused(409, "discount-code-exists", "Le code " + rule.code() + " existe déjà / Code "
                    + rule.code() + " already exists", "code");
        }
        Discount discount = new Discount();
        discount.code = rule.code();
        discount.amountOffCents = rule.amountOffCents();
        discount.percentOff = rule.percentOff();
        discount.raceCode = rule.raceCode();
        discount.maxUses = rule.maxUses();
        discount.expiresAt = rule.expiresAt();
        discount.createdBy = organiser;
        discount.createdAt = Instant.now();
        discount.persist();
        return DiscountResource.CodeInUse.of(discount);
    }

    @Transactional
    public List<DiscountResource.CodeInUse> all() {
        return Discount.<Discount>listAll(Sort.by("code")).stream().map(DiscountResource.CodeInUse::of).toList();
    }
}
