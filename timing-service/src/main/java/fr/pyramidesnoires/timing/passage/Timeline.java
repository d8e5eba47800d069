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

    /**
     * How reads are grouped: into crossings of a mat ({@link Crossings}), and into visits of an aid station whose
     * one mat is read in and out ({@link Visits}).
     */
    public record Windows(Duration crossing, Duration minStay, Duration maxStay) {

        /** The event's default stays (timing.aid-station.min-stay and max-stay), with the given crossing window. */
        public static Windows crossing(Duration crossing) {
            return new Windows(crossing, Duration.ofSeconds(30), Duration.ofHours(2));
        }
    }

    private Timeline() {
    }

    /**
     * @param gunStart null while no official has started the race: then no read is too early
     */
    public static RunnerTiming of(String raceCode, int bib, Course course, Collection<Read> reads,
                                  Instant gunStart, Duration window) {
        return of(raceCode, bib, course, reads, gunStart, Windows.crossing(window), Corrections.NONE);
    }

    /**
     * The mats' passages with the officials' corrections applied. A status an official set (DNS, DNF, DSQ) is final:
     * such a runner has no race time, whatever the mats say.
     */
    public static RunnerTiming of(String raceCode, int bib, Course course, Collection<Read> reads,
                                  Instant gunStart, Windows windows, Corrections corrections) {
        List<Passage> passages = corrected(course, passages(course, reads, gunStart, windows), corrections);
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

    /**
     * An official's arrival replaces the mats' arrival there and keeps the mats' departure; an official's departure
     * replaces the mats' departure, and where nothing else says when the runner came, stands for the arrival too (as
     * an out mat's read does). A passage struck out goes with its departure.
     */
    private static List<Passage> corrected(Course course, List<Passage> fromMats, Corrections corrections) {
        Map<Integer, Passage> passages = new TreeMap<>();
        fromMats.forEach(p -> passages.put(p.order(), p));
        corrections.removed().forEach(passages::remove);
        corrections.passageTimes().forEach((order, time) -> {
            if (order < course.points().size()) {
                Passage mats = passages.get(order);
                passages.put(order, passage(course, order, time, mats == null ? null : mats.departure()));
            }
        });
        corrections.departureTimes().forEach((order, time) -> {
            if (order < course.points().size()) {
                Passage before = passages.get(order);
                passages.put(order, passage(course, order, before == null ? time : before.time(), time));
            }
        });
        return new ArrayList<>(passages.values());
    }

    private static Passage passage(Course course, int order, Instant arrival, Instant departure) {
        TimingPoint point = course.points().get(order);
        return new Passage(order, point.id(), point.name(), point.km(), arrival, null, departure);
    }

    /**
     * The passages the mats give. At an aid station with an out mat, the k-th crossing of the out mat is the departure
     * of the k-th point leaving over it; a runner the in mat missed but the out mat read was there, and their
     * passage has the departure for arrival too: an arrival no later than it, which {@link DoubtfulPassages} doubts
     * (departure not after arrival) until an official sets the arrival.
     */
    static List<Passage> passages(Course course, Collection<Read> reads, Instant gunStart, Windows windows) {
        String startMat = course.start().matId();
        Map<String, List<Instant>> readsByMat = new HashMap<>();
        for (Read read : reads) {
            boolean tooEarly = gunStart != null && read.time().isBefore(gunStart) && !read.matId().equals(startMat);
            if (!tooEarly) {
                readsByMat.computeIfAbsent(read.matId(), mat -> new ArrayList<>()).add(read.time());
            }
        }
        // the k-th crossing (or visit) of a mat is the k-th point of the course on that mat
        Map<String, Integer> occurrence = new HashMap<>();
        List<Passage> passages = new ArrayList<>();
        for (int order = 0; order < course.points().size(); order++) {
            TimingPoint point = course.points().get(order);
            List<Instant> atMat = readsByMat.getOrDefault(point.matId(), List.of());
            int k = occurrence.merge(point.matId(), 1, Integer::sum) - 1;
            Instant arrival = null;
            Instant departure = null;
            if (point.inAndOut()) {
                boolean passedAgain = course.points().stream().filter(p -> p.matId().equals(point.matId())).count() > 1;
                List<Visits.Visit> visits = Visits.of(atMat, windows.minStay(), passedAgain ? windows.maxStay() : null);
                if (k < visits.size()) {
                    arrival = visits.get(k).arrival();
                    departure = visits.get(k).departure();
                }
            } else {
                List<Instant> crossings = Crossings.of(atMat, windows.crossing(), order == 0);
                if (k < crossings.size()) {
                    arrival = crossings.get(k);
                }
                if (point.outMatId() != null) {
                    List<Instant> out = Crossings.of(readsByMat.getOrDefault(point.outMatId(), List.of()),
                            windows.crossing(), false);
                    int kOut = occurrence.merge(point.outMatId(), 1, Integer::sum) - 1;
                    departure = kOut < out.size() ? out.get(kOut) : null;
                }
            }
            // a runner waiting on the start mat before the signal started at the signal, not before it
            if (order == 0 && arrival != null && gunStart != null && arrival.isBefore(gunStart)) {
                arrival = gunStart;
            }
            if (arrival != null || departure != null) {
                passages.add(passage(course, order, arrival != null ? arrival : departure, departure));
            }
        }
        return passages;
    }

    private static Instant timeAt(List<Passage> passages, int order) {
        return passages.stream().filter(p -> p.order() == order).map(Passage::time).findFirst().orElse(null);
    }
}
