import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pyramidesnoires.events.ChipRead;
import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.EventJson;
import fr.pyramidesnoires.events.KafkaAccess;
import fr.pyramidesnoires.events.KafkaSettings;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.simulator.SimulatorMain;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The cluster benchmark's measures against a running deploy/cluster.sh cluster (CLUSTER_PORT_BASE, STACK_DIR):
 * a field registered through nginx, then
 * <ol>
 * <li>read to live event: mats' reads at LOAD_RATE a second on the 110, 55 and 35 km while probe reads, one at a
 * time, go to 22 km runners, whom nothing else touches; each probe's time is from its send to the "race changed"
 * event on three spectators' streams of the 22 km through nginx (https). Probes are spaced beyond the live feed's
 * 200 ms quiet window, so each one is told at once and alone. Once steady, once while Kafka node 2 is stopped and
 * started again;</li>
 * <li>takeover: under the same load, kill -9 of timing-1 with a probe read sent on every partition of chip-reads at
 * that moment; the time until each probe's runner timing is on runner-timings.</li>
 * </ol>
 * Each result is a line "measure TAB value" appended to the file named by the first argument.
 * Usage: java -cp CLASSPATH ClusterBench.java SUMMARY_FILE
 */
public class ClusterBench {

    static final int LOAD_RATE = Integer.parseInt(System.getenv().getOrDefault("BENCH_READS_PER_SECOND", "1000"));
    static final int RUNNERS = Integer.parseInt(System.getenv().getOrDefault("BENCH_RUNNERS", "400"));
    static final String PROBE_RACE = "22K";
    static final int SPECTATORS = 3;
    /** Beyond LiveUpdates' quiet window (200 ms): the next probe's change is told at once. */
    static final long PROBE_GAP_MS = 400;
    /** The event day's morning: inside timing's read window (EVENT_DATE 2027-03-20). */
    static final Instant READ_CLOCK = Instant.parse("2027-03-20T05:00:00Z");

    static final int BASE = Integer.parseInt(System.getenv().getOrDefault("CLUSTER_PORT_BASE", "27400"));
    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path STACK = Path.of(System.getenv("STACK_DIR"));
    static final String BOOTSTRAP = "127.0.0.1:" + (BASE + 10) + ",127.0.0.1:" + (BASE + 12) + ",127.0.0.1:"
            + (BASE + 14);

    record Runner(String race, int bib, String chip) {
    }

    static Path summary;
    static final AtomicLong readClock = new AtomicLong();
    static final AtomicLong sequence = new AtomicLong();
    static Map<String, List<String>> matsByRace;

    public static void main(String[] args) throws Exception {
        summary = Path.of(args[0]);
        // the JVM trusts the cluster's certificate (javax.net.ssl.trustStore, made by the script): so does the simulator
        SSLContext tls = SSLContext.getDefault();
        matsByRace = mats(ROOT.resolve("timing-service/src/main/resources/courses-sample.json"));
        KafkaAccess reader = KafkaAccess.fromFile(BOOTSTRAP, STACK.resolve("secrets/kafka-reader.properties"));
        KafkaAccess admin = KafkaAccess.fromFile(BOOTSTRAP, STACK.resolve("secrets/kafka-admin.properties"));

        var day = SimulatorMain.prepare("https://127.0.0.1:" + (BASE + 1),
                ROOT.resolve("timing-service/src/main/resources/courses-sample.json"), RUNNERS, 2027,
                Instant.parse("2027-03-20T04:00:00Z"));
        List<Runner> field = field(admin, day.registeredRunners());
        HttpClient http = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        fireGuns(http);
        List<Runner> probes = field.stream().filter(r -> r.race().equals(PROBE_RACE)).toList();
        List<Runner> loaded = field.stream().filter(r -> !r.race().equals(PROBE_RACE)).toList();
        log("%d runners: %d on the %s for the probes, %d under load", field.size(), probes.size(), PROBE_RACE,
                loaded.size());

        try (KafkaProducer<String, String> mats = new KafkaProducer<>(KafkaSettings.producer(reader, "bench-mats"));
             KafkaProducer<String, String> probeMat = new KafkaProducer<>(KafkaSettings.producer(reader, "bench-probe"));
             RunnerTimings timings = new RunnerTimings(admin)) {
            warmUp(mats, field, timings);
            List<Spectator> spectators = new ArrayList<>();
            for (int i = 0; i < SPECTATORS; i++) {
                spectators.add(new Spectator(http, "https://127.0.0.1:" + BASE + "/races/" + PROBE_RACE + "/live"));
            }
            Thread.sleep(1000);

            try (Load load = new Load(mats, loaded)) {
                Latencies steady = probeFor(probeMat, probes, spectators, Duration.ofSeconds(30), () -> { });
                record("read -> live event, steady: p50 / p99 / max (ms)", steady.describe());
                record("  load reached (reads/s)", String.valueOf(load.rate()));
                Latencies brokerDown = probeFor(probeMat, probes, spectators, Duration.ofSeconds(15),
                        ClusterBench::stopAndStartBroker);
                record("read -> live event, kafka-2 stopped+started: p50 / p99 / max (ms)", brokerDown.describe());
                record("  load reached (reads/s)", String.valueOf(load.rate()));
                takeover(probeMat, probes, timings);
                record("  load reached (reads/s)", String.valueOf(load.rate()));
            }
            spectators.forEach(Spectator::close);
        }
        System.exit(0);
    }

