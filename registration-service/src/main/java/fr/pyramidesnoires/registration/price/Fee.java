package fr.pyramidesnoires.registration.price;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The entry fee that applies, and which price of the race gives it.
 *
 * @param tier       the price's place in the race's prices, from 0; null for the race's own fee
 * @param name       the price's name, if the organiser gave one
 * @param until      when this price ends; null when it has no end
 * @param categories the categories the price is for; empty for every runner
 */
public record Fee(long cents, Integer tier, String name, OffsetDateTime until, List<String> categories) {

    static Fee of(int tier, PriceTier price) {
        return new Fee(Cents.of(price.fee()), tier, price.name(), price.until(), price.categories());
    }

    static Fee race(long cents) {
        return new Fee(cents, null, null, null, List.of());
    }
}
