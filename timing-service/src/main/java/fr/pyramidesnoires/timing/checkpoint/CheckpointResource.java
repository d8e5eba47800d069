package fr.pyramidesnoires.timing.checkpoint;

import fr.pyramidesnoires.events.ChipRead;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.timing.account.Account;
import fr.pyramidesnoires.timing.account.Scope;
import fr.pyramidesnoires.timing.chip.ChipAssignment;
import fr.pyramidesnoires.timing.course.Course;
import fr.pyramidesnoires.timing.course.CourseCatalog;
import fr.pyramidesnoires.timing.course.TimingPoint;
import fr.pyramidesnoires.timing.kafka.EventPublisher;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Volunteers at a checkpoint type the bibs of runners going by. Each entry becomes a manual read at the point's
 * mat, so it goes through exactly the same rules as a chip read. An entry sent twice (a phone that lost its
 * network and tries again) is the same read, counted once.
 */
@Path("/api/checkpoints/{point}/passages")
@RolesAllowed({Account.VOLUNTEER, Account.OFFICIAL})
public class CheckpointResource {

    /**
     * A bib typed at a checkpoint; {@code id} is the phone's own id for the entry.
     *
     * @param departure true for a runner leaving an aid station timed on departure: the read is the out mat's where
     *                  the station has one; at a station with one mat read in and out, a later read of the visit
     */
    public record Sighting(@NotNull String id, int bib, @NotNull OffsetDateTime time, boolean departure) {
    }

    /** @param reason why the entry was not recorded; null when it was */
    public record Outcome(String id, boolean recorded, String reason) {
    }

    final CourseCatalog courses;
    final EventPublisher publisher;
    final SecurityIdentity identity;

    /**
     * How far a typed time may be from the server's clock. Ahead: a phone's clock a little off, a time corrected
     * by hand. Behind: a phone on a terril without network keeps its entries and sends them when it can, up to the
     * end of the race day; a passage older than that is for an official to record.
     */
    @ConfigProperty(name = "timing.checkpoint.accept-ahead")
    Duration acceptAhead;
    @ConfigProperty(name = "timing.checkpoint.accept-behind")
    Duration acceptBehind;

    CheckpointResource(CourseCatalog courses, EventPublisher publisher, SecurityIdentity identity) {
        this.courses = courses;
        this.publisher = publisher;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public List<Outcome> record(@PathParam("point") String pointId,
                                @NotNull @Size(max = 2000, message = "au plus {max} passages par envoi"
                                        + " / at most {max} passages a batch")
                                List<@Valid @NotNull Sighting> sightings) {
        if (!CheckpointPage.mayRecordAt(identity, pointId)) {
            throw CheckpointPage.otherPoint(Scope.of(identity), pointId);
        }
        TimingPoint point = courses.point(pointId).orElseThrow(() -> CheckpointPage.unknown(pointId));
        List<String> races = courses.courses().stream()
                .filter(c -> c.points().stream().anyMatch(p -> p.id().equals(pointId)))
                .map(Course::raceCode).toList();
        String volunteer = "volunteer:" + identity.getPrincipal().getName();
        List<Outcome> outcomes = new ArrayList<>();
        List<EventPublisher.Message> reads = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = Instant.now();
            for (Sighting s : sightings) {
                if (s.time().toInstant().isAfter(now.plus(acceptAhead))
                        || s.time().toInstant().isBefore(now.minus(acceptBehind))) {
                    outcomes.add(new Outcome(s.id(), false, "Heure trop loin de maintenant (au plus "
                            + readable(acceptAhead) + " d'avance, " + readable(acceptBehind) + " de retard) / time too"
                            + " far from now (at most " + readable(acceptAhead) + " ahead, " + readable(acceptBehind)
                            + " behind)"));
                    continue;
                }
                if (s.departure() && !point.departureTimed()) {
                    outcomes.add(new Outcome(s.id(), false, point.name() + " ne chronomètre que l'arrivée / times"
                            + " the arrival only"));
                    continue;
                }
                List<ChipAssignment> wearing = ChipAssignment.list("bib = ?1 and raceCode in ?2", s.bib(), races);
                if (wearing.size() != 1) {
                    outcomes.add(new Outcome(s.id(), false, wearing.isEmpty()
                            ? "Dossard " + s.bib() + " inconnu ici / bib not in a race passing here"
                            : "Dossard " + s.bib() + " dans plusieurs courses / bib in several races"));
                    continue;
                }
                String mat = s.departure() && point.outMatId() != null ? point.outMatId() : point.matId();
                ChipRead read = new ChipRead(volunteer, mat, wearing.get(0).chip, s.time(), null, null,
                        null, ChipRead.Source.MANUAL);
                reads.add(new EventPublisher.Message(Topics.CHIP_READS, read.chipId(), read));
                outcomes.add(new Outcome(s.id(), true, null));
            }
        });
        publisher.sendAll(reads);
        return outcomes;
    }

    private static String readable(Duration duration) {
        return duration.toMinutes() % 60 == 0 ? duration.toHours() + " h" : duration.toMinutes() + " min";
    }

}
