package fr.pyramidesnoires.timing.official;

import fr.pyramidesnoires.events.RunnerTiming.Status;
import fr.pyramidesnoires.problem.Problem;
import fr.pyramidesnoires.problem.ProblemException;
import fr.pyramidesnoires.timing.account.Account;
import fr.pyramidesnoires.timing.chip.ChipAssignment;
import fr.pyramidesnoires.timing.course.Course;
import fr.pyramidesnoires.timing.course.CourseCatalog;
import fr.pyramidesnoires.timing.ingest.RecomputeRequests;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What race officials decide: the start signal, a runner's status, passages added, moved or struck out; and the
 * undoing of any of it. Each decision needs a reason and is kept with its author.
 */
@Path("/api")
@RolesAllowed(Account.OFFICIAL)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class OfficialResource {

    public record GunStart(@NotNull Instant time, @NotBlank String reason) {
    }

    /** @param status DNS, DNF or DSQ; null clears the runner's status */
    public record StatusChange(Status status, @NotBlank String reason) {
    }

    public record PassageTime(@NotNull Instant time, @NotBlank String reason) {
    }

    public record Reason(@NotBlank String reason) {
    }

    public record Decision(long id, String raceCode, Integer bib, OfficialDecision.Kind kind, String pointId,
                           Instant time, Status status, String reason, String decidedBy, Instant decidedAt,
                           String undoneBy, Instant undoneAt, String undoReason) {
    }

    final CourseCatalog courses;
    final RecomputeRequests recompute;
    final SecurityIdentity identity;

    OfficialResource(CourseCatalog courses, RecomputeRequests recompute, SecurityIdentity identity) {
        this.courses = courses;
        this.recompute = recompute;
        this.identity = identity;
    }

    @PUT
    @Path("races/{race}/gun-start")
    public Decision startRace(@PathParam("race") String race, @NotNull @Valid GunStart gun) {
        courses.known(race);
        Decision decision = decide(race, null, OfficialDecision.Kind.GUN_START, null, gun.time(), null, gun.reason());
        recompute.race(race);
        return decision;
    }

    @PUT
    @Path("races/{race}/runners/{bib}/status")
    public Decision setStatus(@PathParam("race") String race, @PathParam("bib") int bib,
                              @NotNull @Valid StatusChange change) {
        if (change.status() != null && change.status() != Status.DNS && change.status() != Status.DNF
                && change.status() != Status.DSQ) {
            throw new ProblemException(Problem.of(422, "status-not-official", "Statut refusé / Status refused",
                    "An official sets DNS, DNF or DSQ (or clears it); the mats decide the rest"));
        }
        runner(race, bib);
        return decided(race, bib, OfficialDecision.Kind.STATUS, null, null, change.status(), change.reason());
    }

    @PUT
    @Path("races/{race}/runners/{bib}/passages/{point}")
    public Decision setPassage(@PathParam("race") String race, @PathParam("bib") int bib,
                               @PathParam("point") String point, @NotNull @Valid PassageTime passage) {
        int order = pointOrder(courses.known(race), point);
        runner(race, bib);
        return decided(race, bib, OfficialDecision.Kind.PASSAGE_SET, order, passage.time(), null, passage.reason());
    }

    /** The time a runner left an aid station timed on departure, from the station's sheet or a video. */
    @PUT
    @Path("races/{race}/runners/{bib}/passages/{point}/departure")
    public Decision setDeparture(@PathParam("race") String race, @PathParam("bib") int bib,
                                 @PathParam("point") String point, @NotNull @Valid PassageTime departure) {
        Course course = courses.known(race);
        int order = pointOrder(course, point);
        if (!course.points().get(order).departureTimed()) {
            throw new ProblemException(Problem.of(422, "arrival-only", "Point sans départ / No departure here",
                    course.points().get(order).name() + " ne chronomètre que l'arrivée / times the arrival only"));
        }
        runner(race, bib);
        return decided(race, bib, OfficialDecision.Kind.DEPARTURE_SET, order, departure.time(), null,
                departure.reason());
    }

    @POST
    @Path("races/{race}/runners/{bib}/passages/{point}/removal")
    public Decision removePassage(@PathParam("race") String race, @PathParam("bib") int bib,
                                  @PathParam("point") String point, @NotNull @Valid Reason why) {
        int order = pointOrder(courses.known(race), point);
        runner(race, bib);
        return decided(race, bib, OfficialDecision.Kind.PASSAGE_REMOVED, order, null, null, why.reason());
    }

    @GET
    @Path("decisions")
    @Transactional
    public List<Decision> decisions(@QueryParam("race") String race, @QueryParam("bib") Integer bib) {
        return OfficialDecision.<OfficialDecision>list("order by id desc").stream()
                .filter(d -> race == null || d.raceCode.equals(race))
                .filter(d -> bib == null || bib.equals(d.bib))
                .map(this::view)
                .toList();
    }

    @POST
    @Path("decisions/{id}/undo")
    public Decision undo(@PathParam("id") long id, @NotNull @Valid Reason why) {
        Decision undone = markUndone(id, why.reason());
        requestRecompute(undone.raceCode(), undone.bib());
        return undone;
    }

    @Transactional
    Decision markUndone(long id, String reason) {
        OfficialDecision decision = OfficialDecision.findById(id);
        if (decision == null) {
            throw new ProblemException(Problem.of(404, "unknown-decision", "Décision inconnue / Unknown decision",
                    "There is no decision " + id));
        }
        if (!decision.standing()) {
            throw new ProblemException(Problem.of(409, "already-undone", "Déjà annulée / Already undone",
                    "Decision " + id + " was undone by " + decision.undoneBy + " at " + decision.undoneAt));
        }
        decision.undoneBy = identity.getPrincipal().getName();
        decision.undoneAt = Instant.now();
        decision.undoReason = reason;
        return view(decision);
    }

    private Decision decided(String race, int bib, OfficialDecision.Kind kind, Integer order, Instant time,
                             Status status, String reason) {
        Decision decision = decide(race, bib, kind, order, time, status, reason);
        recompute.runner(race, bib);
        return decision;
    }

    @Transactional
    Decision decide(String race, Integer bib, OfficialDecision.Kind kind, Integer order, Instant time, Status status,
                    String reason) {
        OfficialDecision decision = new OfficialDecision();
        decision.raceCode = race;
        decision.bib = bib;
        decision.kind = kind;
        decision.pointOrder = order;
        decision.time = time;
        decision.status = status;
        decision.reason = reason;
        decision.decidedBy = identity.getPrincipal().getName();
        decision.decidedAt = Instant.now();
        decision.persist();
        return view(decision);
    }

    private void requestRecompute(String race, Integer bib) {
        if (bib == null) {
            recompute.race(race);
        } else {
            recompute.runner(race, bib);
        }
    }

    private Decision view(OfficialDecision d) {
        String pointId = d.pointOrder == null ? null
                : courses.course(d.raceCode).map(c -> c.points().get(d.pointOrder).id()).orElse(null);
        return new Decision(d.id, d.raceCode, d.bib, d.kind, pointId, d.time, d.status, d.reason, d.decidedBy,
                d.decidedAt, d.undoneBy, d.undoneAt, d.undoReason);
    }

    @Transactional
    void runner(String race, int bib) {
        if (ChipAssignment.count("raceCode = ?1 and bib = ?2", race, bib) == 0) {
            throw new ProblemException(Problem.of(404, "unknown-runner", "Coureur inconnu / Unknown runner",
                    "No runner wears bib " + bib + " in " + race));
        }
    }

    private static int pointOrder(Course course, String pointId) {
        return IntStream.range(0, course.points().size())
                .filter(i -> course.points().get(i).id().equals(pointId))
                .findFirst()
                .orElseThrow(() -> new ProblemException(Problem.of(404, "unknown-point",
                        "Point inconnu / Unknown timing point", course.raceCode() + " has no timing point " + pointId)));
    }
}
