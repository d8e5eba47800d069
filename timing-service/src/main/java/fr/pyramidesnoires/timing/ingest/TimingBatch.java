package fr.pyramidesnoires.timing.ingest;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.EventJson;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.timing.chip.ChipAssignment;
import fr.pyramidesnoires.timing.course.CourseCatalog;
import fr.pyramidesnoires.timing.course.CoursePublisher;
import fr.pyramidesnoires.timing.kafka.EventPublisher.Message;
import fr.pyramidesnoires.timing.passage.RunnerTimings;
import fr.pyramidesnoires.timing.read.ReadStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * One polled batch of entries and chip reads, stored in one transaction. Every runner the batch touches is
 * worked out again from everything stored, so the outcome does not depend on how messages were batched.
 */
@ApplicationScoped
public class TimingBatch {

    private static final Logger LOG = Logger.getLogger(TimingBatch.class);

    final ReadStore reads;
    final RunnerTimings timings;
    final CourseCatalog courses;

    TimingBatch(ReadStore reads, RunnerTimings timings, CourseCatalog courses) {
        this.reads = reads;
        this.timings = timings;
        this.courses = courses;
    }

    @Transactional
    public List<Message> store(List<ConsumerRecord<String, byte[]>> batch) {
        List<Message> publications = new ArrayList<>();
        Map<String, ChipAssignment> touched = new LinkedHashMap<>();
        List<EntryEvent> entries = new ArrayList<>();
        List<ConsumerRecord<String, byte[]>> chipReads = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> message : batch) {
            if (Topics.ENTRIES.equals(message.topic())) {
                entry(message).ifPresent(entries::add);
            } else {
                chipReads.add(message);
            }
        }
        if (!entries.isEmpty()) {
            Assignments assignments = Assignments.of(entries);
            entries.forEach(entry -> applyEntry(entry, assignments, touched, publications));
        }
        Set<String> chips = reads.keep(chipReads);
        if (!chips.isEmpty()) {
            ChipAssignment.wearing(chips).forEach(runner -> touched.put(runner.entryId, runner));
        }
        timings.recompute(touched.values()).stream().map(Publication::of).forEach(publications::add);
        return publications;
    }

    /** Works out again the runners and races officials changed, with the course of every race whose clock moved. */
    @Transactional
    public List<Message> recompute(RecomputeRequests.Pending pending) {
        List<Message> publications = new ArrayList<>();
        Map<String, ChipAssignment> runners = new LinkedHashMap<>();
        for (String raceCode : pending.raceCodes()) {
            ChipAssignment.<ChipAssignment>list("raceCode", raceCode).forEach(r -> runners.put(r.entryId, r));
            courses.course(raceCode).map(CoursePublisher::message).ifPresent(publications::add);
        }
        for (String key : pending.runnerKeys()) {
            String[] raceAndBib = key.split("/");
            ChipAssignment.<ChipAssignment>find("raceCode = ?1 and bib = ?2", raceAndBib[0], Integer.parseInt(raceAndBib[1]))
                    .firstResultOptional().ifPresent(r -> runners.put(r.entryId, r));
        }
        timings.recompute(runners.values()).stream().map(Publication::of).forEach(publications::add);
        return publications;
    }

    private static Optional<EntryEvent> entry(ConsumerRecord<String, byte[]> message) {
        try {
            return Optional.of(EventJson.read(message.value() == null ? null
                    : new String(message.value(), StandardCharsets.UTF_8), EntryEvent.class));
        } catch (EventJson.MalformedEventException e) {
            // registration-service is the only producer: this is a bug there, not a reason to stop timing
            LOG.errorf("Unreadable entry event at %s-%d@%d: %s", message.topic(), message.partition(),
                    message.offset(), e.getMessage());
            return Optional.empty();
        }
    }

    /** The batch's runners and chips as stored, loaded at once, kept current as the batch's entries apply. */
    private record Assignments(Map<String, ChipAssignment> byEntry, Map<String, ChipAssignment> byChip) {

        static Assignments of(List<EntryEvent> entries) {
            Assignments loaded = new Assignments(new HashMap<>(), new HashMap<>());
            ChipAssignment.<ChipAssignment>list("entryId in ?1 or chip in ?2",
                            entries.stream().map(EntryEvent::entryId).distinct().toList(),
                            entries.stream().map(EntryEvent::chip).distinct().toList())
                    .forEach(loaded::put);
            return loaded;
        }

        void put(ChipAssignment runner) {
            byEntry.put(runner.entryId, runner);
            byChip.put(runner.chip, runner);
        }

        void remove(ChipAssignment runner) {
            byEntry.remove(runner.entryId);
            byChip.remove(runner.chip, runner);
        }
    }

    private void applyEntry(EntryEvent entry, Assignments assignments, Map<String, ChipAssignment> touched,
                            List<Message> publications) {
        ChipAssignment current = assignments.byEntry().get(entry.entryId());
        if (current != null && (entry.type() == EntryEvent.Type.CANCELLED
                || !current.raceCode.equals(entry.raceCode()) || current.bib != entry.bib())) {
            publications.add(Publication.tombstone(current.raceCode, current.bib));
        }
        if (entry.type() == EntryEvent.Type.CANCELLED) {
            if (current != null) {
                assignments.remove(current);
                current.delete();
                timings.forget(entry.entryId());
                touched.remove(entry.entryId());
            }
            return;
        }
        // a chip handed from one runner to another: the previous wearer no longer has it
        ChipAssignment previous = assignments.byChip().get(entry.chip());
        if (previous != null && !previous.entryId.equals(entry.entryId())) {
            assignments.remove(previous);
            previous.delete();
            // Hibernate flushes inserts before deletes: the chip must be free before another runner takes it
            previous.flush();
            touched.remove(previous.entryId);
        }
        ChipAssignment runner = current != null ? current : new ChipAssignment();
        if (current != null) {
            assignments.remove(current);
        }
        runner.entryId = entry.entryId();
        runner.chip = entry.chip();
        runner.raceCode = entry.raceCode();
        runner.bib = entry.bib();
        runner.persist();
        assignments.put(runner);
        touched.put(runner.entryId, runner);
    }
}
