package fr.pyramidesnoires.simulator;

import fr.pyramidesnoires.events.KafkaAccess;
import java.io.IOException;
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
import java.util.stream.Stream;

/**
 * Runs a simulated race day through the real platform: registers the field through registration-service, then
 * plays the mats' reads onto the chip-reads topic on a compressed clock.
 *
 * <pre>
 * --registration URL   registration-service (default http://127.0.0.1:8081)
 * --pay-emulated URL   the payment emulator registration pays through (deploy/run.sh gives it): a runner whose
 *                      place is held for a fee pays on its page, as a runner presses Pay. Without it, or for a page
 *                      elsewhere (a real provider's), the simulator stops at the first held place: it pays nothing real
 * --timing URL         timing-service (default http://127.0.0.1:8082)
 * --official U:P       a timing account with the official role: start signals, DNF and DNS
 * --volunteer U:P      a timing account with the volunteer role: bibs typed where a mat missed a runner
 *                      (without these two, only the mats play)
 * --kafka HOST:PORT    the broker (default 127.0.0.1:59092)
 * --kafka-config FILE  how to sign in there: a Kafka client properties file (security.protocol, sasl.mechanism,
 *                      sasl.jaas.config, ssl.*) of an account that may write chip-reads; deploy/stack.sh writes the
 *                      reader account's to STACK_DIR/secrets/kafka-reader.properties
 * --courses FILE       the organiser's courses file (default: the sample event's)
 * --runners N          field size (default 1000)
 * --seed N             one seed, one race day (default 2027)
 * --speed X            time compression: 60 plays an hour a minute; 0 sends everything at once (default 60)
 * --agents U:P         the terrils' real path instead of Kafka: each mat an emulated reader (line, RaceResult,
 *                      ChronoTrack or LLRP in turn) read by its own mat agent, which forwards to timing's device
 *                      gateway as this device account (scope *); the outage mat's agent loses its network
 * --agent-pages PORT   the first agent's volunteer page port, the others above it (default 8090)
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
                Instant.now().plusSeconds(60),
                options.containsKey("pay-emulated") ? java.net.URI.create(options.get("pay-emulated")) : null);
        TimingClient people = options.containsKey("official") && options.containsKey("volunteer")
                ? new TimingClient(options.getOrDefault("timing", "http://127.0.0.1:8082"), options.get("official"),
                        options.get("volunteer"))
                : null;
        String broker = options.getOrDefault("kafka", "127.0.0.1:59092");
        KafkaAccess kafka = options.containsKey("kafka-config")
                ? KafkaAccess.fromFile(broker, Path.of(options.get("kafka-config")))
                : KafkaAccess.anonymous(broker);
        double speed = Double.parseDouble(options.getOrDefault("speed", "60"));
        if (options.containsKey("agents")) {
            try (AgentOutlet agents = new AgentOutlet(java.net.URI.create(options.getOrDefault("timing",
                    "http://127.0.0.1:8082")), options.get("agents"), simulation,
                    Integer.parseInt(options.getOrDefault("agent-pages", "8090")))) {
                agents.pages().forEach((mat, page) -> System.out.printf("[sim] mat %s: %s%n", mat, page));
                play(simulation, agents, people, speed);
            }
        } else {
            play(simulation, kafka, people, speed);
        }
    }

    /** Registers the field on a platform that takes no payments, and plans the day. */
    public static Simulation prepare(String registrationUrl, Path coursesFile, int runners, long seed, Instant firstGun)
            throws Exception {
        return prepare(registrationUrl, coursesFile, runners, seed, firstGun, null);
    }

    /**
     * Registers the field and plans the day; everything the simulator will send is decided here.
     *
     * @param payEmulated the payment emulator whose pages the runners pay their held places on; null: none
     */
    public static Simulation prepare(String registrationUrl, Path coursesFile, int runners, long seed, Instant firstGun,
                                     java.net.URI payEmulated) throws Exception {
        Random random = new Random(seed);
        Map<String, SimCourse> courses = SimCourse.load(coursesFile).stream()
                .collect(Collectors.toMap(SimCourse::raceCode, Function.identity()));
        List<SimRunner> field = FieldGenerator.field(List.copyOf(courses.values().stream()
                .sorted(java.util.Comparator.comparing(SimCourse::raceCode)).toList()), runners, random);
        RegistrationClient registration = new RegistrationClient(registrationUrl, payEmulated);
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

    /** Plays the day with the mats' reads written straight onto Kafka. */
    public static void play(Simulation simulation, KafkaAccess kafka, TimingClient people, double speed)
            throws IOException, InterruptedException {
        try (Outlet outlet = new KafkaOutlet(kafka)) {
            play(simulation, outlet, people, speed);
        }
    }

    /**
     * Plays the day on the compressed clock: the mats' reads into the outlet, the officials' and volunteers'
     * actions through timing's API (when {@code people} is given). Speed 0 plays everything at once.
     */
    public static void play(Simulation simulation, Outlet outlet, TimingClient people, double speed)
            throws IOException, InterruptedException {
        List<Mats.Emission> reads = outlet.schedule(simulation);
        List<OfficeAction> actions = people == null ? List.of() : simulation.actions;
        Instant simStart = Stream.concat(reads.stream().map(Mats.Emission::sendAt), actions.stream().map(OfficeAction::at))
                .min(Instant::compareTo).orElse(Instant.now());
        long realStart = System.nanoTime();
        long lastProgress = 0;
        int sent = 0;
        int performed = 0;
        int refused = 0;
        int r = 0;
        int a = 0;
        while (r < reads.size() || a < actions.size()) {
            boolean readNext = a >= actions.size()
                    || (r < reads.size() && !reads.get(r).sendAt().isAfter(actions.get(a).at()));
            Instant due = readNext ? reads.get(r).sendAt() : actions.get(a).at();
            if (speed > 0) {
                long wait = (long) (Duration.between(simStart, due).toNanos() / speed) - (System.nanoTime() - realStart);
                if (wait > 0) {
                    outlet.flush();
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            outlet.raceClock(due);
            if (readNext) {
                outlet.send(reads.get(r++).read());
                sent++;
            } else {
                // a decision about a runner must not overtake the reads that came before it
                outlet.flush();
                if (people.perform(actions.get(a++))) {
                    performed++;
                } else {
                    refused++;
                }
            }
            if (System.nanoTime() - lastProgress > 5_000_000_000L) {
                lastProgress = System.nanoTime();
                System.out.printf("[sim] race clock %s | %d / %d reads sent, %d / %d actions%n", CLOCK.format(due),
                        sent, reads.size(), performed + refused, actions.size());
            }
        }
        outlet.flush();
        System.out.printf("[sim] done: %d reads sent, %d passages expected, %d reads of unknown chips; "
                        + "mat %s was offline %s-%s; %d officials' and volunteers' actions (%d refused)%s%n", sent,
                simulation.expectedPassages, simulation.unknownChipReads, simulation.outageMat,
                CLOCK.format(simulation.outageFrom), CLOCK.format(simulation.outageTo), performed, refused,
                outlet.summary());
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
