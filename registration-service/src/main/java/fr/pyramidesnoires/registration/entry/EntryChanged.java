package fr.pyramidesnoires.registration.entry;

/**
 * A change the runner must hear about, fired inside the transaction that made it: the mail to the runner is written
 * down with the change. It is a snapshot, so that the mail says what was true when the change was made.
 *
 * @param email null when the runner gave none
 */
public record EntryChanged(Change change, String email, String firstName, EntryConfirmation entry) {

    public enum Change {
        /** Registered, with a place or on the waitlist. */
        ENTERED,
        /** Moved from the waitlist to a place. */
        PROMOTED,
        /** Given to another runner, who is the one told. */
        TRANSFERRED,
        RACE_CHANGED,
        CANCELLED,
        /** Offered a freed place from the waitlist, held for them until they pay. */
        OFFERED,
        /** Paid: the held place is theirs, with a bib. */
        PAID,
        /** The hold ran out unpaid: the place went on. */
        HOLD_EXPIRED,
        /** Money went back to them: a second payment for the same entry, or one that came after the hold ended. */
        REFUNDED
    }
}
