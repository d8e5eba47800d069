package fr.pyramidesnoires.simulator;

import fr.pyramidesnoires.events.EventJson;
import fr.pyramidesnoires.events.KafkaSettings;
import fr.pyramidesnoires.events.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Runs a simulated race day through the real platform: registers the field through registration-service, then
 * plays the mats' reads onto the chip-reads topic on a compressed clock.
 *
 * <pre>
 * --registration URL   registration-service (default http://127.0.0.1:8081)
 * --kafka HOST:PORT    the broker (default 127.0.0.1:59092)
 * --courses FILE       the organiser's courses file (default: the sample event's)
 * --runners N          field size (default 1000)
 * --seed N             one seed, one race day (default 2027)
 * --speed X            time compression: 60 plays an hour a minute; 0 sends everything at once (default 60)
 * </pre>
 */
public final class SimulatorMain {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.of("Europe/Paris"));

    private SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Simulation simulation = prepare(options.getOrDefault("registration", "http://127.0.0.1:8081"),
                Path.of(options.getOrDefault("courses", "timing-service/src/main/resources/courses-sample.json")),
                Integer.parseInt(options.getOrDefault("runners", "1000")),
                Long.parseLong(options.getOrDefault("seed", "2027")),
                // the first gun fires a minute (of race time) after the simulation starts
                Instant.now().plusSeconds(60));
        play(simulation, options.getOrDefault("kafka", "127.0.0.1:59092"),
                Double.parseDouble(options.getOrDefault("speed", "60")));
    }

    /** Registers the field and plans the day; everything the simulator will send is decided here. */
    public static Simulation prepare(String registrationUrl, Path coursesFile, int runners, long seed, Instant firstGun)
            throws Exception {
        Random random = new Random(seed);
        Map<String, SimCourse> courses = SimCourse.load(coursesFile).stream()
                .collect(Collectors.toMap(SimCourse::raceCode, Function.identity()));
        List<SimRunner> field = FieldGenerator.field(List.copyOf(courses.values().stream()
                .sorted(java.util.Comparator.comparing(SimCourse::raceCode)).toList()), runners, random);
        RegistrationClient registration = new RegistrationClient(registrationUrl);
        List<Map.Entry<SimRunner, RegistrationClient.Registered>> registered = new ArrayList<>();
        for (SimRunner runner : field) {
            RegistrationClient.Registered entry = registration.register(runner);
            if (entry != null) {
                registered.add(new AbstractMap.SimpleEntry<>(runner, entry));
            }
        }
        System.out.printf("[sim] %d runners registered (%d refused), seed %d%n", registered.size(),
                field.size() - registered.size(), seed);
        return Simulation.plan(registered, courses, firstGun, random);
    }

    /** Sends the reads as the mats would, on the compressed clock; speed 0 sends them all at once. */
    public static void play(Simulation simulation, String kafka, double speed) throws InterruptedException {
        Instant simStart = simulation.emissions.isEmpty() ? Instant.now() : simulation.emissions.get(0).sendAt();
        long realStart = System.nanoTime();
        long lastProgress = 0;
        int sent = 0;
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(KafkaSettings.producer(kafka, "race-simulator"))) {
            for (Mats.Emission emission : simulation.emissions) {
                if (speed > 0) {
                    long dueNanos = (long) (Duration.between(simStart, emission.sendAt()).toNanos() / speed);
                    long wait = dueNanos - (System.nanoTime() - realStart);
                    if (wait > 0) {
                        producer.flush();
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
                producer.send(new ProducerRecord<>(Topics.CHIP_READS, emission.read().chipId(),
                        EventJson.write(emission.read())));
                sent++;
                if (System.nanoTime() - lastProgress > 5_000_000_000L) {
                    lastProgress = System.nanoTime();
                    System.out.printf("[sim] race clock %s | %d / %d reads sent%n", CLOCK.format(emission.sendAt()),
                            sent, simulation.emissions.size());
                }
            }
            producer.flush();
        }
        System.out.printf("[sim] done: %d reads sent, %d passages expected, %d reads of unknown chips; "
                        + "mat %s was offline %s-%s and replayed its buffer late%n", sent, simulation.expectedPassages,
                simulation.unknownChipReads, simulation.outageMat, CLOCK.format(simulation.outageFrom),
                CLOCK.format(simulation.outageTo));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
