package fr.pyramidesnoires.timing.quarantine;

import fr.pyramidesnoires.problem.Problem;
import fr.pyramidesnoires.problem.ProblemException;
import fr.pyramidesnoires.timing.account.Account;
import fr.pyramidesnoires.timing.read.RawRead;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Where officials look at the reads that gave no passage, and mark those they have dealt with. */
@Path("/api/quarantine")
@RolesAllowed(Account.OFFICIAL)
@Produces(MediaType.APPLICATION_JSON)
public class QuarantineResource {

    /**
     * @param topic   chip-reads, or entries for an entry event timing could not use
     * @param payload the message as text, for reading; the exact bytes stay in the database
     */
    public record QuarantinedRead(long id, Quarantine.Kind kind, String topic, Instant receivedAt, String readerId,
                                  String matId,
                                  String chipId, Instant readTime, String problem, String payload,
                                  String reviewedBy, Instant reviewedAt, String reviewNote) {
    }

    public record Review(@NotBlank String note) {
    }

    final Quarantine quarantine;
    final SecurityIdentity identity;

    QuarantineResource(Quarantine quarantine, SecurityIdentity identity) {
        this.quarantine = quarantine;
        this.identity = identity;
    }

    @GET
    @Transactional
    public List<QuarantinedRead> list(@QueryParam("kind") @NotNull Quarantine.Kind kind,
                                      @QueryParam("reviewed") @DefaultValue("false") boolean reviewedToo) {
        return quarantine.reads(kind, reviewedToo).stream().map(r -> view(r, kind)).toList();
    }

    @POST
    @Path("{id}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public QuarantinedRead review(@PathParam("id") long id, @NotNull @Valid Review review) {
        RawRead read = RawRead.findById(id);
        if (read == null) {
            throw new ProblemException(Problem.of(404, "unknown-read", "Lecture inconnue / Unknown read",
                    "There is no read " + id));
        }
        read.reviewedBy = identity.getPrincipal().getName();
        read.reviewedAt = Instant.now();
        read.reviewNote = review.note();
        return view(read, null);
    }

    private static QuarantinedRead view(RawRead r, Quarantine.Kind kind) {
        return new QuarantinedRead(r.id, kind, r.topic, r.receivedAt, r.readerId, r.matId, r.chipId, r.readTime,
                r.problem, new String(r.payload, StandardCharsets.UTF_8), r.reviewedBy, r.reviewedAt, r.reviewNote);
    }
}
