package fr.pyramidesnoires.timing.official;

import fr.pyramidesnoires.events.RunnerTiming.Status;
import fr.pyramidesnoires.timing.passage.Corrections;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Every manual change to timing, with who made it, when and why. The log is the truth: a runner's corrections
 * and a race's start signal are what its decisions, not undone, say in the order they were taken; undoing a
 * decision marks it and leaves it on record.
 */
@Entity
@Table(indexes = @Index(name = "decision_runner", columnList = "raceCode, bib"))
public class OfficialDecision extends PanacheEntity {

    public enum Kind {
        GUN_START, STATUS, PASSAGE_SET, PASSAGE_REMOVED, DEPARTURE_SET
    }

    @Column(nullable = false)
    public String raceCode;
    /** Null for a decision about the whole race. */
    public Integer bib;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;
    public Integer pointOrder;
    public Instant time;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(nullable = false, columnDefinition = "text")
    public String reason;
    @Column(nullable = false)
    public String decidedBy;
    @Column(nullable = false)
    public Instant decidedAt;
    public String undoneBy;
    public Instant undoneAt;
    @Column(columnDefinition = "text")
    public String undoReason;

    public boolean standing() {
        return undoneAt == null;
    }

    public static Instant gunStart(String raceCode) {
        OfficialDecision last = find("raceCode = ?1 and kind = ?2 and undoneAt is null order by id desc",
                raceCode, Kind.GUN_START).firstResult();
        return last == null ? null : last.time;
    }

    /**
     * What the standing decisions of some races say: each race's start signal (absent while none is given) and the
     * corrections of every runner officials touched, keyed by {@code race/bib}.
     */
    public record Standing(Map<String, Instant> gunStarts, Map<String, Corrections> corrections) {
    }

    private static final String STANDING = """
            SELECT racecode, bib, kind, pointorder, time, status FROM officialdecision
            WHERE racecode = ANY(?) AND undoneat IS NULL ORDER BY id""";

    /**
     * In one plain query, for a batch's worth of runners: through Hibernate the query would first flush the
     * whole session, every runner loaded for the batch included.
     */
    public static Standing standing(Connection connection, Collection<String> raceCodes) throws SQLException {
        Map<String, Instant> gunStarts = new HashMap<>();
        Map<String, Corrections> corrections = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(STANDING)) {
            select.setArray(1, connection.createArrayOf("text", raceCodes.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    OfficialDecision d = new OfficialDecision();
                    d.raceCode = rows.getString(1);
                    d.bib = rows.getObject(2, Integer.class);
                    d.kind = Kind.valueOf(rows.getString(3));
                    d.pointOrder = rows.getObject(4, Integer.class);
                    Timestamp time = rows.getTimestamp(5);
                    d.time = time == null ? null : time.toInstant();
                    String status = rows.getString(6);
                    d.status = status == null ? null : Status.valueOf(status);
                    if (d.kind == Kind.GUN_START) {
                        // the latest signal stands
                        gunStarts.put(d.raceCode, d.time);
                    } else {
                        corrections.merge(d.raceCode + "/" + d.bib, d.applyTo(Corrections.NONE),
                                (before, ignored) -> d.applyTo(before));
                    }
                }
            }
        }
        return new Standing(gunStarts, corrections);
    }

    private Corrections applyTo(Corrections corrections) {
        return switch (kind) {
            case STATUS -> corrections.withStatus(status);
            case PASSAGE_SET -> corrections.withPassage(pointOrder, time);
            case PASSAGE_REMOVED -> corrections.withoutPassage(pointOrder);
            case DEPARTURE_SET -> corrections.withDeparture(pointOrder, time);
            case GUN_START -> corrections;
        };
    }
}
