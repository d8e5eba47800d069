package fr.pyramidesnoires.results.race;

import fr.pyramidesnoires.events.CourseEvent;
import fr.pyramidesnoires.events.RaceEvent;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.results.ranking.AidStationRanking;
import fr.pyramidesnoires.results.ranking.Ranked;
import fr.pyramidesnoires.results.ranking.RankingRules;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One race as the pages need it: its runners, its course, the clock its times count from, and what ranks runners at
 * its aid stations timed on the way out.
 */
public record RaceView(String code, List<Runner> runners, Optional<CourseEvent> course, AidStationRanking aidStations) {

    public static RaceView of(ReadModel model, String code, AidStationRanking aidStations) {
        requireKnown(model, code);
        return new RaceView(code, model.runners(code), model.course(code), aidStations);
    }

    /**
     * The race for the pages that rank or time runners one by one (a runner's splits, a point's passages): a race
     * whose organiser publishes no ranking has none of them, only its list of finishers.
     */
    public static RaceView ranked(ReadModel model, String code, AidStationRanking aidStations) {
        requireRanking(model, code);
        return of(model, code, aidStations);
    }

    /** A 404 for a race unknown or whose organiser publishes no ranking, as {@link #ranked} answers. */
    public static void requireRanking(ReadModel model, String code) {
        requireKnown(model, code);
        if (model.publication(code) != RaceEvent.Publication.RANKING) {
            throw new NotFoundException("Cette course ne publie pas de classement / This race publishes no ranking");
        }
    }

    private static void requireKnown(ReadModel model, String code) {
        if (!model.raceCodes().contains(code)) {
            throw new NotFoundException("Course inconnue / Unknown race: " + code);
        }
    }

    public Optional<Instant> gun() {
        return course.map(CourseEvent::gunStart);
    }

    /** The start signal when given, else the runner's own start crossing. */
    public Instant zero(Runner runner) {
        return gun().orElseGet(() -> runner.passages().stream().filter(p -> p.order() == 0)
                .map(RunnerTiming.Passage::time).findFirst().orElse(null));
    }

    /** The orders of the points where runners rank on their departure: none unless the event says so. */
    public Set<Integer> rankedOnDeparture() {
        return aidStations.rankedOnDeparture(course);
    }

    /** The orders of the points that time the departure as well as the arrival. */
    public Set<Integer> departureTimed() {
        return AidStationRanking.departureTimed(course);
    }

    public List<Ranked> rankedAt(int order) {
        Set<Integer> onDeparture = rankedOnDeparture();
        return RankingRules.rankAt(runners.stream().map(r -> r.competitor(onDeparture)).toList(), order);
    }

    /** Empty where the runner was not read, and where they are listed unranked (withdrawn later). */
    public Optional<Integer> rankAt(int order, int bib) {
        return rankedAt(order).stream().filter(r -> r.competitor().bib() == bib).findFirst().map(Ranked::rank);
    }
}
