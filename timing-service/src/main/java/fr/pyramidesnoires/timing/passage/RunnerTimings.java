package fr.pyramidesnoires.timing.passage;

import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.timing.chip.ChipAssignment;
import fr.pyramidesnoires.timing.course.Course;
import fr.pyramidesnoires.timing.course.CourseCatalog;
import fr.pyramidesnoires.timing.course.TimingPoint;
import fr.pyramidesnoires.timing.official.OfficialDecision;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

/** Works a runner's race out again from all of their chip's reads, and stores it. */
@ApplicationScoped
public class RunnerTimings {

    @ConfigProperty(name = "timing.crossing-window")
    Duration crossingWindow;
    @ConfigProperty(name = "timing.aid-station.min-stay")
    Duration minStay;
    @ConfigProperty(name = "timing.aid-station.max-stay")
    Duration maxStay;
    @ConfigProperty(name = "timing.doubtful.out-of-sequence")
    boolean doubtOutOfSequence;
    @ConfigProperty(name = "timing.doubtful.same-as-neighbour")
    boolean doubtSameAsNeighbour;
    @ConfigProperty(name = "timing.doubtful.too-fast")
    boolean doubtTooFast;
    @ConfigProperty(name = "timing.doubtful.fastest-km-effort-pace")
    Duration fastestKmEffortPace;

    final CourseCatalog courses;
    final EntityManager em;

    RunnerTimings(CourseCatalog courses, EntityManager em) {
        this.courses = courses;
        this.em = em;
    }

    /**
     * Works out again every given runner from all of their chip's reads, in a handful of statements whatever their
     * number: a batch of reads touches hundreds of runners. Only the runners whose outcome changed are written.
     *
     * @return the timings of all given runners; runners whose race has no course here have none
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<RunnerTiming> recompute(Collection<ChipAssignment> runners) {
        return recompute(runners, Map.of());
    }

    /** @param known the reads of some of the runners' chips, as just stored: only the others are loaded */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<RunnerTiming> recompute(Collection<ChipAssignment> runners, Map<String, List<Timeline.Read>> known) {
        List<ChipAssignment> timed = runners.stream().filter(r -> courses.course(r.raceCode).isPresent()).toList();
        if (timed.isEmpty()) {
            return List.of();
        }
        return em.unwrap(Session.class).doReturningWork(connection -> {
            TimingRows rows = new TimingRows(connection);
            OfficialDecision.Standing decisions = OfficialDecision.standing(connection,
                    timed.stream().map(r -> r.raceCode).collect(Collectors.toSet()));
            Map<String, List<Timeline.Read>> readsByChip = new HashMap<>(known);
            readsByChip.putAll(new ChipReads(connection).of(timed.stream().map(r -> r.chip)
                    .filter(chip -> !known.containsKey(chip)).toList()));
            Map<String, TimingRows.Outcome> stored = rows.outcomes(timed.stream().map(r -> r.entryId).toList());
            Map<String, TimingRows.Outcome> changed = new HashMap<>();
            List<RunnerTiming> timings = new ArrayList<>(timed.size());
            for (ChipAssignment runner : timed) {
                Course course = courses.course(runner.raceCode).get();
                Corrections corrections = decisions.corrections().getOrDefault(runner.raceCode + "/" + runner.bib,
                        Corrections.NONE);
                RunnerTiming timing = marked(Timeline.of(runner.raceCode, runner.bib, course,
                        readsByChip.getOrDefault(runner.chip, List.of()), decisions.gunStarts().get(runner.raceCode),
                        new Timeline.Windows(crossingWindow, minStay, maxStay), corrections), course, corrections);
                TimingRows.Outcome outcome = TimingRows.Outcome.of(timing);
                if (!outcome.equals(stored.get(runner.entryId))) {
                    changed.put(runner.entryId, outcome);
                }
                timings.add(timing);
            }
            rows.replace(changed, stored);
            return timings;
        });
    }

    /** The race's runners as last stored, their passages marked again, without reading their chips again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<RunnerTiming> stored(String raceCode) {
        Course course = courses.course(raceCode).orElseThrow();
        Instant gun = OfficialDecision.gunStart(raceCode);
        Map<String, Corrections> corrections = em.unwrap(Session.class).doReturningWork(connection ->
                OfficialDecision.standing(connection, List.of(raceCode)).corrections());
        Map<String, List<RunnerTiming.Passage>> passages = Passage.<Passage>list("raceCode = ?1 order by pointOrder",
                        raceCode).stream()
                .collect(Collectors.groupingBy(p -> p.entryId, Collectors.mapping(p -> {
                    TimingPoint point = course.points().get(p.pointOrder);
                    return new RunnerTiming.Passage(p.pointOrder, point.id(), point.name(), point.km(), p.time, null,
                            p.departure);
                }, Collectors.toList())));
        return RunnerResult.<RunnerResult>list("raceCode", raceCode).stream()
                .map(r -> marked(new RunnerTiming(raceCode, r.bib, r.status, gun,
                        passages.getOrDefault(r.entryId, List.of()), r.gunTimeMs, r.chipTimeMs), course,
                        corrections.getOrDefault(RunnerTiming.key(raceCode, r.bib), Corrections.NONE)))
                .toList();
    }

    /** A passage an official set is their word for it: never doubted. */
    private RunnerTiming marked(RunnerTiming timing, Course course, Corrections corrections) {
        DoubtfulPassages.Rules rules = new DoubtfulPassages.Rules(doubtOutOfSequence, doubtSameAsNeighbour,
                doubtTooFast ? fastestKmEffortPace : null);
        return DoubtfulPassages.marked(timing, course, corrections.passageTimes().keySet(), rules.forCourse(course));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(String entryId) {
        Passage.delete("entryId", entryId);
        RunnerResult.deleteById(entryId);
    }
}
