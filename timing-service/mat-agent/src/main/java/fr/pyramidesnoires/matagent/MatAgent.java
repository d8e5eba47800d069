package fr.pyramidesnoires.matagent;

import fr.pyramidesnoires.matagent.forward.Forwarder;
import fr.pyramidesnoires.matagent.journal.Journal;
import fr.pyramidesnoires.matagent.reader.MatReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The program on a terril's laptop: each reader of the mat to the journal, the journal to the platform, each on
 * a thread of its own, so that a reader keeps being read while the network is down and the backlog goes out
 * once it is back. Stopped by Ctrl-C or a kill; a {@code kill -9} or a power cut loses nothing the journal took.
 */
public final class MatAgent {

    private MatAgent() {
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

        AtomicBoolean stopping = new AtomicBoolean();
        Journal journal = Journal.open(settings.journal());
        List<Thread> threads = new ArrayList<>();
        List<MatReader> readers = Readers.of(settings, journal, Clock.systemUTC());
        for (MatReader reader : readers) {
            threads.add(start("reader " + reader.tap().readerId(), () -> reader.runUntil(stopping::get)));
        }
        Forwarder forwarder = new Forwarder(journal, settings.platform(), settings.device(), 500,
                Duration.ofSeconds(10), Clock.systemUTC());
        threads.add(start("forwarder", () -> forwarder.forwardUntil(stopping::get)));
        System.out.printf("[agent] mat %s: %d reader(s), journal %s (%d reads, %d to send), platform %s%n",
                settings.matId(), settings.readers().size(), settings.journal().toAbsolutePath(), journal.last(),
                journal.waiting(), settings.platform());

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            for (Thread thread : threads) {
                try {
                    thread.join(5000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            try {
                journal.close();
            } catch (IOException e) {
                // every append was already made durable: nothing is lost by a journal not closed
            }
        }));
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /** Work that waits, interrupted only when the agent stops. */
    private interface Waiting {
        void run() throws InterruptedException;
    }

    private static Thread start(String name, Waiting work) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        thread.start();
        return thread;
    }
}
