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
     * Works out again every given runner from all of their chip's reads, in a handful of queries whatever their
     * number: a batch of reads touches hundreds of runners.
     *
     * @return the timings to publish; runners whose race has no course here have none
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<RunnerTiming> recompute(Collection<ChipAssignment> runners) {
        List<ChipAssignment> timed = runners.stream().filter(r -> courses.course(r.raceCode).isPresent()).toList();
        if (timed.isEmpty()) {
            return List.of();
        }
        Map<String, List<Timeline.Read>> readsByChip = new HashMap<>();
        List<String> entryIds = timed.stream().map(r -> r.entryId).toList();
        for (List<ChipAssignment> chunk : chunks(timed)) {
            em.createQuery("select r.chipId, r.matId, r.readTime from RawRead r where r.chipId in ?1 and r.problem is null",
                            Object[].class)
                    .setParameter(1, chunk.stream().map(r -> r.chip).toList())
                    .getResultStream()
                    .forEach(row -> readsByChip.computeIfAbsent((String) row[0], chip -> new ArrayList<>())
                            .add(new Timeline.Read((String) row[1], (Instant) row[2])));
        }
        Map<String, Instant> guns = new HashMap<>();
        Map<String, RunnerResult> results = new HashMap<>();
        for (List<String> chunk : chunks(entryIds)) {
            Passage.delete("entryId in ?1", chunk);
            RunnerResult.<RunnerResult>list("entryId in ?1", chunk).forEach(r -> results.put(r.entryId, r));
        }
        Map<String, Corrections> corrections = OfficialDecision.corrections(
                timed.stream().map(r -> r.raceCode).collect(Collectors.toSet()),
                timed.stream().map(r -> r.bib).collect(Collectors.toSet()));
        List<RunnerTiming> timings = new ArrayList<>(timed.size());
        for (ChipAssignment runner : timed) {
            Instant gun = guns.computeIfAbsent(runner.raceCode, OfficialDecision::gunStart);
            RunnerTiming timing = Timeline.of(runner.raceCode, runner.bib, courses.course(runner.raceCode).get(),
                    readsByChip.getOrDefault(runner.chip, List.of()), gun, crossingWindow,
                    corrections.getOrDefault(runner.raceCode + "/" + runner.bib, Corrections.NONE));
            store(runner, timing, results.get(runner.entryId));
            timings.add(timing);
        }
        return timings;
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

    private void store(ChipAssignment runner, RunnerTiming timing, RunnerResult existing) {
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
        RunnerResult result = existing != null ? existing : new RunnerResult();
        result.entryId = runner.entryId;
        result.raceCode = runner.raceCode;
        result.bib = runner.bib;
        result.status = timing.status();
        result.gunTimeMs = timing.gunTimeMs();
        result.chipTimeMs = timing.chipTimeMs();
        result.updatedAt = Instant.now();
        result.persist();
    }

    /** PostgreSQL takes at most 32767 parameters in a statement. */
    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 1000) {
            chunks.add(all.subList(i, Math.min(all.size(), i + 1000)));
        }
        return chunks;
    }
}
