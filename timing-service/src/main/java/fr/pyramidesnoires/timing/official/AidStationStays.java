package fr.pyramidesnoires.timing.official;

import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.timing.course.CourseCatalog;
import fr.pyramidesnoires.timing.course.TimingPoint;
import fr.pyramidesnoires.timing.passage.RunnerTimings;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Who came to the aid stations timed on the way out, and when they left: for race control, and for the volunteers
 * of the station on their phone. Latest arrivals first, so that who is there now leads, and at most
 * {@value #PER_STATION} a station.
 */
@ApplicationScoped
public class AidStationStays {

    static final int PER_STATION = 50;

    /**
     * A runner at an aid station, times in the event's time.
     *
     * @param departure null while no read says the runner left
     * @param stay      arrival to departure, h:mm:ss; null without a departure after the arrival
     */
    public record StayLine(String pointName, int bib, String arrival, String departure, String stay) {
    }

    final CourseCatalog courses;
    final RunnerTimings timings;
    final EventTime eventTime;

    AidStationStays(CourseCatalog courses, RunnerTimings timings, EventTime eventTime) {
        this.courses = courses;
        this.timings = timings;
        this.eventTime = eventTime;
    }

    /** @param station which of the race's points timed on departure to list */
    public List<StayLine> of(String race, Predicate<TimingPoint> station) {
        List<TimingPoint> stations = courses.known(race).points().stream()
                .filter(p -> p.departureTimed() && station.test(p)).toList();
        if (stations.isEmpty()) {
            return List.of();
        }
        List<RunnerTiming> runners = QuarkusTransaction.joiningExisting().call(() -> timings.stored(race));
        List<StayLine> lines = new ArrayList<>();
        for (TimingPoint point : stations) {
            runners.stream().flatMap(r -> r.passages().stream().filter(p -> p.pointId().equals(point.id()))
                            .map(p -> Map.entry(r.bib(), p)))
                    .sorted(Comparator.comparing((Map.Entry<Integer, RunnerTiming.Passage> e) -> e.getValue().time())
                            .reversed())
                    .limit(PER_STATION)
                    .forEach(e -> lines.add(new StayLine(point.name(), e.getKey(),
                            eventTime.local(e.getValue().time()), eventTime.local(e.getValue().departure()),
                            stay(e.getValue().time(), e.getValue().departure()))));
        }
        return lines;
    }

    /** h:mm:ss from arrival to departure; null without a departure, or one not after the arrival. */
    static String stay(Instant arrival, Instant departure) {
        if (departure == null || !departure.isAfter(arrival)) {
            return null;
        }
        Duration stay = Duration.between(arrival, departure);
        return String.format("%d:%02d:%02d", stay.toHours(), stay.toMinutesPart(), stay.toSecondsPart());
    }
}
