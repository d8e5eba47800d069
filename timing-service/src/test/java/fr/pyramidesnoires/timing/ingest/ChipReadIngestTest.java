package fr.pyramidesnoires.timing.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.ChipRead;
import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.EventJson;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.TopicProbe;
import fr.pyramidesnoires.timing.read.RawRead;
import fr.pyramidesnoires.timing.read.ReadArchiveResource;
import fr.pyramidesnoires.timing.read.StoredReads;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChipReadIngestTest {

    static final AtomicInteger BIB = new AtomicInteger(3000 + new Random().nextInt(400));
    static final Duration WAIT = Duration.ofSeconds(30);
    static final OffsetDateTime TEN_AM = OffsetDateTime.parse("2027-03-20T10:00:00+01:00");

    static TopicProbe kafka() {
        return TopicProbe.shared();
    }

    record Runner(String entryId, int bib, String chip) {
    }

    static Runner register() {
        Runner runner = new Runner(UUID.randomUUID().toString(), BIB.incrementAndGet(),
                "CHIP-" + UUID.randomUUID());
        kafka().send(Topics.ENTRIES, runner.entryId(), new EntryEvent(EntryEvent.Type.UPSERTED, runner.entryId(),
                "22K", runner.bib(), runner.chip(), "Jean", "Test", false, EntryEvent.Sex.H, "SE", null, "FRA",
                Instant.now()));
        return runner;
    }

    static List<ChipRead> crossing(String reader, String mat, String chip, OffsetDateTime first, int reads) {
        List<ChipRead> burst = new ArrayList<>();
        for (int i = 0; i < reads; i++) {
            burst.add(new ChipRead(reader, mat, chip, first.plusNanos(i * 250_000_000L), 1, -60 + i, (long) i,
                    ChipRead.Source.MAT));
        }
        return burst;
    }

    static void send(List<ChipRead> reads) {
        reads.forEach(read -> kafka().send(Topics.CHIP_READS, read.chipId(), read));
    }

    static RunnerTiming awaitTiming(Runner runner, java.util.function.Predicate<RunnerTiming> done) {
        return kafka().awaitLast(Topics.RUNNER_TIMINGS, RunnerTiming.class,
                t -> t != null && t.bib() == runner.bib() && "22K".equals(t.raceCode()) && done.test(t), WAIT);
    }

    @Test
    void readsBecomeOnePassagePerMatPublishedForResults() {
        Runner runner = register();
        send(crossing("R-START", "M-9BIS-START", runner.chip(), TEN_AM.plusSeconds(3), 5));
        send(crossing("R-EST", "M-ESTEVELLES", runner.chip(), TEN_AM.plusMinutes(58), 6));

        RunnerTiming timing = awaitTiming(runner, t -> t.passages().size() == 2);

        assertEquals(RunnerTiming.Status.ON_COURSE, timing.status());
        assertEquals("estevelles", timing.passages().get(1).pointId());
        assertEquals(TEN_AM.plusMinutes(58).toInstant(), timing.passages().get(1).time());
        // the start mat keeps the last of its five reads
        assertEquals(TEN_AM.plusSeconds(3).plusNanos(1_000_000_000L).toInstant(), timing.passages().get(0).time());
    }

    @Test
    void shuffledDuplicatedLateReadsGiveTheSamePassagesAsInOrderOnes() {
        Runner inOrder = register();
        Runner shuffled = register();
        OffsetDateTime finish = TEN_AM.plusHours(2).plusMinutes(14).plusNanos(123_000_000);
        List<ChipRead> race = new ArrayList<>();
        race.addAll(crossing("R-START", "M-9BIS-START", "X", TEN_AM.plusSeconds(8), 4));
        race.addAll(crossing("R-EST", "M-ESTEVELLES", "X", TEN_AM.plusMinutes(61), 7));
        race.addAll(crossing("R-FIN", "M-9BIS-FINISH", "X", finish, 9));

        send(race.stream().map(r -> withChip(r, inOrder.chip())).toList());
        List<ChipRead> replayed = new ArrayList<>(race.stream().map(r -> withChip(r, shuffled.chip())).toList());
        replayed.addAll(replayed.subList(3, 12));
        Collections.shuffle(replayed, new Random(7));
        send(replayed);

        // snapshots published along the way may miss reads still to come: the rule is about the last one
        awaitStored(inOrder.chip(), 20);
        awaitStored(shuffled.chip(), 20);
        RunnerTiming expected = awaitLatest(inOrder, t -> t.status() == RunnerTiming.Status.FINISHED);
        RunnerTiming actual = awaitLatest(shuffled, t -> t.passages().equals(expected.passages()));
        assertEquals(3, actual.passages().size());
        assertEquals(finish.toInstant(), actual.passages().get(2).time());
        assertEquals(Duration.between(TEN_AM.plusSeconds(8).plusNanos(750_000_000), finish).toMillis(),
                actual.chipTimeMs());
        assertEquals(expected.chipTimeMs(), actual.chipTimeMs());
        // the replayed duplicates are the same reads to timing, and messages of their own in the archive
        assertEquals(20L, StoredReads.distinct(shuffled.chip()));
        assertEquals(29, StoredReads.archived(shuffled.chip()).size());
    }

    @Test
    void readsOfAChipAssignedLaterArePickedUpWhenItIsAssigned() {
        Runner later = new Runner(UUID.randomUUID().toString(), BIB.incrementAndGet(), "CHIP-" + UUID.randomUUID());
        send(crossing("R-START", "M-9BIS-START", later.chip(), TEN_AM.plusSeconds(1), 3));
        awaitStored(later.chip(), 3);

        kafka().send(Topics.ENTRIES, later.entryId(), new EntryEvent(EntryEvent.Type.UPSERTED, later.entryId(), "22K",
                later.bib(), later.chip(), null, null, true, EntryEvent.Sex.F, "ES", null, "BEL", Instant.now()));

        RunnerTiming timing = awaitTiming(later, t -> t.passages().size() == 1);
        assertEquals("start", timing.passages().get(0).pointId());
    }

    @Test
    void aMalformedReadIsKeptWithItsReasonAndTheNextReadsStillCount() {
        Runner runner = register();
        String garbage = "{\"matId\":\"M-ESTEVELLES\",\"chipId\":\"" + runner.chip() + "\",\"readTime\":\"soon\"}";
        kafka().sendRaw(Topics.CHIP_READS, runner.chip(), garbage);
        kafka().sendRaw(Topics.CHIP_READS, runner.chip(), "\u0000\u0001 not even json " + runner.chip());
        kafka().send(Topics.CHIP_READS, runner.chip(), new ChipRead("R-EST", "M-ESTEVELLES".repeat(20), runner.chip(),
                TEN_AM, 1, -50, 1L, ChipRead.Source.MAT));
        kafka().send(Topics.CHIP_READS, runner.chip(), new ChipRead("R-EST", "M-ESTEVELLES", runner.chip() + "\u0000",
                TEN_AM, 1, -50, 2L, ChipRead.Source.MAT));
        send(crossing("R-START", "M-9BIS-START", runner.chip(), TEN_AM.plusSeconds(4), 2));

        awaitTiming(runner, t -> t.passages().size() == 1);
        List<RawRead> malformed = QuarkusTransaction.requiringNew().call(() ->
                RawRead.<RawRead>list("problem is not null")).stream()
                .filter(r -> new String(r.payload, StandardCharsets.UTF_8).contains(runner.chip()))
                .toList();
        assertEquals(4, malformed.size());
        assertTrue(malformed.stream().anyMatch(r -> r.problem.contains("at most 100 characters")));
        assertTrue(malformed.stream().anyMatch(r -> r.problem.contains("NUL character")));
        assertTrue(malformed.stream().anyMatch(r -> Arrays.equals(r.payload, garbage.getBytes(StandardCharsets.UTF_8))));
        assertTrue(malformed.stream().anyMatch(r -> r.payload[0] == 0), "the NUL byte is kept");
        malformed.forEach(r -> assertNull(r.chipId));
    }

    @Test
    void aCancelledEntryIsRemovedFromResults() {
        Runner runner = register();
        send(crossing("R-START", "M-9BIS-START", runner.chip(), TEN_AM.plusSeconds(2), 2));
        awaitTiming(runner, t -> t.passages().size() == 1);

        kafka().send(Topics.ENTRIES, runner.entryId(), new EntryEvent(EntryEvent.Type.CANCELLED, runner.entryId(),
                "22K", runner.bib(), runner.chip(), null, null, true, EntryEvent.Sex.H, "SE", null, null,
                Instant.now()));

        String key = RunnerTiming.key("22K", runner.bib());
        Instant deadline = Instant.now().plus(WAIT);
        while (kafka().readAll(Topics.RUNNER_TIMINGS).stream().filter(r -> r.key().equals(key))
                .reduce((a, b) -> b).orElseThrow().value() != null) {
            assertTrue(Instant.now().isBefore(deadline), "no tombstone for " + key + " within " + WAIT);
            sleep();
        }
    }

    @Test
    void readsThatChangeNothingPublishNoNewSnapshot() {
        Runner runner = register();
        List<ChipRead> start = crossing("R-START", "M-9BIS-START", runner.chip(), TEN_AM.plusSeconds(5), 3);
        send(start);
        awaitTiming(runner, t -> t.passages().size() == 1);

        // replayed reads, and a read later in a crossing already seen, change nothing
        send(start);
        send(crossing("R-EST", "M-ESTEVELLES", runner.chip(), TEN_AM.plusMinutes(59), 2));
        send(crossing("R-EST", "M-ESTEVELLES", runner.chip(), TEN_AM.plusMinutes(59).plusSeconds(1), 1));
        send(crossing("R-FIN", "M-9BIS-FINISH", runner.chip(), TEN_AM.plusHours(2), 1));
        awaitLatest(runner, t -> t.status() == RunnerTiming.Status.FINISHED);

        List<RunnerTiming> published = kafka().all(Topics.RUNNER_TIMINGS, RunnerTiming.class,
                t -> t.bib() == runner.bib() && "22K".equals(t.raceCode()));
        for (int i = 1; i < published.size(); i++) {
            assertNotEquals(published.get(i - 1), published.get(i), "snapshot " + i + " repeats the one before");
        }
    }

    @Test
    void readsWithTabsNewlinesAndBackslashesAreKeptAsTheyCame() {
        Runner runner = register();
        ChipRead odd = new ChipRead("R\\EST\twith\ttabs\nand lines", "M-ESTEVELLES", runner.chip(),
                TEN_AM.plusMinutes(57), 2, -61, 9L, ChipRead.Source.MAT);
        String broken = "{\"chipId\":\"" + runner.chip() + "\",\t\"matId\":\n\"C:\\\\mats\\\\est\"";
        // one chip, one partition: once the read's passage is out, the broken message before it is stored
        kafka().sendRaw(Topics.CHIP_READS, runner.chip(), broken);
        kafka().send(Topics.CHIP_READS, runner.chip(), odd);

        awaitTiming(runner, t -> t.passages().size() == 1);
        List<ReadArchiveResource.ArchivedRead> kept = StoredReads.archived(runner.chip());
        assertEquals(List.of(EventJson.write(odd)), kept.stream().map(ReadArchiveResource.ArchivedRead::payload).toList());
        assertEquals(odd, EventJson.read(kept.get(0).payload(), ChipRead.class));
        List<RawRead> malformed = QuarkusTransaction.requiringNew().call(() ->
                RawRead.<RawRead>list("problem is not null")).stream()
                .filter(r -> new String(r.payload, StandardCharsets.UTF_8).contains(runner.chip()))
                .toList();
        assertEquals(1, malformed.size());
        assertArrayEquals(broken.getBytes(StandardCharsets.UTF_8), malformed.get(0).payload);
    }

    /** The runner's latest snapshot, once it is what the test expects; fails if it never becomes so. */
    static RunnerTiming awaitLatest(Runner runner, java.util.function.Predicate<RunnerTiming> wanted) {
        Instant deadline = Instant.now().plus(WAIT);
        RunnerTiming latest = null;
        while (Instant.now().isBefore(deadline)) {
            List<RunnerTiming> all = kafka().all(Topics.RUNNER_TIMINGS, RunnerTiming.class,
                    t -> t.bib() == runner.bib() && "22K".equals(t.raceCode()));
            latest = all.isEmpty() ? null : all.get(all.size() - 1);
            if (latest != null && wanted.test(latest)) {
                return latest;
            }
            sleep();
        }
        throw new AssertionError("latest timing of bib " + runner.bib() + " is " + latest);
    }

    @Test
    void swappedChipsTimeTheRunnersWhoNowWearThem() {
        Runner first = register();
        Runner second = register();
        send(crossing("R-START", "M-9BIS-START", first.chip(), TEN_AM.plusSeconds(2), 2));
        awaitTiming(first, t -> t.passages().size() == 1);

        // the registration desk swaps the two chips: each runner now wears the other's
        kafka().send(Topics.ENTRIES, first.entryId(), new EntryEvent(EntryEvent.Type.UPSERTED, first.entryId(), "22K",
                first.bib(), second.chip(), "Jean", "Test", false, EntryEvent.Sex.H, "SE", null, "FRA", Instant.now()));
        kafka().send(Topics.ENTRIES, second.entryId(), new EntryEvent(EntryEvent.Type.UPSERTED, second.entryId(), "22K",
                second.bib(), first.chip(), "Jean", "Test", false, EntryEvent.Sex.H, "SE", null, "FRA", Instant.now()));

        awaitLatest(second, t -> t.passages().size() == 1);
        awaitLatest(first, t -> t.passages().isEmpty());
    }

    static ChipRead withChip(ChipRead read, String chip) {
        return new ChipRead(read.readerId(), read.matId(), chip, read.readTime(), read.antenna(), read.rssi(),
                read.sequence(), read.source());
    }

    static void awaitStored(String chip, long count) {
        Instant deadline = Instant.now().plus(WAIT);
        while (StoredReads.distinct(chip) < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("reads of " + chip + " never stored");
            }
            sleep();
        }
    }

    static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
