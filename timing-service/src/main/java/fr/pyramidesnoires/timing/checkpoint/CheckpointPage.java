package fr.pyramidesnoires.timing.checkpoint;

import fr.pyramidesnoires.problem.Problem;
import fr.pyramidesnoires.problem.ProblemException;
import fr.pyramidesnoires.timing.account.Account;
import fr.pyramidesnoires.timing.account.Scope;
import fr.pyramidesnoires.timing.course.CourseCatalog;
import fr.pyramidesnoires.timing.course.TimingPoint;
import fr.pyramidesnoires.timing.official.AidStationStays;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;

/** The page volunteers keep open on their phone at a checkpoint. */
@Path("/checkpoint")
@RolesAllowed({Account.VOLUNTEER, Account.OFFICIAL})
public class CheckpointPage {

    public record PointChoice(String id, String name) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance checkpoint(String pointId, String pointName, boolean departureTimed,
                                                  List<PointChoice> points, List<AidStationStays.StayLine> stays);
    }

    final CourseCatalog courses;
    final SecurityIdentity identity;
    final AidStationStays stays;

    CheckpointPage(CourseCatalog courses, SecurityIdentity identity, AidStationStays stays) {
        this.courses = courses;
        this.identity = identity;
        this.stays = stays;
    }

    /**
     * A volunteer's account names their checkpoint(s): the page opens on the only one, or offers those it names;
     * an official may open any. At an aid station timed on the way out, the page also lists the runners who came,
     * with their arrival, departure and time at the station, for the station's crew.
     */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@QueryParam("point") String requested) {
        Scope scope = Scope.of(identity);
        List<PointChoice> points = courses.courses().stream().flatMap(c -> c.points().stream())
                .filter(p -> mayRecordAt(identity, p.id()))
                .map(p -> new PointChoice(p.id(), p.name())).distinct().toList();
        String pointId = requested == null && !identity.hasRole(Account.OFFICIAL) && scope.ids().size() == 1
                ? scope.ids().iterator().next() : requested;
        if (pointId != null && !mayRecordAt(identity, pointId)) {
            throw otherPoint(scope, pointId);
        }
        Optional<TimingPoint> point = Optional.ofNullable(pointId)
                .map(id -> courses.point(id).orElseThrow(() -> unknown(id)));
        List<AidStationStays.StayLine> atStation = pointId == null ? List.of() : courses.courses().stream()
                .flatMap(c -> stays.of(c.raceCode(), p -> p.id().equals(pointId)).stream()).toList();
        return Templates.checkpoint(pointId, point.map(TimingPoint::name).orElse(null),
                point.map(TimingPoint::departureTimed).orElse(false), points, atStation);
    }

    /** Officials record anywhere; a volunteer at the points of their account. */
    static boolean mayRecordAt(SecurityIdentity identity, String pointId) {
        return identity.hasRole(Account.OFFICIAL) || Scope.of(identity).allows(pointId);
    }

    static ProblemException otherPoint(Scope scope, String pointId) {
        return new ProblemException(Problem.of(403, "other-checkpoint", "Autre point / Other checkpoint",
                "Vous pointez à " + scope + ", pas à " + pointId + " / You record passages at " + scope + ", not at "
                        + pointId));
    }

    static ProblemException unknown(String pointId) {
        return new ProblemException(Problem.of(404, "unknown-point", "Point inconnu / Unknown timing point",
                "There is no timing point " + pointId));
    }
}
