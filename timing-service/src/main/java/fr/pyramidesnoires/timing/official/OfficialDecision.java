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
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every manual change to timing, with who made it, when and why. The log is the truth: a runner's corrections
 * and a race's start signal are what its decisions, not undone, say in the order they were taken; undoing a
 * decision marks it and leaves it on record.
 */
@Entity
@Table(indexes = @Index(name = "decision_runner", columnList = "raceCode, bib"))
public class OfficialDecision extends PanacheEntity {

    public enum Kind {
        GUN_START, STATUS, PASSAGE_SET, PASSAGE_REMOVED
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
     * The corrections of every runner in the given races and bibs that officials touched, keyed by
     * {@code race/bib}; a runner without any has no entry.
     */
    public static Map<String, Corrections> corrections(Collection<String> raceCodes, Set<Integer> bibs) {
        Map<String, Corrections> corrections = new HashMap<>();
        // officials correct a few runners of a race: reading the races' decisions beats naming a batch's bibs
        List<OfficialDecision> decisions = list("raceCode in ?1 and bib is not null and undoneAt is null order by id",
                raceCodes);
        for (OfficialDecision d : decisions) {
            if (!bibs.contains(d.bib)) {
                continue;
            }
            corrections.merge(d.raceCode + "/" + d.bib, d.applyTo(Corrections.NONE), (before, ignored) -> d.applyTo(before));
        }
        return corrections;
    }

    private Corrections applyTo(Corrections corrections) {
        return switch (kind) {
            case STATUS -> corrections.withStatus(status);
            case PASSAGE_SET -> corrections.withPassage(pointOrder, time);
            case PASSAGE_REMOVED -> corrections.withoutPassage(pointOrder);
            case GUN_START -> corrections;
        };
    }
}
