package fr.pyramidesnoires.timing.ingest;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.EventCheck;
import fr.pyramidesnoires.events.EventJson;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.timing.chip.ChipAssignment;
import fr.pyramidesnoires.timing.chip.EntryRules;
import fr.pyramidesnoires.timing.course.Course;
import fr.pyramidesnoires.timing.course.CourseCatalog;
import fr.pyramidesnoires.timing.course.CoursePublisher;
import fr.pyramidesnoires.timing.kafka.EventPublisher.Message;
import fr.pyramidesnoires.timing.official.OfficialDecision;
import fr.pyramidesnoires.timing.passage.ChipReads;
import fr.pyramidesnoires.timing.passage.RunnerTimings;
import fr.pyramidesnoires.timing.passage.Timeline;
import fr.pyramidesnoires.timing.quarantine.Suspects;
import fr.pyramidesnoires.timing.read.IncomingRead;
import fr.pyramidesnoires.timing.read.ReadStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * One polled batch of entries and chip reads, stored in one transaction. Every runner the batch touches is
 * worked out again from all their chip's reads, so the outcome does not depend on how messages were batched.
 */
@ApplicationScoped
public class TimingBatch {

    private static final Logger LOG = Logger.getLogger(TimingBatch.class);

    final ReadStore reads;
    final RunnerTimings timings;
    final CourseCatalog courses;
    final EntityManager em;
    final IngestMetrics metrics;

