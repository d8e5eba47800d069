package fr.pyramidesnoires.events;

import java.time.OffsetDateTime;

/** A race as the public sees it, published by registration-service whenever the organiser's races change. */
public record RaceEvent(
        String code,
        String name,
        double distanceKm,
        int elevationGainM,
        OffsetDateTime startTime,
        int capacity) {
}
