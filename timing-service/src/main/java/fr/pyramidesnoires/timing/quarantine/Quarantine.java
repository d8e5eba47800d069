package fr.pyramidesnoires.timing.quarantine;

import fr.pyramidesnoires.timing.course.Course;
import fr.pyramidesnoires.timing.course.CourseCatalog;
import fr.pyramidesnoires.timing.official.OfficialDecision;
import fr.pyramidesnoires.timing.read.RawRead;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Reads that gave no passage, and why. Nothing here is a state of its own: each kind is a question asked of the
 * reads kept one by one ({@link Suspects}) as they are now, so a chip assigned later, or a gun corrected, takes its
 * reads out of quarantine.
 */
@ApplicationScoped
public class Quarantine {

    public enum Kind {
        MALFORMED, UNKNOWN_CHIP, UNKNOWN_MAT, BEFORE_START
    }

    static final int LIMIT = 500;
    // by arrival: reads copied here when their chip left its race keep when they came
    private static final String NEWEST = " order by r.receivedAt desc, r.id desc";
    private static final Comparator<RawRead> NEWEST_FIRST = Comparator.comparing((RawRead r) -> r.receivedAt)
            .thenComparing(r -> r.id).reversed();

    final EntityManager em;
    final CourseCatalog courses;

    Quarantine(EntityManager em, CourseCatalog courses) {
        this.em = em;
        this.courses = courses;
    }

    /**
     * Newest first, at most {@link #LIMIT} of a kind: what a mat does wrong now comes before what was dealt with
     * hours ago. Must run in a transaction.
     */
    public List<RawRead> reads(Kind kind, boolean reviewedToo) {
        String notReviewed = reviewedToo ? "" : " and r.reviewedAt is null";
        return switch (kind) {
            case MALFORMED -> query("select r from RawRead r where r.problem is not null" + notReviewed, null);
            case UNKNOWN_CHIP -> query("select r from RawRead r where r.problem is null" + notReviewed
                    + " and not exists (select 1 from ChipAssignment c where c.chip = r.chipId)", null);
            case UNKNOWN_MAT -> query("select r from RawRead r where r.problem is null" + notReviewed
                    + " and r.matId not in :mats", courses.mats());
            case BEFORE_START -> beforeStart(notReviewed);
        };
    }

    private List<RawRead> beforeStart(String notReviewed) {
        List<RawRead> early = new ArrayList<>();
        for (Course course : courses.courses()) {
            Instant gun = OfficialDecision.gunStart(course.raceCode());
            if (gun == null) {
                continue;
            }
            // runners wait on the start mat before the signal: only other mats can read too early
            early.addAll(em.createQuery("select r from RawRead r, ChipAssignment c where c.chip = r.chipId"
                            + " and c.raceCode = :race and r.readTime < :gun and r.matId <> :start"
                            + " and r.problem is null" + notReviewed + NEWEST, RawRead.class)
                    .setParameter("race", course.raceCode())
                    .setParameter("gun", gun)
                    .setParameter("start", course.start().matId())
                    .setMaxResults(LIMIT)
                    .getResultList());
        }
        return early.stream().sorted(NEWEST_FIRST).limit(LIMIT).toList();
    }

    private List<RawRead> query(String jpql, Set<String> mats) {
        var query = em.createQuery(jpql + NEWEST, RawRead.class).setMaxResults(LIMIT);
        if (mats != null) {
            query.setParameter("mats", mats);
        }
        return query.getResultList();
    }
}
