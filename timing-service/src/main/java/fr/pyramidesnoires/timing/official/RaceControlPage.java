package fr.pyramidesnoires.timing.official;

import fr.pyramidesnoires.events.RunnerTiming.Status;
import fr.pyramidesnoires.problem.ProblemException;
import fr.pyramidesnoires.timing.account.Account;
import fr.pyramidesnoires.timing.course.Course;
import fr.pyramidesnoires.timing.course.CourseCatalog;
import fr.pyramidesnoires.timing.course.TimingPoint;
import fr.pyramidesnoires.timing.ingest.ConsumerLag;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Race control for the officials, on a laptop at the finish: give each race's start signal, confirm as DNF the
 * runners past a cut-off, set or clear a runner's DNS, DNF or DSQ, set or remove a passage, and undo a decision.
 * Every form goes through the officials' API, so each decision is kept with its author and reason.
 */
@Path("/race-control")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Account.OFFICIAL)
public class RaceControlPage {

    @CheckedTemplate(basePath = "RaceControl")
    static class Templates {
        static native TemplateInstance races(List<RaceClock> races, String now, Map<String, String> trackProblems,
                                             ConsumerLag.Snapshot lag);

        static native TemplateInstance race(String raceCode, RaceClock clock, List<TimingPoint> points, CourseCatalog courses,
                                            boolean hasAidStation, List<CutOffFlags.Flag> flags, List<DoubtLine> doubts,
                                            List<AidStationStays.StayLine> stays, List<DecisionLine> decisions,
                                            String done, String error);
    }

    /** A race's start signal as the officials gave it, in the event's time; null while none is given. */
    public record RaceClock(String raceCode, String gun) {
    }

    /** A decision with its times in the event's time, as the officials at the finish read their watches. */
    public record DecisionLine(OfficialResource.Decision decision, String decidedAt, String time) {
    }

    /**
     * A doubtful passage to review, its time in the event's time for the officials and to the millisecond for the
     * confirmation, which sets the passage at exactly the time the mats gave.
     */
    public record DoubtLine(DoubtfulFlags.Flag flag, String time, String exactTime, String departure, String stay) {
    }

    /** Every decision needs one: it is what an official answers a runner who disputes it. */
    private static final String NO_REASON = "Une raison est nécessaire / A reason is needed";
    private static final String NO_BIB = "Dossard attendu / A bib number is needed";

    final OfficialResource officials;
    final CutOffFlags cutOffs;
    final DoubtfulFlags doubtful;
    final CourseCatalog courses;
    final EventTime eventTime;
    final AidStationStays stays;
    final ConsumerLag lag;

    RaceControlPage(OfficialResource officials, CutOffFlags cutOffs, DoubtfulFlags doubtful, CourseCatalog courses,
                    EventTime eventTime, AidStationStays stays, ConsumerLag lag) {
        this.lag = lag;
        this.officials = officials;
        this.cutOffs = cutOffs;
        this.doubtful = doubtful;
        this.courses = courses;
        this.eventTime = eventTime;
        this.stays = stays;
    }

    @GET
    public TemplateInstance races() {
        List<RaceClock> clocks = courses.courses().stream().map(Course::raceCode).sorted()
                .map(this::clock).toList();
        return Templates.races(clocks, eventTime.local(Instant.now()), courses.trackProblems(), lag.snapshot());
    }

    @GET
    @Path("{race}")
    public TemplateInstance race(@RestPath String race, @RestQuery String done) {
        return page(race, done, null);
    }

    @POST
    @Path("{race}/gun-start")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response gunStart(@RestPath String race, @RestForm String time, @RestForm String reason) {
        if (blank(reason)) {
            return refused(race, 400, NO_REASON);
        }
        Optional<Instant> gun = eventTime.instant(time);
        if (gun.isEmpty()) {
            return refused(race, 400, EventTime.UNREADABLE + time);
        }
        return attempt(race, "gun", () -> officials.startRace(race, new OfficialResource.GunStart(gun.get(), reason)));
    }

