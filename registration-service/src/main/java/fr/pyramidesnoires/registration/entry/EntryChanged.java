package fr.pyramidesnoires.registration.entry;

/**
 * A change the runner must hear about, fired inside the transaction that made it. It is a snapshot, so that
 * whoever tells the runner after the commit needs no database.
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
        CANCELLED
    }
}
