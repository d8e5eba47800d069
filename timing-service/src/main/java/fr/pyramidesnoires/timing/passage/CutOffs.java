package fr.pyramidesnoires.timing.passage;

import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.timing.course.Course;
import fr.pyramidesnoires.timing.course.TimingPoint;
import java.time.Instant;
import java.util.Optional;

/**
 * Cut-offs are checked, never enforced: a runner past one is flagged, and an official who knows the whole story
 * (a runner held at an aid station, a detour) decides whether it is a DNF.
 */
public final class CutOffs {

    /**
     * @param late true when the runner got there after the cut-off, false when they have not got there at all
     */
    public record Missed(String pointId, String pointName, Instant deadline, boolean late) {
    }

    private CutOffs() {
    }

    /** The first cut-off the runner missed, if any, as of {@code now}. */
    public static Optional<Missed> first(Course course, RunnerTiming timing, Instant now) {
        if (timing.gunStart() == null || timing.status() == RunnerTiming.Status.DNF
                || timing.status() == RunnerTiming.Status.DSQ || timing.status() == RunnerTiming.Status.DNS
                || timing.status() == RunnerTiming.Status.NOT_STARTED) {
            return Optional.empty();
        }
        int furthest = timing.passages().stream().mapToInt(RunnerTiming.Passage::order).max().orElse(-1);
        for (int order = 0; order < course.points().size(); order++) {
            TimingPoint point = course.points().get(order);
            if (point.cutoff() == null) {
                continue;
            }
            Instant deadline = timing.gunStart().plus(point.cutoff());
            int at = order;
            Optional<RunnerTiming.Passage> passage = timing.passages().stream().filter(p -> p.order() == at).findFirst();
            if (passage.isPresent() && passage.get().time().isAfter(deadline)) {
                return Optional.of(new Missed(point.id(), point.name(), deadline, true));
            }
            // a missed read at a checkpoint is not a missed cut-off when the runner was seen further on
            if (passage.isEmpty() && furthest < order && now.isAfter(deadline)) {
                return Optional.of(new Missed(point.id(), point.name(), deadline, false));
            }
        }
        return Optional.empty();
    }
}
