package fr.pyramidesnoires.events;

import java.time.Instant;

/**
 * The public face of an entry: the only runner data that leaves registration-service. No birth date, e-mail,
 * phone, emergency contact or document ever goes here. When the runner refused publication of results,
 * {@code firstName}/{@code lastName} are null and {@code nameHidden} is true, so no consumer can show it.
 */
public record EntryEvent(
        Type type,
        String entryId,
        String raceCode,
        int bib,
        String chip,
        String firstName,
        String lastName,
        boolean nameHidden,
        Sex sex,
        String category,
        String club,
        String nationality,
        Instant at) {

    public enum Type {
        /** A new entry, or one whose public fields changed (bib, chip, race, name, club...). */
        UPSERTED,
        /** The entry no longer takes part: its bib and chip are free. */
        CANCELLED
    }

    public enum Sex {
        F, H
    }
}