    TimingBatch(ReadStore reads, RunnerTimings timings, CourseCatalog courses, EntityManager em,
                IngestMetrics metrics) {
        this.metrics = metrics;
        this.reads = reads;
        this.timings = timings;
        this.courses = courses;
        this.em = em;
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
            em.unwrap(Session.class).doWork(connection -> {
                Assignments assignments = Assignments.of(connection, entries);
                entries.forEach(entry -> applyEntry(entry, assignments, touched, publications));
                assignments.save(connection);
                reads.keepOneByOne(assignments.chipsLeavingTheirRace());
            });
        }
        Map<String, List<Timeline.Read>> read = chipReads.isEmpty() ? Map.of() : keep(chipReads, touched);
        timings.recompute(touched.values(), read).stream().map(Publication::of).forEach(publications::add);
        return publications;
    }

    /**
     * Keeps every read and adds the new ones to their chips; the runners wearing the batch's chips are touched, new
     * reads or not: a batch replayed after its runners failed to be published must publish them.
     *
     * @return all the reads of the batch's chips
     */
    private Map<String, List<Timeline.Read>> keep(List<ConsumerRecord<String, byte[]>> messages,
                                                  Map<String, ChipAssignment> touched) {
        List<IncomingRead> incoming = reads.parse(messages);
        metrics.taken(incoming);
        Map<String, List<Timeline.Read>> readsByChip = new HashMap<>();
        for (IncomingRead in : incoming) {
            if (in.read() != null) {
                readsByChip.computeIfAbsent(in.read().chipId(), chip -> new ArrayList<>())
                        .add(new Timeline.Read(in.read().matId(), in.read().readTime().toInstant()));
            }
        }
        Session session = em.unwrap(Session.class);
        Map<String, ChipAssignment> wearers = new HashMap<>();
        session.doReturningWork(connection -> ChipAssignment.wearing(connection, readsByChip.keySet()))
                .forEach(runner -> wearers.put(runner.chip, runner));
        Map<String, Instant> gunStarts = session.doReturningWork(connection -> OfficialDecision.standing(connection,
                wearers.values().stream().map(r -> r.raceCode).collect(Collectors.toSet()))).gunStarts();
        Set<String> knownMats = courses.mats();
        Map<String, Set<Long>> archived = reads.keep(incoming, in -> {
            ChipAssignment wearer = in.read() == null ? null : wearers.get(in.read().chipId());
            metrics.kept(in, wearer != null, knownMats);
            Course course = wearer == null ? null : courses.course(wearer.raceCode).orElse(null);
            return Suspects.mayBeQuarantined(in.read(), wearer != null, course,
                    course == null ? null : gunStarts.get(course.raceCode()), knownMats);
        });
        wearers.values().forEach(runner -> touched.put(runner.entryId, runner));
        return session.doReturningWork(connection -> new ChipReads(connection).add(readsByChip, archived));
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

    /** The entry the message holds, or nothing when it cannot be used: then it is kept in quarantine with why. */
    private Optional<EntryEvent> entry(ConsumerRecord<String, byte[]> message) {
        String problem;
        try {
            EntryEvent entry = EventJson.read(message.value() == null ? null
                    : new String(message.value(), StandardCharsets.UTF_8), EntryEvent.class);
            problem = EntryRules.problem(entry);
            if (problem == null) {
                return Optional.of(entry);
            }
        } catch (RuntimeException e) {
            problem = e.getMessage();
        }
        // registration-service is the only producer: this is a bug there, or a forgery, not a reason to stop timing
        LOG.errorf("Unusable entry event at %s-%d@%d kept in quarantine: %s", message.topic(), message.partition(),
                message.offset(), EventCheck.printable(problem));
        reads.park(IncomingRead.malformed(message, problem));
        return Optional.empty();
    }

    /** Keeps a message that could not be stored with its batch, with why, in a transaction of its own. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void park(ConsumerRecord<String, byte[]> message, String reason) {
        reads.park(IncomingRead.malformed(message, reason));
    }

    /**
     * The batch's runners and chips as stored, loaded at once, kept current as the batch's entries apply, and
     * written back at once: thousands of entries arrive together when registration replays its topic.
     */
    private static final class Assignments {

        private static final String DELETE = "DELETE FROM chipassignment WHERE entryid = ANY(?)";
        private static final String INSERT = """
                INSERT INTO chipassignment (entryid, chip, racecode, bib, runnername) VALUES (?, ?, ?, ?, ?)""";

        final Map<String, ChipAssignment> byEntry = new HashMap<>();
        final Map<String, ChipAssignment> byChip = new HashMap<>();
        /** The entries whose stored row goes: cancelled, re-assigned, or whose chip another runner took. */
        final Set<String> changed = new HashSet<>();

        /** The race each loaded chip was worn in. */
        final Map<String, String> raceOfChipAsLoaded = new HashMap<>();

        static Assignments of(Connection connection, List<EntryEvent> entries) throws SQLException {
            Assignments loaded = new Assignments();
            List<String> entryIds = entries.stream().map(EntryEvent::entryId).toList();
            List<String> chips = entries.stream().map(EntryEvent::chip).toList();
            for (ChipAssignment runner : ChipAssignment.ofEntriesOrChips(connection, entryIds, chips)) {
                loaded.byEntry.put(runner.entryId, runner);
                loaded.byChip.put(runner.chip, runner);
                loaded.raceOfChipAsLoaded.put(runner.chip, runner.raceCode);
            }
            return loaded;
        }

        /**
         * The chips now worn in another race, or by nobody: their reads, kept in the archive only while they were
         * a runner's plain passages, may now be before that race's start, or of a chip nobody wears.
         */
        Set<String> chipsLeavingTheirRace() {
            Set<String> chips = new HashSet<>();
            raceOfChipAsLoaded.forEach((chip, race) -> {
                ChipAssignment wearer = byChip.get(chip);
                if (wearer == null || !wearer.raceCode.equals(race)) {
                    chips.add(chip);
                }
            });
            return chips;
        }

        void put(ChipAssignment runner) {
            byEntry.put(runner.entryId, runner);
            byChip.put(runner.chip, runner);
            changed.add(runner.entryId);
        }

        void remove(ChipAssignment runner) {
            byEntry.remove(runner.entryId);
            byChip.remove(runner.chip, runner);
            changed.add(runner.entryId);
        }

        /** Every changed row goes before any comes back, so a chip is free before its new wearer takes it. */
        void save(Connection connection) throws SQLException {
            try (PreparedStatement delete = connection.prepareStatement(DELETE);
                 PreparedStatement insert = connection.prepareStatement(INSERT)) {
                delete.setArray(1, connection.createArrayOf("text", changed.toArray()));
                delete.executeUpdate();
                for (String entryId : changed) {
                    ChipAssignment runner = byEntry.get(entryId);
                    if (runner != null) {
                        insert.setString(1, runner.entryId);
                        insert.setString(2, runner.chip);
                        insert.setString(3, runner.raceCode);
                        insert.setInt(4, runner.bib);
                        insert.setString(5, runner.runnerName);
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
        }
    }

    private void applyEntry(EntryEvent entry, Assignments assignments, Map<String, ChipAssignment> touched,
                            List<Message> publications) {
        ChipAssignment current = assignments.byEntry.get(entry.entryId());
        if (current != null && (entry.type() == EntryEvent.Type.CANCELLED
                || !current.raceCode.equals(entry.raceCode()) || current.bib != entry.bib())) {
            publications.add(Publication.tombstone(current.raceCode, current.bib));
        }
        if (entry.type() == EntryEvent.Type.CANCELLED) {
            if (current != null) {
                assignments.remove(current);
                timings.forget(entry.entryId());
                touched.remove(entry.entryId());
            }
            return;
        }
        // a chip handed from one runner to another: the previous wearer no longer has it
        ChipAssignment previous = assignments.byChip.get(entry.chip());
        if (previous != null && !previous.entryId.equals(entry.entryId())) {
            assignments.remove(previous);
            touched.remove(previous.entryId);
        }
        if (current != null) {
            assignments.remove(current);
        }
        ChipAssignment runner = new ChipAssignment();
        runner.entryId = entry.entryId();
        runner.chip = entry.chip();
        runner.raceCode = entry.raceCode();
        runner.bib = entry.bib();
        runner.runnerName = entry.nameHidden() ? null : String.join(" ", java.util.stream.Stream.of(entry.firstName(),
                entry.lastName()).filter(java.util.Objects::nonNull).toList());
        assignments.put(runner);
        touched.put(runner.entryId, runner);
    }
}
