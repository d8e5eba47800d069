package fr.pyramidesnoires.registration.entry;

import fr.pyramidesnoires.registration.race.Race;
import fr.pyramidesnoires.registration.event.EventSettings;
import jakarta.enterprise.inject.spi.CDI;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * What the runner gets back: their place (bib and chip) or their position on the waitlist, and the private
 * link token with which they manage the entry. The fee is in the currency named beside it, the event's.
 */
public record EntryConfirmation(UUID id, String raceCode, String raceName, EntryStatus status, Integer bib,
                                String chip, String category, Long waitlistPosition, String token,
                                BigDecimal fee, String currency, boolean certificateOnFile) {

    public static EntryConfirmation of(Entry entry) {
        // the fee is the race's current one: the platform shows it, payment happens elsewhere
        return of(entry, Race.findById(entry.raceCode), entry.waitlistPosition());
    }

    /** For whoever already holds the race and knows the waitlist position, as a batch of entries does. */
    static EntryConfirmation of(Entry entry, Race race, Long waitlistPosition) {
        return new EntryConfirmation(entry.id, entry.raceCode, race == null ? null : race.name, entry.status,
                entry.bib, entry.chip, entry.category, waitlistPosition, entry.token,
                race == null ? null : race.fee, race == null || race.fee == null ? null
                        : CDI.current().select(EventSettings.class).get().currencyCode(),
                entry.certificateReceivedAt != null);
    }
}
