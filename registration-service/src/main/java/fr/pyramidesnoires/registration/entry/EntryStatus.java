package fr.pyramidesnoires.registration.entry;

public enum EntryStatus {
    /** Has a place, a bib and a chip. */
    CONFIRMED,
    /** The race was full: waits for a place, in order. */
    WAITLISTED,
    /** Gave up the place; the bib and chip went back to the race. */
    CANCELLED
}
