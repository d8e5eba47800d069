package fr.pyramidesnoires.events;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.time.Instant;

/**
 * The public face of an entry: the only runner data that leaves registration-service. No birth date, e-mail,
 * phone, emergency contact or document ever goes here. When the runner refused publication of results,
 * {@code nameHidden} is true and {@code firstName}, {@code lastName}, {@code club} and {@code nationality} are null:
 * a club and a nationality together often name the one runner they fit. Category and sex stay, for the ranking.
 *
 * @param passingAlertsRefused the runner refused that spectators be mailed at each of their passages; false in
 *                             messages written before the choice existed
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
        Instant at,
        boolean passingAlertsRefused) {

    /** Enforced here, for every producer and for messages written before the rule: none can carry them. */
    public EntryEvent {
        if (nameHidden) {
            firstName = null;
            lastName = null;
            club = null;
            nationality = null;
        }
    }

    /** An entry whose runner lets spectators follow them by e-mail, as every entry did before they could refuse. */
    public EntryEvent(Type type, String entryId, String raceCode, int bib, String chip, String firstName,
                      String lastName, boolean nameHidden, Sex sex, String category, String club, String nationality,
                      Instant at) {
        this(type, entryId, raceCode, bib, chip, firstName, lastName, nameHidden, sex, category, club, nationality,
                at, false);
    }

    public enum Type {
        /** A new entry, or one whose public fields changed (bib, chip, race, name, club...). */
        UPSERTED,
        /** The entry no longer takes part: its bib and chip are free. */
        CANCELLED
    }

    /**
     * The runner's division. Men keep the French letter H on the wire, as every entry written before the
     * international codes carries it; M is read as H, so a client may send either.
     */
    public enum Sex {
        F,
        @JsonAlias("M") H,
        /** Non-binary: only in a race that opens this division. */
        X;

        /** A query parameter or a form field: F, H or M, X. */
        public static Sex fromString(String code) {
            return "M".equals(code) ? H : valueOf(code);
        }
    }
}
