package fr.pyramidesnoires.results.course;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pyramidesnoires.events.CourseEvent;
import fr.pyramidesnoires.events.RunnerTiming.Status;
import fr.pyramidesnoires.results.language.ChosenLanguage;
import fr.pyramidesnoires.results.race.RaceView;
import fr.pyramidesnoires.results.race.ReadModel;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The map of a race's course with its runners, and where they are for the map and other apps. */
@Path("/")
public class CourseResource {

    /** Track points sent to the map at most: more is weight on a phone, not detail anyone sees. */
    static final int MAP_TRACK_POINTS = 2000;

    /**
     * @param name     null when the runner refused publication of their name
     * @param km       estimated along the course
     * @param lat      on the track at that km; null for a course without a track
     * @param leader   among the first three of the ranking
     */
    public record RunnerPosition(int bib, String name, double km, Double lat, Double lon, Status status,
                                 boolean leader) {
    }

    /** @param at the instant the runners are placed at */
    public record RacePositions(String race, Instant at, List<RunnerPosition> runners) {
    }

    /** What the map page draws: the track, as [lat, lon], and the timing points on it. */
    record MapCourse(List<double[]> track, List<MapPoint> points) {
    }

    record MapPoint(String name, double km, double lat, double lon) {
    }

    @CheckedTemplate
    static class Templates {
        /**
         * @param drawn  the course as JSON for the map's script; null when the course has no track
         * @param tiles  the tiles' URL template; null for a plain background
         */
        static native TemplateInstance map(String raceCode, String raceName, String drawn, String tiles,
                                           String attribution, ZoneId zone);
    }

    @ConfigProperty(name = "results.zone")
    ZoneId zone;
    @ConfigProperty(name = "results.map.tiles")
    Optional<String> tiles;
    @ConfigProperty(name = "results.map.attribution")
    Optional<String> attribution;

    final ReadModel model;
    final CourseDrawings drawings;
    final ChosenLanguage language;
    final ObjectMapper json;

    CourseResource(ReadModel model, CourseDrawings drawings, ChosenLanguage language, ObjectMapper json) {
        this.model = model;
        this.drawings = drawings;
        this.language = language;
        this.json = json;
    }

    @GET
    @Path("races/{race}/carte")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance map(@PathParam("race") String race) throws JsonProcessingException {
        RaceView.requireRanking(model, race);
        String name = model.raceName(race);
        Optional<CourseEvent> course = model.course(race).filter(c -> !c.track().isEmpty());
        String drawn = course.isEmpty() ? null : json.writeValueAsString(mapCourse(course.get()));
        return language.page(Templates.map(race, name, drawn, tiles.orElse(null), attribution.orElse(""),
                zone));
    }

    @GET
    @Path("api/races/{race}/positions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Where every runner of a race is now: finishers at the finish, runners on course at their"
            + " estimated km between their last point and the next at their own pace so far, with the place on the"
            + " track when the course has one; runners not started, DNF, DSQ and DNS are not placed")
    public RacePositions positions(@PathParam("race") String race) {
        CourseDrawings.Placed placed = drawings.positions(race, Instant.now());
        CourseProfile profile = model.course(race).map(CourseProfile::of).orElse(null);
        List<RunnerPosition> runners = placed.runners().stream().map(p -> {
            Optional<CourseProfile.Place> place = profile == null ? Optional.empty() : profile.placeAt(p.km());
            return new RunnerPosition(p.bib(), p.name(), p.km(), place.map(CourseProfile.Place::lat).orElse(null),
                    place.map(CourseProfile.Place::lon).orElse(null), p.status(), p.leader());
        }).toList();
        return new RacePositions(race, placed.at(), runners);
    }

    static MapCourse mapCourse(CourseEvent course) {
        List<CourseEvent.TrackPoint> track = course.track();
        int stride = (track.size() + MAP_TRACK_POINTS - 1) / MAP_TRACK_POINTS;
        List<double[]> line = new ArrayList<>();
        for (int i = 0; i < track.size(); i += stride) {
            line.add(new double[] {track.get(i).lat(), track.get(i).lon()});
        }
        if ((track.size() - 1) % stride != 0) {
            CourseEvent.TrackPoint finish = track.get(track.size() - 1);
            line.add(new double[] {finish.lat(), finish.lon()});
        }
        CourseProfile profile = CourseProfile.of(course);
        List<MapPoint> points = course.points().stream().map(p -> {
            CourseProfile.Place place = profile.placeAt(p.km()).orElseThrow();
            return new MapPoint(p.name(), p.km(), place.lat(), place.lon());
        }).toList();
        return new MapCourse(line, points);
    }
}
