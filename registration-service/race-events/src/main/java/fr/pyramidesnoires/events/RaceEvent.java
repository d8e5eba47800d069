package fr.pyramidesnoires.events;

import java.time.OffsetDateTime;

/**
 * A race as the public sees it, published by registration-service whenever the organiser's races change.
 *
 * @param publication how much of the race's results the organiser publishes; a message from before the field
 *                    reads as {@link Publication#RANKING}, what every race published then
 * @param sample      the race's figures (distance, climb, start, places) are an illustration, not the organiser's:
 *                    pages say so once rather than in the race's name; a message from before the field reads as
 *                    false
 */
public record RaceEvent(
        String code,
        String name,
        double distanceKm,
        int elevationGainM,
        OffsetDateTime startTime,
        int capacity,
        Publication publication,
        boolean sample) {

    /** How much of a race's results are public: some events rank nobody, and say only who finished. */
    public enum Publication {
        /** The ranking: ranks, times and gaps, with each runner's name as they agreed. */
        RANKING,
        /** Who finished, in bib order, with names as agreed: no rank, time or gap. */
        FINISHERS,
        /** Only the bibs that finished, in order: no rank, time, gap, name, club or nationality. */
        FINISHER_BIBS
    }

    public RaceEvent {
        if (publication == null) {
            publication = Publication.RANKING;
        }
    }

    /** A race of the organiser's own, whatever it publishes. */
    public RaceEvent(String code, String name, double distanceKm, int elevationGainM, OffsetDateTime startTime,
                     int capacity, Publication publication) {
        this(code, name, distanceKm, elevationGainM, startTime, capacity, publication, false);
    }

    /** A race of the organiser's own that publishes its ranking. */
    public RaceEvent(String code, String name, double distanceKm, int elevationGainM, OffsetDateTime startTime,
                     int capacity) {
        this(code, name, distanceKm, elevationGainM, startTime, capacity, Publication.RANKING, false);
    }
}
