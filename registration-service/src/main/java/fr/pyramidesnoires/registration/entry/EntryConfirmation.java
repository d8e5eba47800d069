package fr.pyramidesnoires.registration.entry;

import fr.pyramidesnoires.registration.payment.Payment;
import fr.pyramidesnoires.registration.race.Race;
import fr.pyramidesnoires.registration.event.EventSettings;
import jakarta.enterprise.inject.spi.CDI;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * What the runner gets back: their place (bib and chip), the place held while they pay, or their position on the
 * waitlist, and the private link token with which they manage the entry. Amounts are in the currency named beside
 * them, the event's.
 *
 * @param fee       what the entry costs the runner: the bill decided with it (extras and discount included), or the
 *                  race's fee for an entry from before payments
 * @param holdUntil while HELD, when the place goes on unless paid
 * @param paid      what the runner paid for the entry so far; refunded, what went back to them
 */
public record EntryConfirmation(UUID id, String raceCode, String raceName, EntryStatus status, Integer bib,
                                String chip, String category, Long waitlistPosition, String token,
                                BigDecimal fee, String currency, boolean certificateOnFile, Instant holdUntil,
                                BigDecimal paid, BigDecimal refunded) {

    public static EntryConfirmation of(Entry entry) {
        return of(entry, Race.findById(entry.raceCode), entry.waitlistPosition(), Payment.totals(entry.id));
    }

    /** For whoever already holds the race and knows the waitlist position, as a batch of entries does. */
    static EntryConfirmation of(Entry entry, Race race, Long waitlistPosition, Payment.Totals totals) {
        BigDecimal fee = entry.bill != null ? BigDecimal.valueOf(entry.amountDueCents, 2)
                : race == null ? null : race.fee;
        return new EntryConfirmation(entry.id, entry.raceCode, race == null ? null : race.name, entry.status,
                entry.bib, entry.chip, entry.category, waitlistPosition, entry.token, fee,
                fee == null ? null : CDI.current().select(EventSettings.class).get().currencyCode(),
                entry.certificateReceivedAt != null, entry.status == EntryStatus.HELD ? entry.holdUntil : null,
                cents(totals.paidCents()), cents(totals.refundedCents()));
    }

    private static BigDecimal cents(long cents) {
        return cents == 0 ? null : BigDecimal.valueOf(cents, 2);
    }
}
