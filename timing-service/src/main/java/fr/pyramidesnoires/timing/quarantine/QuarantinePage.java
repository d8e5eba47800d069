package fr.pyramidesnoires.timing.quarantine;

import fr.pyramidesnoires.problem.ProblemException;
import fr.pyramidesnoires.timing.account.Account;
import fr.pyramidesnoires.timing.official.EventTime;
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
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The quarantine for the officials: the reads that gave no passage, one kind at a time, and a note to mark each
 * one dealt with (a chip handed out at the start, a mat plugged in at the wrong point). A read leaves by itself
 * when what kept it out changes, such as its chip being assigned; the note is for what no change will fix.
 */
@Path("/quarantine")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Account.OFFICIAL)
public class QuarantinePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance reads(Tab tab, List<Tab> tabs, boolean reviewed, List<ReadLine> reads,
                                             int limit, String done, String error);
    }

    /** One kind of quarantine, named for the officials. */
    public record Tab(Quarantine.Kind kind, String french, String english) {

        static final List<Tab> ALL = List.of(
                new Tab(Quarantine.Kind.UNKNOWN_CHIP, "Puces inconnues", "unknown chips"),
                new Tab(Quarantine.Kind.UNKNOWN_MAT, "Tapis inconnus", "unknown mats"),
                new Tab(Quarantine.Kind.BEFORE_START, "Avant le départ", "before the start"),
                new Tab(Quarantine.Kind.MALFORMED, "Messages illisibles", "malformed messages"));

        static Tab of(Quarantine.Kind kind) {
            return ALL.stream().filter(tab -> tab.kind == kind).findFirst().orElseThrow();
        }
    }

    /** A quarantined read with its times in the event's time. */
    public record ReadLine(QuarantineResource.QuarantinedRead read, String receivedAt, String readTime,
                           String reviewedAt) {
    }

    final QuarantineResource quarantine;
    final EventTime eventTime;

    QuarantinePage(QuarantineResource quarantine, EventTime eventTime) {
        this.quarantine = quarantine;
        this.eventTime = eventTime;
    }

    @GET
    public TemplateInstance reads(@RestQuery Quarantine.Kind kind, @RestQuery boolean reviewed,
                                  @RestQuery String done) {
        return page(kind == null ? Quarantine.Kind.UNKNOWN_CHIP : kind, reviewed, done, null);
    }

    @POST
    @Path("{id}/review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response review(@RestPath long id, @RestForm String note, @RestForm Quarantine.Kind kind,
                           @RestForm boolean reviewed) {
        Quarantine.Kind shown = kind == null ? Quarantine.Kind.UNKNOWN_CHIP : kind;
        if (note == null || note.isBlank()) {
            return Response.status(400).entity(page(shown, reviewed, null,
                    "Une note est nécessaire : ce qui a été fait de cette lecture / A note is needed: what was done"
                            + " about this read")).build();
        }
        try {
            quarantine.review(id, new QuarantineResource.Review(note.strip()));
        } catch (ProblemException refused) {
            return Response.status(refused.problem().status())
                    .entity(page(shown, reviewed, null, refused.problem().detail())).build();
        }
        // back to the list the official was on, the noted reads shown or not
        return Response.seeOther(URI.create("/quarantine?kind=" + shown + (reviewed ? "&reviewed=true" : "")
                + "&done=reviewed")).build();
    }

    private TemplateInstance page(Quarantine.Kind kind, boolean reviewed, String done, String error) {
        List<ReadLine> reads = quarantine.list(kind, reviewed).stream()
                .map(r -> new ReadLine(r, eventTime.local(r.receivedAt()), eventTime.local(r.readTime()),
                        eventTime.local(r.reviewedAt())))
                .toList();
        return Templates.reads(Tab.of(kind), Tab.ALL, reviewed, reads, Quarantine.LIMIT, done, error);
    }
}
