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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Works a runner's race out again from all of their chip's reads, and stores it. */
@ApplicationScoped
public class RunnerTimings {

    @ConfigProperty(name = "timing.crossing-window")
    Duration crossingWindow;

    final CourseCatalog courses;
    final EntityManager em;

    RunnerTimings(CourseCatalog courses, EntityManager em) {
        this.courses = courses;
        this.em = em;
    }

    /**
     * @return the runner's timing to publish; empty when the race has no course here (nothing to time)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<RunnerTiming> recompute(ChipAssignment runner) {
        Optional<Course> course = courses.course(runner.raceCode);
        if (course.isEmpty()) {
            return Optional.empty();
        }
        List<Timeline.Read> reads = em.createQuery(
                        "select r.matId, r.readTime from RawRead r where r.chipId = ?1 and r.problem is null",
                        Object[].class)
                .setParameter(1, runner.chip)
                .getResultStream()
                .map(row -> new Timeline.Read((String) row[0], (Instant) row[1]))
                .toList();
        RunnerTiming timing = Timeline.of(runner.raceCode, runner.bib, course.get(), reads,
                OfficialDecision.gunStart(runner.raceCode), crossingWindow,
                OfficialDecision.corrections(runner.raceCode, runner.bib));
        store(runner, timing);
        return Optional.of(timing);
    }

    /** The race's runners as last stored, without reading their chips again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<RunnerTiming> stored(String raceCode) {
        Course course = courses.course(raceCode).orElseThrow();
        Instant gun = OfficialDecision.gunStart(raceCode);
        Map<String, List<RunnerTiming.Passage>> passages = Passage.<Passage>list("raceCode = ?1 order by pointOrder",
                        raceCode).stream()
                .collect(Collectors.groupingBy(p -> p.entryId, Collectors.mapping(p -> {
                    TimingPoint point = course.points().get(p.pointOrder);
                    return new RunnerTiming.Passage(p.pointOrder, point.id(), point.name(), point.km(), p.time);
                }, Collectors.toList())));
        return RunnerResult.<RunnerResult>list("raceCode", raceCode).stream()
                .map(r -> new RunnerTiming(raceCode, r.bib, r.status, gun, passages.getOrDefault(r.entryId, List.of()),
                        r.gunTimeMs, r.chipTimeMs))
                .toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(String entryId) {
        Passage.delete("entryId", entryId);
        RunnerResult.deleteById(entryId);
    }

    private void store(ChipAssignment runner, RunnerTiming timing) {
        Passage.delete("entryId", runner.entryId);
        for (RunnerTiming.Passage p : timing.passages()) {
            Passage passage = new Passage();
            passage.entryId = runner.entryId;
            passage.raceCode = runner.raceCode;
            passage.bib = runner.bib;
            passage.pointOrder = p.order();
            passage.pointId = p.pointId();
            passage.time = p.time();
            passage.persist();
        }
        RunnerResult result = RunnerResult.<RunnerResult>findByIdOptional(runner.entryId).orElseGet(RunnerResult::new);
        result.entryId = runner.entryId;
        result.raceCode = runner.raceCode;
        result.bib = runner.bib;
        result.status = timing.status();
        result.gunTimeMs = timing.gunTimeMs();
        result.chipTimeMs = timing.chipTimeMs();
        result.updatedAt = Instant.now();
        result.persist();
    }
}
