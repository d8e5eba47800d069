package fr.pyramidesnoires.results.course;

import fr.pyramidesnoires.events.RaceEvent.Publication;
import fr.pyramidesnoires.results.race.RaceView;
import fr.pyramidesnoires.results.race.ReadModel;
import fr.pyramidesnoires.results.ranking.AidStationRanking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The course profile and the runners' positions of a race, as the race page and the map show them. */
@ApplicationScoped
public class CourseDrawings {

    @ConfigProperty(name = "results.zone")
    ZoneId zone;
    @ConfigProperty(name = "results.aid-station-ranking")
    AidStationRanking aidStations;
    /** A replay or the demo: runners placed at the race's latest passage, ahead of the wall clock. */
    @ConfigProperty(name = "results.replay-clock")
    boolean replay;

    final ReadModel model;

    CourseDrawings(ReadModel model) {
        this.model = model;
    }

    /**
     * The profile of the race with its runners placed at that instant; none for a race whose course is not known
     * yet, or that publishes no ranking: where runners are would rank them.
     */
    public Optional<ProfileDrawing> profile(String race, Instant at) {
        if (model.publication(race) != Publication.RANKING) {
            return Optional.empty();
        }
        RaceView view = RaceView.of(model, race, aidStations);
        Instant clock = Positions.clock(view, at, replay);
        return view.course().map(course -> ProfileDrawing.of(race, course, Positions.of(view, clock), clock, zone));
    }

    /** @param at the race's clock the runners are placed at ({@link Positions#clock}) */
    public record Placed(Instant at, List<Positions.Position> runners) {
    }

    /** Every placed runner of a race that publishes its ranking: a 404 for any other. */
    public Placed positions(String race, Instant now) {
        RaceView view = RaceView.ranked(model, race, aidStations);
        Instant clock = Positions.clock(view, now, replay);
        return new Placed(clock, Positions.of(view, clock));
    }
}
