package fr.pyramidesnoires.e2e;

import fr.pyramidesnoires.events.KafkaAccess;
import fr.pyramidesnoires.events.testing.StackAccounts;
import fr.pyramidesnoires.events.testing.TopicProbe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The three packaged services on the test stack: the sample event's, started once for the end-to-end tests of the
 * run and stopped when the test JVM exits, or another event's for its own test.
 */
final class Platform {

    static final String PG_PORT = System.getenv().getOrDefault("TEST_PG_PORT", "55433");
    static final String KAFKA = "127.0.0.1:" + System.getenv().getOrDefault("TEST_KAFKA_PORT", "59192");
    /** The mats' account: the simulator's reads go to Kafka as a reader's would (the services take theirs from
     * the environment deploy/test.sh sets, as deploy/run.sh hands them over). */
    static final KafkaAccess READER = StackAccounts.as(KafkaAccess.anonymous(KAFKA), "reader");
    static final Path ROOT = Path.of(System.getProperty("platform.root"));
    /** Accounts the race-day simulator uses to play the officials and the volunteers. */
    static final String OFFICIAL = "sim-official:" + java.util.UUID.randomUUID();
    static final String VOLUNTEER = "sim-volunteer:" + java.util.UUID.randomUUID();
    /** The mat agents' device account, for every mat. */
    static final String DEVICE = "sim-mats:" + java.util.UUID.randomUUID();

    private static Platform running;

    final Service registration;
    final Service timing;
    final Service results;
    final TopicProbe kafka;
    private boolean stopped;

    private Platform(Service registration, Service timing, Service results) {
        this.registration = registration;
        this.timing = timing;
        this.results = results;
        this.kafka = new TopicProbe(KafkaAccess.anonymous(KAFKA));
    }

    /**
     * A made-up FFA licence number for a runner the tests register: a number is one active entry's only. Six digits,
     * apart from the seven of registration's own tests and of the simulator, which share this database.
     */
    static String licence() {
        return String.valueOf(java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
    }

    /** The sample event's platform, started again if another event's stopped it. */
    static synchronized Platform get() throws Exception {
        if (running == null) {
            // the sample event's zone for all three, whatever the environment says: EVENT_ZONE is the one name
            // they read it by, and a system property gives it as the environment would
            List<String> stack = stack("EVENT_ZONE=Europe/Paris");
            List<String> registrationSettings = new java.util.ArrayList<>(stack);
            // the simulated runners' e-mails are logged, never sent
            registrationSettings.add("quarkus.mailer.mock=true");
            // the simulated runners all register from this one address: no registrations per address limit
            registrationSettings.add("registration.rate-limit.count=0");
            List<String> timingSettings = new java.util.ArrayList<>(stack);
            // the simulated race day, whenever the tests run: its reads are on the event's days
            timingSettings.add("timing.event-date=2027-03-20");
            timingSettings.add("timing.accounts=" + OFFICIAL + ":official," + VOLUNTEER + ":volunteer:*," + DEVICE
                    + ":device:*");
            // the simulated day is played at once, months from now: its volunteers' times are that far ahead
            timingSettings.add("timing.checkpoint.accept-ahead=P3650D");
            running = start(registrationSettings, timingSettings, stack);
        }
        return running;
    }

    /**
     * Stops the sample event's platform, for a test of another event: their timing services would share the
     * consumer group timing-service on chip-reads (the only one the broker lets timing use) and split its partitions.
     * The next {@link #get()} starts it again.
     */
    static synchronized void stopSample() {
        if (running != null) {
            running.stop();
            running = null;
        }
    }

    /** The shared test stack's database and broker, with the event's own settings. */
    static List<String> stack(String... event) {
        List<String> settings = new java.util.ArrayList<>(List.of("tpn.pg.port=" + PG_PORT,
                "kafka.bootstrap.servers=" + KAFKA));
        settings.addAll(List.of(event));
        return settings;
    }

    /** The three services with these settings (-D each), ready; stopped by {@link #stop()} or when the JVM exits. */
    static Platform start(List<String> registrationSettings, List<String> timingSettings, List<String> resultsSettings)
            throws Exception {
        Service registration = Service.start(ROOT, "registration-service", registrationSettings);
        Service timing = Service.start(ROOT, "timing-service", timingSettings);
        Service results = Service.start(ROOT, "results-web", resultsSettings);
        Platform platform = new Platform(registration, timing, results);
        Runtime.getRuntime().addShutdownHook(new Thread(platform::stop));
        for (Service service : List.of(registration, timing, results)) {
            service.awaitReady(Duration.ofSeconds(90));
        }
        return platform;
    }

    /** Stops the three services; again does nothing. */
    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        kafka.close();
        for (Service service : List.of(results, timing, registration)) {
            try {
                service.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
