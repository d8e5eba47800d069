package fr.pyramidesnoires.results.ranking;

import fr.pyramidesnoires.events.CourseEvent;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What ranks runners at an aid station timed on the way out as well as in ({@code results.aid-station-ranking},
 * EVENT_AID_STATION_RANKING): their arrival, as at every other point, unless the event ranks on the departure, in
 * which case a runner who has not left yet is not ranked there yet. This is the ranking at the aid station (its page,
 * a runner's rank there, its leader in the statistics); the race's live ranking goes by arrivals.
 */
public enum AidStationRanking {
    ARRIVAL, DEPARTURE;

    /** The orders of the course's points where runners rank on their departure; none when ranked on arrival. */
    public Set<Integer> rankedOnDeparture(Optional<CourseEvent> course) {
        return this == ARRIVAL ? Set.of() : departureTimed(course);
    }

    /** The orders of the course's points that time the departure too. */
    public static Set<Integer> departureTimed(Optional<CourseEvent> course) {
        return course.map(c -> c.points().stream().filter(CourseEvent.Point::departureTimed)
                .map(CourseEvent.Point::order).collect(Collectors.toUnmodifiableSet())).orElse(Set.of());
    }
}
