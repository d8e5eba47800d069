package fr.pyramidesnoires.registration.price;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/**
 * A paid extra a runner may order with their entry (a meal, a shuttle seat, a T-shirt), or a donation, as the races
 * file gives it.
 *
 * @param name         what the runner reads, French then English ("Repas d'après-course / Post-race meal")
 * @param price        of one, in units of the event's currency to the cent; none for a donation, whose runner
 *                     says how much
 * @param stock        how many the organiser has for the whole race, every size together; null for no limit
 * @param sizes        the sizes a runner picks one of; empty when the extra has none
 * @param maxPerRunner how many one runner may order; {@value #MAX_PER_RUNNER} when not given, 1 for a donation
 */
public record Extra(
        String code,
        String name,
        @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal price,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer stock,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> sizes,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean donation,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer maxPerRunner) {

    public static final int MAX_PER_RUNNER = 5;
    /** A donation is from 1 to 10,000 in the event's currency: below is a slip, above needs a word with the club. */
    public static final long DONATION_MIN_CENTS = 100;
    public static final long DONATION_MAX_CENTS = 1_000_000;

    public Extra {
        sizes = sizes == null ? List.of() : List.copyOf(sizes);
    }

    public int mostPerRunner() {
        return donation ? 1 : maxPerRunner == null ? MAX_PER_RUNNER : maxPerRunner;
    }

    /** How many are left when {@code taken} are already ordered; null when the extra has no stock limit. */
    public Integer left(int taken) {
        return stock == null ? null : Math.max(0, stock - taken);
    }
}
