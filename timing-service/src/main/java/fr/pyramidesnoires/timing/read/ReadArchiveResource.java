package fr.pyramidesnoires.timing.read;

import fr.pyramidesnoires.timing.account.Account;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** The evidence behind a runner's time: every message their chip was read in, exactly as it came. */
@Path("/api/chips/{chip}/reads")
@RolesAllowed(Account.OFFICIAL)
public class ReadArchiveResource {

    /**
     * @param payload the message as text, for reading; the exact bytes stay in the database. A mat that replayed
     *                its buffer shows its reads twice, at two places in the topic.
     */
    public record ArchivedRead(int partition, long offset, Instant receivedAt, String payload) {
    }

    final ReadStore reads;

    ReadArchiveResource(ReadStore reads) {
        this.reads = reads;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public List<ArchivedRead> reads(@PathParam("chip") String chip) {
        return reads.ofChip(chip).stream().map(m -> new ArchivedRead(m.partition(), m.offset(), m.receivedAt(),
                new String(m.payload(), StandardCharsets.UTF_8))).toList();
    }
}
