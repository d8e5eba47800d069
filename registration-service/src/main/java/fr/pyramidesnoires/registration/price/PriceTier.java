package fr.pyramidesnoires.registration.price;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One price of a race's entry, as the races file gives it.
 *
 * @param until      the instant the price ends, itself excluded; null for a price with no end
 * @param categories the runners' categories it is for (JU, ES, U18, ...); empty for every runner
 * @param fee        in units of the event's currency, to the cent (80, 12.50)
 * @param name       what the bill calls it ("Tarif préférentiel / Early bird"), if the organiser names it
 */
public record PriceTier(
        @JsonInclude(JsonInclude.Include.NON_NULL) OffsetDateTime until,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> categories,
        BigDecimal fee,
        @JsonInclude(JsonInclude.Include.NON_NULL) String name) {

    public PriceTier {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    boolean openAt(Instant now) {
        return until == null || until.toInstant().isAfter(now);
    }

    boolean general() {
        return categories.isEmpty();
    }
}
