package fr.pyramidesnoires.timing.checkpoint;

import fr.pyramidesnoires.problem.Problem;
import fr.pyramidesnoires.problem.ProblemException;
import fr.pyramidesnoires.timing.account.Account;
import fr.pyramidesnoires.timing.account.AccountIdentityProvider;
import fr.pyramidesnoires.timing.course.CourseCatalog;
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
        static native TemplateInstance checkpoint(String pointId, String pointName, List<PointChoice> points);
    }

    final CourseCatalog courses;
    final SecurityIdentity identity;

    CheckpointPage(CourseCatalog courses, SecurityIdentity identity) {
        this.courses = courses;
        this.identity = identity;
    }

    /** A volunteer's account names their checkpoint; an official may open any. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@QueryParam("point") String requested) {
        String pointId = assignedPoint(identity).orElse(requested);
        List<PointChoice> points = courses.courses().stream().flatMap(c -> c.points().stream())
                .map(p -> new PointChoice(p.id(), p.name())).distinct().toList();
        String name = pointId == null ? null : courses.point(pointId).orElseThrow(() -> unknown(pointId)).name();
        return Templates.checkpoint(pointId, name, points);
    }

    static Optional<String> assignedPoint(SecurityIdentity identity) {
        return Optional.ofNullable(identity.getAttribute(AccountIdentityProvider.POINT));
    }

    static ProblemException unknown(String pointId) {
        return new ProblemException(Problem.of(404, "unknown-point", "Point inconnu / Unknown timing point",
                "There is no timing point " + pointId));
    }
}
