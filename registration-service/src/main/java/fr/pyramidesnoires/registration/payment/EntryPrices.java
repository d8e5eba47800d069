package fr.pyramidesnoires.registration.payment;

import fr.pyramidesnoires.registration.entry.Entry;
import fr.pyramidesnoires.registration.entry.RegistrationRequest;
import fr.pyramidesnoires.registration.race.Race;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** What an entry costs the runner, decided with the entry, and what a cancellation gives back. */
@ApplicationScoped
public class EntryPrices {

    /** Writes the bill on the entry, under its race's lock. */
    public void bill(Entry entry, Race race, RegistrationRequest request, Instant now) {
        entry.amountDueCents = race.fee == null ? 0 : race.fee.movePointRight(2).longValueExact();
    }

    /** What the race's refund policy gives back, of what was paid and not yet refunded, on a cancellation now. */
    public long refundOnCancellation(Race race, long paidCents, long refundedCents, Instant now) {
        return 0;
    }
}
