package fr.pyramidesnoires.timing.official;

import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.timing.account.Account;
import fr.pyramidesnoires.timing.course.CourseCatalog;
import fr.pyramidesnoires.timing.passage.RunnerTimings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The doubtful passages of a race, for an official to review: confirming one is setting it at its time (a passage
 * an official set is never doubted), striking it is removing it. Both are decisions like any other, undoable.
 */
@Path("/api/races/{race}/doubtful-passages")
@RolesAllowed(Account.OFFICIAL)
@Produces(MediaType.APPLICATION_JSON)
public class DoubtfulFlags {

    /**
     * @param time      the arrival
     * @param departure where the point times the runner leaving it too, and they left; null otherwise
     */
    public record Flag(int bib, String pointId, String pointName, Instant time, RunnerTiming.Doubt doubt,
                       Instant departure) {
    }

    final CourseCatalog courses;
    final RunnerTimings timings;

    DoubtfulFlags(CourseCatalog courses, RunnerTimings timings) {
        this.courses = courses;
        this.timings = timings;
    }

    /** By bib, then in course order: a runner's doubtful passages are reviewed together. */
    @GET
    @Transactional
    public List<Flag> flags(@PathParam("race") String race) {
        courses.known(race);
        return timings.stored(race).stream()
                .sorted(Comparator.comparingInt(RunnerTiming::bib))
                .flatMap(t -> t.passages().stream().filter(p -> p.doubtful() != null)
                        .map(p -> new Flag(t.bib(), p.pointId(), p.pointName(), p.time(), p.doubtful(),
                                p.departure())))
                .toList();
    }
}