    @POST
    @Path("{race}/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response status(@RestPath String race, @RestForm String bib, @RestForm String status,
                           @RestForm String reason) {
        if (!isBib(bib)) {
            return refused(race, 400, NO_BIB);
        }
        if (blank(reason)) {
            return refused(race, 400, NO_REASON);
        }
        Status official;
        try {
            // empty clears the runner's status, as in the API, which also refuses any status but DNS, DNF, DSQ
            official = blank(status) ? null : Status.valueOf(status);
        } catch (IllegalArgumentException e) {
            return refused(race, 400, "Statut inconnu / Unknown status: " + status);
        }
        return attempt(race, "status", () -> officials.setStatus(race, Integer.parseInt(bib.strip()),
                new OfficialResource.StatusChange(official, reason)));
    }

    /**
     * A passage the mats missed or got wrong, typed from a volunteer's sheet or the finish video; or one to strike
     * out, such as a chip read at a checkpoint the runner never ran through; or a doubtful one confirmed, set at the
     * exact time the mats gave (an instant, not a time typed in the event's time); or the time a runner left an aid
     * station timed on departure.
     */
    @POST
    @Path("{race}/passage")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response passage(@RestPath String race, @RestForm String bib, @RestForm String point,
                            @RestForm String time, @RestForm String reason, @RestForm String action) {
        if (!isBib(bib)) {
            return refused(race, 400, NO_BIB);
        }
        if (blank(reason)) {
            return refused(race, 400, NO_REASON);
        }
        int runner = Integer.parseInt(bib.strip());
        if ("remove".equals(action)) {
            return attempt(race, "passage-removed", () -> officials.removePassage(race, runner, point,
                    new OfficialResource.Reason(reason)));
        }
        Optional<Instant> at = "confirm".equals(action) ? exact(time) : eventTime.instant(time);
        if (at.isEmpty()) {
            return refused(race, 400, EventTime.UNREADABLE + time);
        }
        if ("departure".equals(action)) {
            return attempt(race, "departure-set", () -> officials.setDeparture(race, runner, point,
                    new OfficialResource.PassageTime(at.get(), reason)));
        }
        return attempt(race, "confirm".equals(action) ? "passage-confirmed" : "passage-set",
                () -> officials.setPassage(race, runner, point, new OfficialResource.PassageTime(at.get(), reason)));
    }

    @POST
    @Path("{race}/decisions/{id}/undo")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response undo(@RestPath String race, @RestPath long id, @RestForm String reason) {
        if (blank(reason)) {
            return refused(race, 400, NO_REASON);
        }
        return attempt(race, "undone", () -> officials.undo(id, new OfficialResource.Reason(reason)));
    }

    /** A refusal shows the race's page again with the reason, so nothing the official typed is silently lost. */
    private Response attempt(String race, String done, Runnable decision) {
        try {
            decision.run();
        } catch (ProblemException refused) {
            return refused(race, refused.problem().status(), refused.problem().detail());
        }
        return Response.seeOther(URI.create("/race-control/" + race + "?done=" + done)).build();
    }

    private Response refused(String race, int status, String why) {
        return Response.status(status).entity(page(race, null, why)).build();
    }

    private TemplateInstance page(String race, String done, String error) {
        List<CutOffFlags.Flag> flags = cutOffs.flags(race);
        List<DecisionLine> decisions = officials.decisions(race, null).stream()
                .map(d -> new DecisionLine(d, eventTime.local(d.decidedAt()), eventTime.local(d.time())))
                .toList();
        List<DoubtLine> doubts = doubtful.flags(race).stream()
                .map(f -> new DoubtLine(f, eventTime.local(f.time()), f.time().toString(),
                        eventTime.local(f.departure()), AidStationStays.stay(f.time(), f.departure())))
                .toList();
        List<TimingPoint> points = courses.course(race).map(Course::points).orElse(List.of());
        return Templates.race(race, clock(race), points, courses, points.stream().anyMatch(TimingPoint::departureTimed),
                flags, doubts, stays.of(race, point -> true), decisions, done, error);
    }

    private RaceClock clock(String race) {
        Instant gun = QuarkusTransaction.joiningExisting().call(() -> OfficialDecision.gunStart(race));
        return new RaceClock(race, eventTime.local(gun));
    }

    private static Optional<Instant> exact(String instant) {
        try {
            return Optional.of(Instant.parse(instant == null ? "" : instant.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static boolean isBib(String bib) {
        return bib != null && bib.strip().matches("[0-9]{1,9}");
    }
}
