package fr.pyramidesnoires.timing.passage;

import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.events.RunnerTiming.Doubt;
import fr.pyramidesnoires.events.RunnerTiming.Passage;
import fr.pyramidesnoires.timing.course.Course;
import fr.pyramidesnoires.timing.course.TimingPoint;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which of a runner's passages timing doubts, by the event's rules. Each pair of passages following each other in
 * course order is looked at: a pair that cannot both be right puts the doubt on the later passage, unless an
 * official vouched for it (an official's passage is a fact), in which case the earlier one takes it. Two passages
 * with the same time are both doubted: either may be the copy. A passage is only ever flagged, never moved or
 * dropped: an official confirms it or strikes it out.
 *
 * <p>At an aid station timed on the way out, a passage has two times, and both count: the same second at the
 * arrival or departure of a neighbouring passage is a copy ({@code SAME_AS_NEIGHBOUR}); a departure not after its
 * own arrival (the out mat read a runner the in mat missed, or a read of another runner's chip) is
 * {@code OUT_OF_SEQUENCE}, and so is a next arrival not after the departure, the doubt then on the departure's
 * passage, since its arrival is in order; a segment's pace runs from the departure, not from the arrival.
 */
public final class DoubtfulPassages {

    /**
     * What the event doubts.
     *
     * @param outOfSequence       a passage not after the one before it
     * @param sameAsNeighbour     a passage with the same time, to the second, as the one before it
     * @param fastestKmEffortPace the fastest time per km-effort (km + D+/100) anyone can run a segment in; null to
     *                            doubt no segment for its pace
     */
    public record Rules(boolean outOfSequence, boolean sameAsNeighbour, Duration fastestKmEffortPace) {

        public static final Rules NONE = new Rules(false, false, null);

        /** The course's own fastest pace where its file gives one, the event's otherwise; off stays off. */
        public Rules forCourse(Course course) {
            return course.fastestKmEffortPace() == null || fastestKmEffortPace == null ? this
                    : new Rules(outOfSequence, sameAsNeighbour, course.fastestKmEffortPace());
        }
    }

    private DoubtfulPassages() {
    }

    /** The timing with its passages marked; a good passage keeps no doubt it had before. */
    public static RunnerTiming marked(RunnerTiming timing, Course course, Set<Integer> vouched, Rules rules) {
        List<Passage> passages = timing.passages();
        Doubt[] doubts = new Doubt[passages.size()];
        for (int i = 0; i < passages.size(); i++) {
            Passage passage = passages.get(i);
            if (rules.outOfSequence() && passage.departure() != null && !passage.departure().isAfter(passage.time())) {
                doubt(doubts, i, passages, vouched, Doubt.OUT_OF_SEQUENCE);
            }
        }
        for (int i = 1; i < passages.size(); i++) {
            Passage before = passages.get(i - 1);
            Passage after = passages.get(i);
            if (rules.sameAsNeighbour() && sameSecond(before, after)) {
                doubt(doubts, i - 1, passages, vouched, Doubt.SAME_AS_NEIGHBOUR);
                doubt(doubts, i, passages, vouched, Doubt.SAME_AS_NEIGHBOUR);
            } else if (rules.outOfSequence() && !after.time().isAfter(before.time())) {
                doubtRather(doubts, i, i - 1, passages, vouched, Doubt.OUT_OF_SEQUENCE);
            } else if (rules.outOfSequence() && !after.time().isAfter(leaving(before))) {
                doubtRather(doubts, i - 1, i, passages, vouched, Doubt.OUT_OF_SEQUENCE);
            } else if (rules.fastestKmEffortPace() != null
                    && tooFast(course, before, after, rules.fastestKmEffortPace())) {
                doubtRather(doubts, i, i - 1, passages, vouched, Doubt.TOO_FAST);
            }
        }
        List<Passage> marked = new ArrayList<>(passages.size());
        for (int i = 0; i < passages.size(); i++) {
            marked.add(passages.get(i).doubted(doubts[i]));
        }
        return new RunnerTiming(timing.raceCode(), timing.bib(), timing.status(), timing.gunStart(), marked,
                timing.gunTimeMs(), timing.chipTimeMs());
    }

    /** The km-effort of the segment between two points: its km plus its climb in hundreds of metres. */
    static double kmEffort(TimingPoint from, TimingPoint to) {
        return (to.km() - from.km()) + (to.elevationGainM() - from.elevationGainM()) / 100.0;
    }

    /** Any time of one, arrival or departure, the same to the second as any time of the other. */
    private static boolean sameSecond(Passage a, Passage b) {
        return seconds(a).stream().anyMatch(seconds(b)::contains);
    }

    private static List<Instant> seconds(Passage passage) {
        return Stream.of(passage.time(), passage.departure()).filter(Objects::nonNull)
                .map(t -> t.truncatedTo(ChronoUnit.SECONDS)).toList();
    }

    /** When the runner set off from the passage's point: the time spent at an aid station is no running. */
    private static Instant leaving(Passage passage) {
        return passage.departure() != null ? passage.departure() : passage.time();
    }

    /** A segment with no km-effort (an aid station's arrival and departure) has no pace to judge. */
    private static boolean tooFast(Course course, Passage before, Passage after, Duration fastestPace) {
        double effort = kmEffort(course.points().get(before.order()), course.points().get(after.order()));
        // rounded to the millisecond: a segment run exactly at the fastest pace is good, whatever binary km do
        return effort > 0 && Duration.between(leaving(before), after.time()).toMillis()
                < Math.round(fastestPace.toMillis() * effort);
    }

    /** The suspect passage takes the doubt, unless an official vouched for it: then the other one does. */
    private static void doubtRather(Doubt[] doubts, int suspect, int other, List<Passage> passages,
                                    Set<Integer> vouched, Doubt why) {
        doubt(doubts, vouched.contains(passages.get(suspect).order()) ? other : suspect, passages, vouched, why);
    }

    /** The first doubt in {@link Doubt}'s order is the one shown: a copied time says more than a fast segment. */
    private static void doubt(Doubt[] doubts, int index, List<Passage> passages, Set<Integer> vouched, Doubt why) {
        if (!vouched.contains(passages.get(index).order())
                && (doubts[index] == null || why.ordinal() < doubts[index].ordinal())) {
            doubts[index] = why;
        }
    }
}