    // ------------------------------------------------------------------ 1. read -> live event

    /** Probes one at a time while {@code during} runs (in this thread), then for {@code after} more. */
    static Latencies probeFor(KafkaProducer<String, String> probeMat, List<Runner> probes, List<Spectator> spectators,
                              Duration after, Runnable during) throws Exception {
        Latencies latencies = new Latencies();
        AtomicBoolean done = new AtomicBoolean();
        Thread prober = new Thread(() -> {
            int k = 0;
            try {
                while (!done.get()) {
                    spectators.forEach(s -> s.events.clear());
                    Runner runner = probes.get(k++ % probes.size());
                    long sent = System.nanoTime();
                    probeMat.send(new ProducerRecord<>(Topics.CHIP_READS, runner.chip(), read(runner)));
                    for (Spectator spectator : spectators) {
                        Long arrived = spectator.events.poll(Math.max(1, 20_000 - (System.nanoTime() - sent) / 1_000_000),
                                TimeUnit.MILLISECONDS);
                        latencies.add(arrived == null ? null : (arrived - sent) / 1_000_000);
                    }
                    Thread.sleep(PROBE_GAP_MS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "probe");
        prober.start();
        during.run();
        Thread.sleep(after.toMillis());
        done.set(true);
        prober.join();
        return latencies;
    }

    static void stopAndStartBroker() {
        try {
            Thread.sleep(5000);
            long stop = System.nanoTime();
            script("deploy/stack.sh", "broker-stop", "2");
            log("kafka-2 stopped in %d ms", (System.nanoTime() - stop) / 1_000_000);
            Thread.sleep(10_000);
            long start = System.nanoTime();
            script("deploy/stack.sh", "broker-start", "2");
            log("kafka-2 back in %d ms", (System.nanoTime() - start) / 1_000_000);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** One spectator's live stream through nginx: when each event arrived. */
    static final class Spectator {
        final BlockingQueue<Long> events = new LinkedBlockingQueue<>();
        private final Thread reading;

        Spectator(HttpClient http, String url) {
            reading = new Thread(() -> {
                try {
                    HttpResponse<java.util.stream.Stream<String>> response = http.send(HttpRequest.newBuilder(URI.create(url))
                            .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
                    response.body().forEach(line -> {
                        if (line.startsWith("data:")) {
                            events.add(System.nanoTime());
                        }
                    });
                } catch (Exception e) {
                    if (!Thread.currentThread().isInterrupted()) {
                        log("a live stream ended: %s", e);
                    }
                }
            }, "spectator");
            reading.setDaemon(true);
            reading.start();
        }

        void close() {
            reading.interrupt();
        }
    }

    // ------------------------------------------------------------------ 2. takeover

    static void takeover(KafkaProducer<String, String> probeMat, List<Runner> probes, RunnerTimings timings)
            throws Exception {
        Map<String, Set<Integer>> before = assignment();
        timings.skipToEnd();
        Map<Integer, Runner> probeOf = new TreeMap<>();
        for (int p = 0; p < 6; p++) {
            probeOf.put(p, probes.get(p % probes.size()));
        }
        Thread.sleep(5000);
        long killed = System.nanoTime();
        script("deploy/cluster.sh", "kill", "timing-1");
        for (Map.Entry<Integer, Runner> probe : probeOf.entrySet()) {
            probeMat.send(new ProducerRecord<>(Topics.CHIP_READS, probe.getKey(), probe.getValue().chip(),
                    read(probe.getValue())));
        }
        probeMat.flush();
        Map<Integer, Long> back = new TreeMap<>();
        Set<String> awaited = probeOf.values().stream().map(r -> RunnerTiming.key(r.race(), r.bib())).collect(Collectors.toSet());
        Map<String, Long> seen = timings.awaitKeys(awaited, Duration.ofSeconds(90));
        probeOf.forEach((p, r) -> back.put(p, seen.containsKey(RunnerTiming.key(r.race(), r.bib()))
                ? (seen.get(RunnerTiming.key(r.race(), r.bib())) - killed) / 1_000_000 : null));
        Map<String, Set<Integer>> after = assignment();
        Set<Integer> orphaned = new HashSet<>();
        before.forEach((member, partitions) -> {
            if (!after.containsKey(member)) {
                orphaned.addAll(partitions);
            }
        });
        log("timing group before %s, after %s; reads published again, ms after the kill, by partition: %s", before,
                after, back);
        String ofKilled = orphaned.isEmpty() ? "?" : orphaned.stream().sorted().map(p -> p + ": "
                + (back.get(p) == null ? "never" : back.get(p) + " ms")).collect(Collectors.joining(", "));
        String ofSurvivor = back.entrySet().stream().filter(e -> !orphaned.contains(e.getKey()))
                .map(e -> e.getKey() + ": " + (e.getValue() == null ? "never" : e.getValue() + " ms"))
                .collect(Collectors.joining(", "));
        record("timing-1 kill -9 -> its partitions' reads published (partition: ms)", ofKilled);
        record("  the survivor's partitions meanwhile (partition: ms)", ofSurvivor);
    }

    /** chip-reads partitions by member of the timing-service group. */
    static Map<String, Set<Integer>> assignment() throws Exception {
        Properties settings = new Properties();
        settings.putAll(KafkaAccess.fromFile(BOOTSTRAP, STACK.resolve("secrets/kafka-admin.properties")).settings());
        try (Admin kafka = Admin.create(settings)) {
            Map<String, Set<Integer>> held = new TreeMap<>();
            for (MemberDescription member : kafka.describeConsumerGroups(List.of("timing-service")).all()
                    .get(10, TimeUnit.SECONDS).get("timing-service").members()) {
                held.put(member.consumerId(), member.assignment().topicPartitions().stream()
                        .filter(p -> p.topic().equals(Topics.CHIP_READS)).map(TopicPartition::partition)
                        .collect(Collectors.toCollection(java.util.TreeSet::new)));
            }
            return held;
        }
    }

    // ------------------------------------------------------------------ the field and its reads

    /** The registered runners and their chips, as registration published them on entries. */
    static List<Runner> field(KafkaAccess admin, int registered) {
        Map<String, Runner> byEntry = new HashMap<>();
        try (KafkaConsumer<String, String> entries = new KafkaConsumer<>(KafkaSettings.consumer(admin, null, 500))) {
            List<TopicPartition> partitions = entries.partitionsFor(Topics.ENTRIES).stream()
                    .map(p -> new TopicPartition(Topics.ENTRIES, p.partition())).toList();
            entries.assign(partitions);
            entries.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (byEntry.size() < registered && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> m : entries.poll(Duration.ofMillis(500))) {
                    EntryEvent entry = m.value() == null ? null : EventJson.read(m.value(), EntryEvent.class);
                    if (entry != null && entry.type() == EntryEvent.Type.UPSERTED && entry.chip() != null) {
                        byEntry.put(entry.entryId(), new Runner(entry.raceCode(), entry.bib(), entry.chip()));
                    }
                }
            }
        }
        List<Runner> field = new ArrayList<>(byEntry.values());
        field.sort(java.util.Comparator.comparing(Runner::race).thenComparing(Runner::bib));
        return field;
    }

    /**
     * A read of every runner, until each one's timing is on runner-timings: timing knows every chip, and the code
     * of every step has run before anything is measured.
     */
    static void warmUp(KafkaProducer<String, String> mats, List<Runner> field, RunnerTimings timings)
            throws Exception {
        long from = System.nanoTime();
        timings.skipToEnd();
        for (int round = 0; round < 3; round++) {
            for (Runner runner : field) {
                mats.send(new ProducerRecord<>(Topics.CHIP_READS, runner.chip(), read(runner)));
            }
            mats.flush();
            Set<String> keys = field.stream().map(r -> RunnerTiming.key(r.race(), r.bib())).collect(Collectors.toSet());
            Map<String, Long> seen = timings.awaitKeys(keys, Duration.ofSeconds(120));
            if (seen.size() < keys.size()) {
                throw new IllegalStateException("timing published " + seen.size() + " of " + keys.size()
                        + " runners after the warm-up reads");
            }
        }
        log("warm-up: every runner timed, %d ms", (System.nanoTime() - from) / 1_000_000);
    }

    /**
     * The official starts every race an hour before the reads' clock: the mats' reads are then of runners on
     * course, not reads before any gun that timing sets aside for an official to look at.
     */
    static void fireGuns(HttpClient http) throws Exception {
        String official = "Basic " + java.util.Base64.getEncoder().encodeToString(System.getenv("BENCH_OFFICIAL")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (String race : matsByRace.keySet()) {
            HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + (BASE + 2)
                            + "/api/races/" + race + "/gun-start")).header("Authorization", official)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"time\": \"" + READ_CLOCK.minusSeconds(3600)
                            + "\", \"reason\": \"benchmark start\"}")).build(), HttpResponse.BodyHandlers.ofString());
            if (started.statusCode() / 100 != 2) {
                throw new IllegalStateException("gun start of " + race + ": " + started.statusCode() + " "
                        + started.body());
            }
        }
    }

    /** A mat's read of the runner at one of their course's mats; reader clocks and sequences always move on. */
    static String read(Runner runner) {
        List<String> mats = matsByRace.get(runner.race());
        long n = sequence.incrementAndGet();
        String mat = mats.get((int) (n % mats.size()));
        OffsetDateTime at = READ_CLOCK.plusMillis(readClock.addAndGet(10)).atOffset(ZoneOffset.ofHours(1));
        return EventJson.write(new ChipRead("R-" + mat, mat, runner.chip(), at, 1, -60, n, ChipRead.Source.MAT));
    }

    static Map<String, List<String>> mats(Path courses) throws Exception {
        Map<String, List<String>> mats = new HashMap<>();
        for (JsonNode course : new ObjectMapper().readTree(courses.toFile())) {
            List<String> ids = new ArrayList<>();
            course.get("points").forEach(p -> ids.add(p.get("matId").asText()));
            mats.put(course.get("raceCode").asText(), ids);
        }
        return mats;
    }

    /** The mats of the loaded races at a steady rate: a runner's crossing gives five reads, as a mat reads a chip. */
    static final class Load implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong sent = new AtomicLong();
        private final Thread sending;
        private long lastCount;
        private long lastAt = System.nanoTime();

        Load(KafkaProducer<String, String> mats, List<Runner> runners) {
            sending = new Thread(() -> {
                long start = System.nanoTime();
                long n = 0;
                while (running.get()) {
                    long due = start + n * 1_000_000_000L / LOAD_RATE;
                    long wait = due - System.nanoTime();
                    if (wait > 1_000_000) {
                        try {
                            Thread.sleep(wait / 1_000_000);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    Runner runner = runners.get((int) ((n / 5) % runners.size()));
                    mats.send(new ProducerRecord<>(Topics.CHIP_READS, runner.chip(), read(runner)));
                    sent.incrementAndGet();
                    n++;
                }
            }, "load");
            sending.start();
        }

        /** Reads sent a second since the last call. */
        long rate() {
            long now = System.nanoTime();
            long count = sent.get();
            long rate = (count - lastCount) * 1_000_000_000L / Math.max(1, now - lastAt);
            lastCount = count;
            lastAt = now;
            return rate;
        }

        @Override
        public void close() {
            running.set(false);
            try {
                sending.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** runner-timings as results-web reads it: when each runner's timing came, from a moment on. */
    static final class RunnerTimings implements AutoCloseable {
        private final KafkaConsumer<String, String> consumer;

        RunnerTimings(KafkaAccess admin) {
            consumer = new KafkaConsumer<>(KafkaSettings.consumer(admin, null, 2000));
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.RUNNER_TIMINGS).stream()
                    .map(p -> new TopicPartition(Topics.RUNNER_TIMINGS, p.partition())).toList();
            consumer.assign(partitions);
        }

        void skipToEnd() {
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position);
        }

        /** @return when each awaited key first came (System.nanoTime), for those that came before the timeout */
        Map<String, Long> awaitKeys(Set<String> keys, Duration timeout) {
            Map<String, Long> seen = new HashMap<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (seen.size() < keys.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> m : consumer.poll(Duration.ofMillis(50))) {
                    if (keys.contains(m.key())) {
                        seen.putIfAbsent(m.key(), System.nanoTime());
                    }
                }
            }
            return seen;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    /** Milliseconds, null for a probe whose event never came. */
    static final class Latencies {
        private final List<Long> arrived = Collections.synchronizedList(new ArrayList<>());
        private final AtomicLong lost = new AtomicLong();

        void add(Long ms) {
            if (ms == null) {
                lost.incrementAndGet();
            } else {
                arrived.add(ms);
            }
        }

        String describe() {
            List<Long> sorted = new ArrayList<>(arrived);
            Collections.sort(sorted);
            if (sorted.isEmpty()) {
                return "no event (" + lost.get() + " lost)";
            }
            return percentile(sorted, 0.50) + " / " + percentile(sorted, 0.99) + " / " + sorted.get(sorted.size() - 1)
                    + "  (" + sorted.size() + " events, " + lost.get() + " missing after 20 s)";
        }

        static long percentile(List<Long> sorted, double p) {
            return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
        }
    }

    // ------------------------------------------------------------------ plumbing

    static void record(String measure, String value) throws Exception {
        log("%s: %s", measure, value);
        Files.writeString(summary, measure + "\t" + value + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    static void script(String script, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve(script).toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    static void log(String format, Object... values) {
        System.out.printf("[bench] " + format + "%n", values);
    }
}
