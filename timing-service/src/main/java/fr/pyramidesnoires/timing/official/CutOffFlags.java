package fr.pyramidesnoires.timing.official;

import fr.pyramidesnoires.timing.account.Account;
import fr.pyramidesnoires.timing.course.Course;
import fr.pyramidesnoires.timing.course.CourseCatalog;
import fr.pyramidesnoires.timing.passage.CutOffs;
import fr.pyramidesnoires.timing.passage.RunnerTimings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/** Runners past a cut-off, for an official to confirm as DNF (or not) with a status decision. */
@Path("/api/races/{race}/cutoff-flags")
@RolesAllowed(Account.OFFICIAL)
@Produces(MediaType.APPLICATION_JSON)
public class CutOffFlags {

    /** @param late true when the runner got there after the cut-off, false when not there yet */
    public record Flag(int bib, String pointId, String pointName, Instant deadline, boolean late) {
    }

    final CourseCatalog courses;
    final RunnerTimings timings;

    CutOffFlags(CourseCatalog courses, RunnerTimings timings) {
        this.courses = courses;
        this.timings = timings;
    }

    @GET
    @Transactional
    public List<Flag> flags(@PathParam("race") String race) {
        Course course = courses.known(race);
        Instant now = Instant.now();
        return timings.stored(race).stream()
                .flatMap(t -> CutOffs.first(course, t, now).stream()
                        .map(m -> new Flag(t.bib(), m.pointId(), m.pointName(), m.deadline(), m.late())))
                .toList();
    }
}
