package fr.pyramidesnoires.registration.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pyramidesnoires.registration.entry.Entry;
import fr.pyramidesnoires.registration.entry.EntryRefused;
import fr.pyramidesnoires.registration.entry.RegistrationRequest;
import fr.pyramidesnoires.registration.event.EventSettings;
import fr.pyramidesnoires.registration.price.Bill;
import fr.pyramidesnoires.registration.price.DiscountCode;
import fr.pyramidesnoires.registration.price.ExtraChoice;
import fr.pyramidesnoires.registration.price.PaymentTerms;
import fr.pyramidesnoires.registration.price.PriceRefused;
import fr.pyramidesnoires.registration.race.Race;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an entry costs the runner, decided with the entry under its race's lock, by the race's payment terms; and
 * what a cancellation gives back.
 */
@ApplicationScoped
public class EntryPrices {

    private static final Set<String> TAKEN_ELSEWHERE = Set.of("sold-out", "discount-used-up");

    final EventSettings event;
    final EntityManager em;
    final ObjectMapper json;

    EntryPrices(EventSettings event, EntityManager em, ObjectMapper json) {
        this.event = event;
        this.em = em;
        this.json = json;
    }

    /**
     * The bills of one batch of entries into a race: what the batch's earlier entries took of each extra's stock
     * and of each code's uses counts for the later ones, before any of them is in the database.
     */
    public Batch batch(Race race) {
        return new Batch(race, race.paymentTerms());
    }

    public final class Batch {

        private final Race race;
        private final PaymentTerms terms;
        private Map<String, Integer> extrasTaken;
        private final Map<String, Integer> codeUses = new HashMap<>();

        private Batch(Race race, PaymentTerms terms) {
            this.race = race;
            this.terms = terms;
        }

        /** Writes the bill on the entry, or refuses it naming the field at fault. */
        public void bill(Entry entry, RegistrationRequest request, Instant now) {
            List<ExtraChoice> extras = request.extras() == null ? List.of() : request.extras();
            try {
                if (!extras.isEmpty() && extrasTaken == null) {
                    extrasTaken = extrasTaken(race.code);
                }
                DiscountCode discount = discount(request.discountCode());
                int uses = discount == null ? 0 : codeUses.computeIfAbsent(discount.code(),
                        code -> (int) Discount.uses(code));
                Bill bill = terms.bill(race.code, now, entry.category, race.feeCents(), extras,
                        extrasTaken == null ? Map.of() : extrasTaken, discount, uses, event.currency());
                Map<String, String> answers = terms.answers(request.answers() == null ? Map.of()
                        : request.answers());
                entry.amountDueCents = bill.totalCents();
                entry.bill = json.writeValueAsString(bill);
                entry.extras = extras.isEmpty() ? null : json.writeValueAsString(extras);
                entry.answers = answers.isEmpty() ? null : json.writeValueAsString(answers);
                entry.discountCode = discount == null ? null : discount.code();
                extras.forEach(extra -> extrasTaken.merge(extra.code(), extra.quantity(), Integer::sum));
                if (discount != null) {
                    codeUses.merge(discount.code(), 1, Integer::sum);
                }
            } catch (PriceRefused refused) {
                throw new EntryRefused(TAKEN_ELSEWHERE.contains(refused.rule()) ? 409 : 422, refused.rule(),
                        refused.getMessage(), refused.field());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("The bill of an entry cannot be written", e);
            }
        }

        private DiscountCode discount(String typed) {
            if (typed == null || typed.isBlank()) {
                return null;
            }
            Discount found = Discount.lock(DiscountCode.normalise(typed));
            if (found == null) {
                throw DiscountCode.unknown(typed);
            }
            return found.rule();
        }
    }

    /** The bill written on the entry with it, as {@link Batch#bill} wrote it; null for an entry from before payments. */
    static Bill billOf(Entry entry, ObjectMapper json) {
        try {
            return entry.bill == null ? null : json.readValue(entry.bill, Bill.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The bill of entry " + entry.id + " cannot be read", e);
        }
    }

    /** How many of each extra the race's held and confirmed entries took. */
    public Map<String, Integer> extrasTaken(String raceCode) {
        Map<String, Integer> taken = new HashMap<>();
        em.createNativeQuery("""
                        SELECT x ->> 'code', sum((x ->> 'quantity')::int) FROM entry,
                            jsonb_array_elements(entry.extras::jsonb) AS x
                        WHERE racecode = ?1 AND status IN ('HELD', 'CONFIRMED') AND extras IS NOT NULL
                        GROUP BY 1""", Object[].class)
                .setParameter(1, raceCode)
                .getResultList()
                .forEach(row -> taken.put((String) ((Object[]) row)[0], ((Number) ((Object[]) row)[1]).intValue()));
        return taken;
    }

    /**
     * What the race's refund policy gives back on a cancellation now, of what was paid and not yet refunded; a
     * donation is never refunded, it went to the association.
     */
    public long refundOnCancellation(Race race, Entry entry, long paidCents, long refundedCents, Instant now) {
        Bill bill = billOf(entry, json);
        long donation = bill == null ? 0 : bill.donationCents();
        long refundable = Math.max(0, paidCents - donation);
        return race.paymentTerms().refund(now, race.startTime, event.zone(), refundable,
                Math.min(refundedCents, refundable)).cents();
    }
}
