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
        return view.course().map(course -> ProfileDrawing.of(race, course, Positions.of(view, at), at, zone));
    }

    /** Every placed runner of a race that publishes its ranking: a 404 for any other. */
    public List<Positions.Position> positions(String race, Instant at) {
        return Positions.of(RaceView.ranked(model, race, aidStations), at);
    }
}
