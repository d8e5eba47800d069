package fr.pyramidesnoires.timing.passage;

import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.events.RunnerTiming.Passage;
import fr.pyramidesnoires.events.RunnerTiming.Status;
import fr.pyramidesnoires.timing.course.Course;
import fr.pyramidesnoires.timing.course.TimingPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One runner's race, worked out from all of their chip's reads: passages at the course's timing points, status,
 * official (gun) time and chip time. Computed from the whole set of reads every time, so late, replayed or
 * shuffled reads give exactly the result in-order delivery would.
 */
public final class Timeline {

    /** A chip read reduced to what timing needs. */
    public record Read(String matId, Instant time) {
    }

    private Timeline() {
    }

    /**
     * @param gunStart null while no official has started the race: then no read is too early
     */
    public static RunnerTiming of(String raceCode, int bib, Course course, Collection<Read> reads,
                                  Instant gunStart, Duration window) {
        return of(raceCode, bib, course, reads, gunStart, window, Corrections.NONE);
    }

    /**
     * The mats' passages with the officials' corrections applied. A status an official set (DNS, DNF, DSQ) is final:
     * such a runner has no race time, whatever the mats say.
     */
    public static RunnerTiming of(String raceCode, int bib, Course course, Collection<Read> reads,
                                  Instant gunStart, Duration window, Corrections corrections) {
        List<Passage> passages = corrected(course, passages(course, reads, gunStart, window), corrections);
        if (corrections.status() != null) {
            return new RunnerTiming(raceCode, bib, corrections.status(), gunStart, passages, null, null);
        }
        Instant finish = timeAt(passages, course.finishOrder());
        Instant chipStart = timeAt(passages, 0);
        Status status = finish != null ? Status.FINISHED : passages.isEmpty() ? Status.NOT_STARTED : Status.ON_COURSE;
        Long gunTime = finish != null && gunStart != null ? Duration.between(gunStart, finish).toMillis() : null;
        Long chipTime = finish != null && chipStart != null ? Duration.between(chipStart, finish).toMillis() : null;
        return new RunnerTiming(raceCode, bib, status, gunStart, passages, gunTime, chipTime);
    }

    private static List<Passage> corrected(Course course, List<Passage> fromMats, Corrections corrections) {
        Map<Integer, Instant> times = new TreeMap<>();
        fromMats.forEach(p -> times.put(p.order(), p.time()));
        corrections.removed().forEach(times::remove);
        corrections.passageTimes().forEach((order, time) -> {
            if (order < course.points().size()) {
                times.put(order, time);
            }
        });
        List<Passage> passages = new ArrayList<>();
        times.forEach((order, time) -> {
            TimingPoint point = course.points().get(order);
            passages.add(new Passage(order, point.id(), point.name(), point.km(), time));
        });
        return passages;
    }

    static List<Passage> passages(Course course, Collection<Read> reads, Instant gunStart, Duration window) {
        String startMat = course.start().matId();
        Map<String, List<Instant>> readsByMat = new HashMap<>();
        for (Read read : reads) {
            boolean tooEarly = gunStart != null && read.time().isBefore(gunStart) && !read.matId().equals(startMat);
            if (!tooEarly) {
                readsByMat.computeIfAbsent(read.matId(), mat -> new ArrayList<>()).add(read.time());
            }
        }
        // the k-th crossing of a mat is the k-th point of the course on that mat
        Map<String, Integer> occurrence = new HashMap<>();
        List<Passage> passages = new ArrayList<>();
        for (int order = 0; order < course.points().size(); order++) {
            TimingPoint point = course.points().get(order);
            List<Instant> crossings = Crossings.of(readsByMat.getOrDefault(point.matId(), List.of()), window,
                    order == 0);
            int k = occurrence.merge(point.matId(), 1, Integer::sum) - 1;
            if (k < crossings.size()) {
                Instant time = crossings.get(k);
                // a runner waiting on the start mat before the signal started at the signal, not before it
                if (order == 0 && gunStart != null && time.isBefore(gunStart)) {
                    time = gunStart;
                }
                passages.add(new Passage(order, point.id(), point.name(), point.km(), time));
            }
        }
        return passages;
    }

    private static Instant timeAt(List<Passage> passages, int order) {
        return passages.stream().filter(p -> p.order() == order).map(Passage::time).findFirst().orElse(null);
    }
}
