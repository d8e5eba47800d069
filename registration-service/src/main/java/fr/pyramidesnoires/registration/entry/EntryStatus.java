package fr.pyramidesnoires.registration.entry;

public enum EntryStatus {
    /** Has a place, a bib and a chip. */
    CONFIRMED,
    /**
     * Has a place kept until {@code holdUntil} while the runner pays, no bib yet: it counts against the capacity, so
     * no place is sold twice. Paid, the entry is confirmed; unpaid, it is cancelled and the place goes on.
     */
    HELD,
    /** The race was full: waits for a place, in order. */
    WAITLISTED,
    /** Gave up the place; the bib and chip went back to the race. */
    CANCELLED
}
