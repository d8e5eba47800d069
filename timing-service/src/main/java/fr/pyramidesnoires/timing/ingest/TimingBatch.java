package fr.pyramidesnoires.timing.ingest;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.EventJson;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.timing.chip.ChipAssignment;
import fr.pyramidesnoires.timing.kafka.EventPublisher.Message;
import fr.pyramidesnoires.timing.passage.RunnerTimings;
import fr.pyramidesnoires.timing.read.ReadStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    TimingBatch(ReadStore reads, RunnerTimings timings) {
        this.reads = reads;
        this.timings = timings;
    }

    @Transactional
    public List<Message> store(List<ConsumerRecord<String, byte[]>> batch) {
        List<Message> publications = new ArrayList<>();
        Map<String, ChipAssignment> touched = new LinkedHashMap<>();
        List<ConsumerRecord<String, byte[]>> chipReads = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> message : batch) {
            if (Topics.ENTRIES.equals(message.topic())) {
                applyEntry(message, touched, publications);
            } else {
                chipReads.add(message);
            }
        }
        Set<String> chips = reads.keep(chipReads);
        if (!chips.isEmpty()) {
            ChipAssignment.wearing(chips).forEach(runner -> touched.put(runner.entryId, runner));
        }
        for (ChipAssignment runner : touched.values()) {
            timings.recompute(runner).map(Publication::of).ifPresent(publications::add);
        }
        return publications;
    }

    private void applyEntry(ConsumerRecord<String, byte[]> message, Map<String, ChipAssignment> touched,
                            List<Message> publications) {
        EntryEvent entry;
        try {
            entry = EventJson.read(message.value() == null ? null : new String(message.value(), StandardCharsets.UTF_8),
                    EntryEvent.class);
        } catch (EventJson.MalformedEventException e) {
            // registration-service is the only producer: this is a bug there, not a reason to stop timing
            LOG.errorf("Unreadable entry event at %s-%d@%d: %s", message.topic(), message.partition(),
                    message.offset(), e.getMessage());
            return;
        }
        ChipAssignment current = ChipAssignment.findById(entry.entryId());
        if (current != null && (entry.type() == EntryEvent.Type.CANCELLED
                || !current.raceCode.equals(entry.raceCode()) || current.bib != entry.bib())) {
            publications.add(Publication.tombstone(current.raceCode, current.bib));
        }
        if (entry.type() == EntryEvent.Type.CANCELLED) {
            if (current != null) {
                current.delete();
                timings.forget(entry.entryId());
                touched.remove(entry.entryId());
            }
            return;
        }
        // a chip handed from one runner to another: the previous wearer no longer has it
        ChipAssignment.<ChipAssignment>find("chip = ?1 and entryId <> ?2", entry.chip(), entry.entryId())
                .firstResultOptional().ifPresent(previous -> {
                    previous.delete();
                    previous.flush();
                    touched.remove(previous.entryId);
                });
        ChipAssignment runner = current != null ? current : new ChipAssignment();
        runner.entryId = entry.entryId();
        runner.chip = entry.chip();
        runner.raceCode = entry.raceCode();
        runner.bib = entry.bib();
        runner.persist();
        touched.put(runner.entryId, runner);
    }
}
