package fr.pyramidesnoires.drills;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.KafkaAccess;
import fr.pyramidesnoires.simulator.Simulation;
import fr.pyramidesnoires.simulator.SimulatorMain;
import fr.pyramidesnoires.simulator.TimingClient;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.admin.Admin;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The production cluster of deploy/cluster.sh (three Kafka nodes, PostgreSQL, two registration, two timing, three
 * results-web, nginx in front), started fresh once per test JVM for every drill and stopped when the JVM exits.
 * Everything public goes through nginx over TLS: this JVM trusts the certificate the script made, and nothing else
 * more than it did. Drills break parts of it with {@link #kill}, {@link #stopBroker} and bring them back.
 */
public final class Cluster {

    static final int PORT_BASE = 26100;
    static final Path ROOT = Path.of(System.getProperty("platform.root"));
    static final Path STACK = ROOT.resolve(".stack/drills");
    static final List<String> RACES = List.of("110K", "55K", "35K", "22K");
    /** The accounts the simulator plays the officials and volunteers with, and the organisers'. */
    static final String OFFICIAL = "drill-official:" + UUID.randomUUID();
    static final String VOLUNTEER = "drill-volunteer:" + UUID.randomUUID();
    static final String DEVICE = "drill-mats:" + UUID.randomUUID();
    static final String ORGANISER = "drill-organiser:" + UUID.randomUUID();

    private static Cluster running;

    private final HttpClient http;

    private Cluster(HttpClient http) {
        this.http = http;
    }

    /** The cluster, started on the first call (about a minute and a half on two cores). */
    public static synchronized Cluster get() throws Exception {
        if (running == null) {
            script(Duration.ofMinutes(6), "start", "--fresh");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    script(Duration.ofMinutes(2), "stop");
                } catch (Exception e) {
                    System.err.println("[drills] the cluster did not stop: " + e);
                }
            }));
            SSLContext tls = trustingTheClusterCertificate();
            // the simulator's own clients are built with the default context: they trust nginx too
            SSLContext.setDefault(tls);
            HttpsURLConnection.setDefaultSSLSocketFactory(tls.getSocketFactory());
            running = new Cluster(HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5))
                    .build());
        }
        return running;
    }

    /** nginx's public addresses: one TLS server per service. */
    public String resultsUrl() {
        return "https://127.0.0.1:" + PORT_BASE;
    }

    public String registrationUrl() {
        return "https://127.0.0.1:" + (PORT_BASE + 1);
    }

    public String timingUrl() {
        return "https://127.0.0.1:" + (PORT_BASE + 2);
    }

    /** The cluster's Prometheus, on loopback (plain HTTP: it is not public). */
    static int prometheusPort() {
        return PORT_BASE + 9;
    }

    /** The three Kafka nodes, as clients list them. */
    public String kafkaBootstrap() {
        int first = PORT_BASE + 10;
        return "127.0.0.1:" + first + ",127.0.0.1:" + (first + 2) + ",127.0.0.1:" + (first + 4);
    }

    /** The mats' account (writes chip-reads only), as the simulator uses it. */
    public KafkaAccess reader() {
        return KafkaAccess.fromFile(kafkaBootstrap(), STACK.resolve("secrets/kafka-reader.properties"));
    }

    /** The cluster's Kafka admin: reads every topic and group, for what the drills check. */
    public KafkaAccess admin() {
        return KafkaAccess.fromFile(kafkaBootstrap(), STACK.resolve("secrets/kafka-admin.properties"));
    }

    /** An admin client of the cluster's Kafka; the caller closes it. */
    public Admin kafkaAdmin() {
        Properties settings = new Properties();
        settings.putAll(admin().settings());
        return Admin.create(settings);
    }

    /** kill -9 of one instance (registration-1, timing-2, results-3, kafka-1...). */
    public void kill(String instance) throws Exception {
        script(Duration.ofSeconds(30), "kill", instance);
    }

    /** Starts an instance again and waits until it is ready. */
    public void startInstance(String instance) throws Exception {
        script(Duration.ofMinutes(3), "start-instance", instance);
    }

    /** Stops Kafka node n (1 to 3) as an operator would: it hands its partitions over first. */
    public void stopBroker(int node) throws Exception {
        stack(Duration.ofMinutes(1), "broker-stop", String.valueOf(node));
    }

    public void startBroker(int node) throws Exception {
        stack(Duration.ofMinutes(2), "broker-start", String.valueOf(node));
    }

    /** A seeded field registered through nginx on the sample event, its day planned from a 05:00 first gun. */
    public Simulation prepare(int runners, long seed) throws Exception {
        return SimulatorMain.prepare(registrationUrl(),
                ROOT.resolve("timing-service/src/main/resources/courses-sample.json"), runners, seed,
                Instant.parse("2027-03-20T04:00:00Z"));
    }

    /** The officials and volunteers of the day, through nginx. */
    public TimingClient people() {
        return new TimingClient(timingUrl(), OFFICIAL, VOLUNTEER);
    }

    /** Plays the day: the mats' reads onto the three Kafka nodes, the people's actions through nginx. */
    public void play(Simulation day, double speed) throws Exception {
        SimulatorMain.play(day, reader(), people(), speed);
    }

    /** GET through nginx; {@code user} is user:password for basic authentication, or null. */
    public HttpResponse<String> get(String url, String user) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        if (user != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The end of every drill: each race's ranking, as results shows it through nginx, is the simulator's ground
     * truth, official times within a second (the finish mat's clock is off by some tens of milliseconds), and no
     * true crossing is doubted by timing. nginx spreads the requests over the three replicas, each reading Kafka at
     * its own pace: the race must come out true in three answers in a row (one from each replica) within two
     * minutes.
     */
    public void assertGroundTruth(Simulation day) throws Exception {
        for (String race : RACES) {
            List<Integer> expected = day.expectedRanking(race);
            Map<Integer, Duration> times = day.expectedTimes(race);
            List<String> wrong = List.of("not read yet");
            int trueInARow = 0;
            Instant deadline = Instant.now().plusSeconds(120);
            while (trueInARow < 3 && Instant.now().isBefore(deadline)) {
                wrong = differences(race, expected, times);
                if (wrong.isEmpty()) {
                    trueInARow++;
                } else {
                    trueInARow = 0;
                    Thread.sleep(500);
                }
            }
            assertEquals(List.of(), wrong, "ranking of " + race + " against the ground truth");
            Set<Integer> ours = new HashSet<>(expected);
            HttpResponse<String> doubtful = get(timingUrl() + "/api/races/" + race + "/doubtful-passages", OFFICIAL);
            assertEquals(200, doubtful.statusCode(), doubtful.body());
            assertEquals(List.of(), JsonPath.from(doubtful.body()).getList("bib", Integer.class).stream()
                    .filter(ours::contains).toList(), "doubtful passages of " + race);
        }
    }

    /** What one answer of the race's live ranking shows otherwise than the truth: nothing when it shows it. */
    private List<String> differences(String race, List<Integer> expected, Map<Integer, Duration> times)
            throws IOException, InterruptedException {
        HttpResponse<String> response = get(resultsUrl() + "/api/races/" + race + "/ranking", null);
        if (response.statusCode() != 200) {
            return List.of("HTTP " + response.statusCode());
        }
        List<Map<String, Object>> rows = JsonPath.from(response.body()).getList("$");
        Set<Integer> ours = new HashSet<>(expected);
        List<Integer> ranked = rows.stream().filter(row -> row.get("rank") != null)
                .map(row -> (Integer) row.get("bib")).filter(ours::contains).toList();
        List<String> wrong = new ArrayList<>();
        if (!ranked.equals(expected)) {
            wrong.add("ranked " + ranked + ", truly " + expected);
        }
        for (Map<String, Object> row : rows) {
            Duration truth = times.get((Integer) row.get("bib"));
            String shown = (String) row.get("raceTime");
            if (truth != null && (shown == null || Math.abs(seconds(shown) - truth.toSeconds()) > 1)) {
                wrong.add("bib " + row.get("bib") + " shows " + shown + ", truly " + truth);
            }
        }
        return wrong;
    }

    /** Waits for a condition until the deadline; false if it never held. */
    public static boolean await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(250);
        }
        return condition.getAsBoolean();
    }

    /** "12:03:17" as seconds. */
    private static long seconds(String hms) {
        String[] parts = hms.split(":");
        return Long.parseLong(parts[0]) * 3600 + Long.parseLong(parts[1]) * 60 + Long.parseLong(parts[2]);
    }

    /** The certificate cluster.sh made for nginx. */
    static Certificate certificate() throws Exception {
        try (InputStream pem = Files.newInputStream(STACK.resolve("nginx/tls/cert.pem"))) {
            return CertificateFactory.getInstance("X.509").generateCertificate(pem);
        }
    }

    private static SSLContext trustingTheClusterCertificate() throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry("cluster", certificate());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return tls;
    }

    private static void script(Duration timeout, String... arguments) throws Exception {
        run("deploy/cluster.sh", timeout, arguments);
    }

    private static void stack(Duration timeout, String... arguments) throws Exception {
        run("deploy/stack.sh", timeout, arguments);
    }

    /**
     * Runs a script of the project with the cluster's settings: its ports and folder, the drills' accounts, a race
     * day in March 2027 whose volunteers type times months ahead of today, runners all from this one address.
     */
    private static void run(String script, Duration timeout, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve(script).toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).inheritIO();
        Map<String, String> env = builder.environment();
        env.put("CLUSTER_PORT_BASE", String.valueOf(PORT_BASE));
        env.put("STACK_DIR", STACK.toString());
        // what deploy/cluster.sh gives deploy/stack.sh when it calls it
        env.put("KAFKA_BROKERS", "3");
        env.put("KAFKA_PORT", String.valueOf(PORT_BASE + 10));
        env.put("PG_PORT", String.valueOf(PORT_BASE + 20));
        env.put("PG_STANDBY_PORT", String.valueOf(PORT_BASE + 21));
        env.put("TIMING_ACCOUNTS", OFFICIAL + ":official," + VOLUNTEER + ":volunteer:*," + DEVICE + ":device:*");
        env.put("ORGANISER_ACCOUNTS", ORGANISER);
        env.put("EVENT_ZONE", "Europe/Paris");
        env.put("EVENT_DATE", "2027-03-20");
        env.put("CHECKPOINT_ACCEPT_AHEAD", "P3650D");
        env.put("REGISTRATION_RATE_LIMIT", "0");
        env.put("MAILER_MOCK", "true");
        env.put("PAYMENT_PROVIDER", "none");
        // the test stack's fast, unsafe PostgreSQL is not what the cluster drills
        env.remove("PG_FAST");
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(script + " " + String.join(" ", arguments) + " took over " + timeout);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(script + " " + String.join(" ", arguments) + " failed ("
                    + process.exitValue() + "): see " + STACK.resolve("logs"));
        }
    }
}
