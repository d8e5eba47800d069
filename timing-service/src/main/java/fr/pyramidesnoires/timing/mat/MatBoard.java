package fr.pyramidesnoires.timing.mat;

import fr.pyramidesnoires.timing.account.Account;
import fr.pyramidesnoires.timing.course.CourseCatalog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The timing crew's view of the mats: which ones read, how much, which read chips nobody wears, and which have
 * gone silent (a reader off, a cable cut, no network on the terril).
 */
@Path("/api/mats")
@RolesAllowed(Account.OFFICIAL)
public class MatBoard {

    /**
     * @param lastReadTime     the reader's clock at its latest read
     * @param lastReceivedAt   when timing got the latest read: a mat replaying a buffer reads "late" here
     * @param silent           nothing received for longer than the silence threshold
     * @param readers          each reader a mat agent reports on this mat
     */
    public record MatStatus(String matId, List<String> points, Instant lastReadTime, Instant lastReceivedAt,
                            long readsLastMinute, long unknownChipReads, boolean silent, List<ReaderStatus> readers) {
    }

    /**
     * A reader as its mat agent last reported it.
     *
     * @param readerId    the device account, then the agent's name for the reader
     * @param clockOffset how far the reader's clock is ahead of the platform's, in milliseconds; null when unknown
     * @param clockOff    off by more than the limit: its reads' times are as wrong
     * @param backlog     reads its agent holds that the platform has not taken yet
     * @param stale       no report for a minute: the agent, its laptop or its network is down, and what shows is old
     */
    public record ReaderStatus(String readerId, String protocol, boolean connected, Instant reportedAt,
                               Instant lastRead, Long clockOffset, boolean clockOff, long backlog,
                               Instant lastDelivery, boolean stale) {
    }

    /** Agents report every 15 s: four reports missed. */
    private static final Duration REPORTS_MISSED = Duration.ofMinutes(1);

    // the archive's rows say when and how much each mat read, without opening their messages
    private static final String ACTIVITY = """
            SELECT matid, max(lastreadtime), max(receivedat), coalesce(sum(reads) FILTER (WHERE receivedat > ?1), 0)
            FROM readbatch WHERE matid IS NOT NULL GROUP BY matid""";
    // reads of chips nobody wears are among those kept one by one
    private static final String UNKNOWN_CHIPS = """
            SELECT r.matid, count(*) FROM rawread r
            WHERE r.problem IS NULL AND NOT EXISTS (SELECT 1 FROM chipassignment c WHERE c.chip = r.chipid)
            GROUP BY r.matid""";

    private static final String READERS = """
            SELECT matid, readerid, protocol, connected, reportedat, lastread, readerclockms, platformclockms, backlog,
                lastdelivery FROM readerstatus ORDER BY matid, readerid""";

    @ConfigProperty(name = "timing.silent-after")
    public Duration silentAfter;

    @ConfigProperty(name = "timing.clock-limit")
    public Duration clockLimit;

    final EntityManager em;
    final CourseCatalog courses;

    MatBoard(EntityManager em, CourseCatalog courses) {
        this.em = em;
        this.courses = courses;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public List<MatStatus> mats() {
        Instant now = Instant.now();
        Map<String, List<String>> pointsByMat = new TreeMap<>();
        courses.courses().forEach(c -> c.points().forEach(p -> {
            pointsByMat.computeIfAbsent(p.matId(), m -> new ArrayList<>()).add(p.name());
            if (p.outMatId() != null) {
                pointsByMat.computeIfAbsent(p.outMatId(), m -> new ArrayList<>()).add(p.name() + " (sortie / out)");
            }
        }));
        Map<String, Object[]> activity = new HashMap<>();
        for (Object row : em.createNativeQuery(ACTIVITY).setParameter(1, Timestamp.from(now.minusSeconds(60)))
                .getResultList()) {
            Object[] columns = (Object[]) row;
            activity.put((String) columns[0], columns);
            // a mat nobody configured still shows: its reads are in quarantine and the crew must know why
            pointsByMat.computeIfAbsent((String) columns[0], m -> new ArrayList<>());
        }
        Map<String, Long> unknownChips = new HashMap<>();
        for (Object row : em.createNativeQuery(UNKNOWN_CHIPS).getResultList()) {
            Object[] columns = (Object[]) row;
            unknownChips.put((String) columns[0], ((Number) columns[1]).longValue());
        }
        Map<String, List<ReaderStatus>> readers = readers();
        readers.keySet().forEach(mat -> pointsByMat.computeIfAbsent(mat, m -> new ArrayList<>()));
        List<MatStatus> board = new ArrayList<>();
        pointsByMat.forEach((mat, points) -> {
            Object[] a = activity.get(mat);
            Instant lastReceived = a == null ? null : instant(a[2]);
            board.add(new MatStatus(mat, points.stream().distinct().toList(), a == null ? null : instant(a[1]),
                    lastReceived, a == null ? 0 : ((Number) a[3]).longValue(), unknownChips.getOrDefault(mat, 0L),
                    lastReceived == null || lastReceived.isBefore(now.minus(silentAfter)),
                    readers.getOrDefault(mat, List.of())));
        });
        return board;
    }

    private Map<String, List<ReaderStatus>> readers() {
        Map<String, List<ReaderStatus>> byMat = new HashMap<>();
        for (Object row : em.createNativeQuery(READERS).getResultList()) {
            Object[] c = (Object[]) row;
            Long readerClock = c[6] == null ? null : ((Number) c[6]).longValue();
            long platformClock = c[7] == null ? 0 : ((Number) c[7]).longValue();
            // both are against the agent's laptop: the laptop's own error cancels out
            Long offset = readerClock == null ? null : readerClock - platformClock;
            byMat.computeIfAbsent((String) c[0], m -> new ArrayList<>()).add(new ReaderStatus((String) c[1],
                    (String) c[2], (Boolean) c[3], instant(c[4]), instant(c[5]), offset,
                    offset != null && Math.abs(offset) > clockLimit.toMillis(), ((Number) c[8]).longValue(),
                    instant(c[9]), instant(c[4]).isBefore(Instant.now().minus(REPORTS_MISSED))));
        }
        return byMat;
    }

    private static Instant instant(Object value) {
        return value == null ? null : value instanceof Timestamp t ? t.toInstant()
                : value instanceof java.time.OffsetDateTime o ? o.toInstant() : (Instant) value;
    }
}
