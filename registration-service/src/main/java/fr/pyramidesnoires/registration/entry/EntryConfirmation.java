package fr.pyramidesnoires.registration.entry;

import java.util.UUID;

/** What the runner gets back on registering. */
public record EntryConfirmation(UUID id, String raceCode, int bib, String chip, String category) {

    static EntryConfirmation of(Entry entry) {
        return new EntryConfirmation(entry.id, entry.raceCode, entry.bib, entry.chip, entry.category);
    }
}
