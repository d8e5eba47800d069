package fr.pyramidesnoires.timing.gateway;

import fr.pyramidesnoires.problem.Problem;
import fr.pyramidesnoires.problem.ProblemException;
import fr.pyramidesnoires.timing.account.Account;
import fr.pyramidesnoires.timing.account.Scope;
import fr.pyramidesnoires.timing.read.ReadRules;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import org.hibernate.Session;

/**
 * What a mat agent asks of the platform besides taking its reads: the start list its volunteer's page shows
 * runners by, and a place to report its readers for the timing crew's mat board.
 */
@Path("/api/devices")
@RolesAllowed(Account.DEVICE)
@Produces(MediaType.APPLICATION_JSON)
public class MatAgents {

    /** What a volunteer may see of a runner going by: what the public results show. */
    public record Runner(String chip, int bib, String name) {
    }

    /**
     * @param backlog       reads the agent holds that the platform has not yet taken
     * @param platformClock how far the platform's clock is ahead of the agent's laptop, in milliseconds
     */
    public record AgentReport(@NotBlank @Size(max = ReadRules.MAX_ID_LENGTH) String matId,
                              @NotNull @Size(max = 8) List<@Valid ReaderReport> readers,
                              @PositiveOrZero long backlog, Instant lastDelivery, Long platformClock) {
    }

    /** @param readerClock how far the reader's clock is ahead of the laptop's, in milliseconds; null when unknown */
    public record ReaderReport(@NotBlank @Size(max = 40) String readerId, @Size(max = 20) String protocol,
                               boolean connected, Instant lastRead, Long readerClock) {
    }

    private static final String UPSERT = """
            INSERT INTO readerstatus (matid, readerid, device, protocol, reportedat, connected, lastread, readerclockms,
                platformclockms, backlog, lastdelivery) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (matid, readerid) DO UPDATE SET device = excluded.device, protocol = excluded.protocol,
                reportedat = excluded.reportedat, connected = excluded.connected, lastread = excluded.lastread,
                readerclockms = excluded.readerclockms, platformclockms = excluded.platformclockms,
                backlog = excluded.backlog, lastdelivery = excluded.lastdelivery""";

    final EntityManager em;
    final SecurityIdentity identity;

    MatAgents(EntityManager em, SecurityIdentity identity) {
        this.em = em;
        this.identity = identity;
    }

    @GET
    @Path("start-list")
    @Transactional
    public List<Runner> startList() {
        List<?> rows = em.createNativeQuery("SELECT chip, bib, runnername FROM chipassignment ORDER BY bib")
                .getResultList();
        return rows.stream().map(row -> {
            Object[] columns = (Object[]) row;
            return new Runner((String) columns[0], ((Number) columns[1]).intValue(), (String) columns[2]);
        }).toList();
    }

    @POST
    @Path("status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public void report(@NotNull @Valid AgentReport report) {
        String device = identity.getPrincipal().getName();
        if (!Scope.of(identity).allows(report.matId())) {
            throw new ProblemException(new Problem(Problem.TYPES + "other-mat", "Autre tapis / Other mat", 403,
                    "Ce lecteur ne lit pas pour " + report.matId() + " / This device does not read for "
                            + report.matId(), List.of()));
        }
        Timestamp now = Timestamp.from(Instant.now());
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                for (ReaderReport reader : report.readers()) {
                    upsert.setString(1, report.matId());
                    upsert.setString(2, device + "/" + reader.readerId());
                    upsert.setString(3, device);
                    upsert.setString(4, reader.protocol());
                    upsert.setTimestamp(5, now);
                    upsert.setBoolean(6, reader.connected());
                    upsert.setTimestamp(7, timestamp(reader.lastRead()));
                    upsert.setObject(8, reader.readerClock(), Types.BIGINT);
                    upsert.setObject(9, report.platformClock(), Types.BIGINT);
                    upsert.setLong(10, report.backlog());
                    upsert.setTimestamp(11, timestamp(report.lastDelivery()));
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        });
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
