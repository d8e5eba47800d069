package fr.pyramidesnoires.matagent;

import fr.pyramidesnoires.matagent.forward.Carrier;
import fr.pyramidesnoires.matagent.forward.Forwarder;
import fr.pyramidesnoires.matagent.forward.GatewayCarrier;
import fr.pyramidesnoires.matagent.forward.KafkaCarrier;
import fr.pyramidesnoires.matagent.forward.Platform;
import fr.pyramidesnoires.matagent.forward.StartList;
import fr.pyramidesnoires.matagent.forward.StatusReport;
import fr.pyramidesnoires.matagent.journal.Journal;
import fr.pyramidesnoires.matagent.reader.MatReader;
import fr.pyramidesnoires.matagent.reader.ReaderTap;
import fr.pyramidesnoires.matagent.status.StatusPage;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The program on a terril's laptop: each reader of the mat to the journal, the journal to the platform, each on
 * a thread of its own, so that a reader keeps being read while the network is down and the backlog goes out
 * once it is back; beside them, the volunteer's page and the reports to the platform's mat board. Stopped by
 * Ctrl-C or a kill; a {@code kill -9} or a power cut loses nothing the journal took.
 */
public final class MatAgent implements Closeable {

    /**
     * One batch is in flight at a time, so the rate follows the gateway's round trip: 2,000 reads (some 500 KB)
     * a batch amortise it, well under the gateway's 10,000 and the forwarder's 1 MiB.
     */
    private static final int BATCH = 2000;
    private static final Logger LOG = Logger.getLogger(MatAgent.class.getName());
    private static final Duration REPORT_EVERY = Duration.ofSeconds(15);
    private static final Duration START_LIST_EVERY = Duration.ofMinutes(5);

    private final AtomicBoolean stopping = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();
    private final Journal journal;
    private final List<MatReader> readers;
    private final Carrier carrier;
    private final Forwarder forwarder;
    private final StatusPage page;
    private final int statusPort;

    private MatAgent(AgentSettings settings, Clock clock) throws IOException {
        journal = Journal.open(settings.journal());
        readers = Readers.of(settings, journal, clock);
        Platform platform = new Platform(settings.platform(), settings.device(), Duration.ofSeconds(10));
        carrier = settings.kafka() == null ? new GatewayCarrier(platform)
                : new KafkaCarrier(settings.kafka(), settings.matId());
        forwarder = new Forwarder(journal, carrier, BATCH, clock);
        StartList startList = new StartList(platform);
        StatusReport report = new StatusReport(platform, settings.matId());
        page = new StatusPage(settings.matId(), this::readerStates, forwarder::delivery, journal::waiting, startList,
                settings.light(), settings.zone(), clock);
        statusPort = page.start(settings.statusPage());
        for (MatReader reader : readers) {
            threads.add(run("reader " + reader.tap().readerId(), () -> reader.runUntil(stopping::get)));
        }
        threads.add(run("forwarder", () -> forwarder.forwardUntil(stopping::get)));
        threads.add(run("reports", () -> reportUntil(startList, report, clock)));
    }

    /** Starts the agent: its readers, its forwarding and the volunteer's page. */
    public static MatAgent start(AgentSettings settings, Clock clock) throws IOException {
        return new MatAgent(settings, clock);
    }

    /** @param args the settings file, if any; the environment adds to it and wins */
    public static void main(String[] args) throws IOException, InterruptedException {
        Map<String, String> given = new HashMap<>();
        if (args.length > 0) {
            Properties file = new Properties();
            try (Reader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
                file.load(in);
            }
            file.stringPropertyNames().forEach(name -> given.put(name, file.getProperty(name)));
        }
        given.putAll(System.getenv());
        AgentSettings settings = AgentSettings.of(given);
        MatAgent agent = start(settings, Clock.systemUTC());
        System.out.printf("[agent] mat %s: %d reader(s), journal %s (%d reads, %d to send), platform %s,"
                        + " volunteer's page on port %d%n", settings.matId(), settings.readers().size(),
                settings.journal().toAbsolutePath(), agent.journal.last(), agent.journal.waiting(),
                settings.platform(), agent.statusPort);
        Runtime.getRuntime().addShutdownHook(new Thread(agent::close));
        for (Thread thread : agent.threads) {
            thread.join();
        }
    }

    public int statusPort() {
        return statusPort;
    }

    public Journal journal() {
        return journal;
    }

    public Forwarder forwarder() {
        return forwarder;
    }

    public List<ReaderTap.State> readerStates() {
        return readers.stream().map(r -> r.tap().state()).toList();
    }

    /** Stops reading and forwarding; what was taken stays in the journal for the next start. */
    @Override
    public void close() {
        stopping.set(true);
        page.stop();
        for (Thread thread : threads) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        carrier.close();
        try {
            journal.close();
        } catch (IOException e) {
            // every append was already made durable: nothing is lost by a journal not closed
        }
    }

    private void reportUntil(StartList startList, StatusReport report, Clock clock) throws InterruptedException {
        Instant fetched = null;
        while (!stopping.get()) {
            Instant now = clock.instant();
            if ((fetched == null || now.isAfter(fetched.plus(START_LIST_EVERY))) && startList.fetch()) {
                fetched = now;
            }
            report.send(readerStates(), journal, forwarder.delivery());
            for (long slept = 0; slept < REPORT_EVERY.toMillis() && !stopping.get(); slept += 200) {
                Thread.sleep(200);
            }
        }
    }

    /** Work that waits, interrupted only when the agent stops. */
    private interface Waiting {
        void run() throws InterruptedException;
    }

    private Thread run(String name, Waiting work) {
        Thread thread = new Thread(() -> {
            while (!stopping.get()) {
                try {
                    work.run();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    // a fault of the code must not end a reader, the forwarding or the reports for the rest of the race
                    LOG.log(Level.SEVERE, name + " failed; started again in a second", e);
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException stop) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }, name);
        thread.start();
        return thread;
    }

}
