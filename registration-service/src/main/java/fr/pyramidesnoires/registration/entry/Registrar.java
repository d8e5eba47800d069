package fr.pyramidesnoires.registration.entry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Decides the entries into each race in arrival order and in batches. Entries into one race must be decided under
 * its row lock, held until the commit; one request at a time, a race would take no more entries per second than
 * the database has commits in a row. So each race has one decider that takes every request waiting when it is
 * free, decides them together under the lock and commits once, then gives each request its own answer.
 */
@ApplicationScoped
public class Registrar {

    private static final Logger LOG = Logger.getLogger(Registrar.class);
    /** Bounds a batch's transaction, and the answers it holds back until it commits. */
    private static final int MOST_PER_BATCH = 256;

    final Registrations registrations;
    final MeterRegistry metrics;
    private final Map<String, Line> lines = new ConcurrentHashMap<>();
    private final ExecutorService deciders = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "registrar");
        thread.setDaemon(true);
        return thread;
    });

    Registrar(Registrations registrations, MeterRegistry metrics) {
        this.registrations = registrations;
        this.metrics = metrics;
    }

    /**
     * Registers the runner, answering once their entry is committed or refused; counted for the race-day dashboard,
     * refusals by the rule the runner broke.
     */
    public EntryConfirmation register(RegistrationRequest request) {
        try {
            EntryConfirmation confirmation = decide(request);
            Counter.builder("registration.entries.accepted").description("Entries taken, on a place or the waiting list")
                    .tag("race", request.raceCode()).register(metrics).increment();
            return confirmation;
        } catch (EntryRefused refused) {
            Counter.builder("registration.entries.refused").description("Entries refused, by the rule they broke")
                    .tag("rule", refused.rule()).register(metrics).increment();
            throw refused;
        }
    }

    private EntryConfirmation decide(RegistrationRequest request) {
        // what needs no lock is refused here, so that only the race's own requests wait for it
        registrations.precheck(request);
        Waiting waiting = new Waiting(request, new CompletableFuture<>());
        lines.computeIfAbsent(request.raceCode(), Line::new).add(waiting);
        try {
            return waiting.answer().join().confirmationOrThrow();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    @PreDestroy
    void stop() {
        deciders.shutdown();
    }

    private record Waiting(RegistrationRequest request, CompletableFuture<Decision> answer) {
    }

    /** The requests waiting for one race, and whether a decider is on them. */
    private final class Line {

        final String raceCode;
        final Queue<Waiting> queue = new ConcurrentLinkedQueue<>();
        final AtomicBoolean deciding = new AtomicBoolean();

        Line(String raceCode) {
            this.raceCode = raceCode;
        }

        void add(Waiting waiting) {
            queue.add(waiting);
            if (deciding.compareAndSet(false, true)) {
                deciders.execute(this::decideAll);
            }
        }

        /** Until the line is empty; a request queued as the decider stops finds it stopped and starts another. */
        void decideAll() {
            do {
                for (List<Waiting> batch = next(); !batch.isEmpty(); batch = next()) {
                    decide(batch);
                }
                deciding.set(false);
            } while (!queue.isEmpty() && deciding.compareAndSet(false, true));
        }

        List<Waiting> next() {
            List<Waiting> batch = new ArrayList<>();
            for (Waiting waiting; batch.size() < MOST_PER_BATCH && (waiting = queue.poll()) != null; ) {
                batch.add(waiting);
            }
            return batch;
        }

        void decide(List<Waiting> batch) {
            try {
                List<Decision> decisions = decideInOneTransaction(batch.stream().map(Waiting::request).toList());
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).answer().complete(decisions.get(i));
                }
            } catch (RuntimeException e) {
                // one by one, so that whatever failed the batch fails only the request it belongs to
                LOG.warnf(e, "A batch of %d entries into %s failed: deciding them one by one", batch.size(), raceCode);
                batch.forEach(this::decideAlone);
            } finally {
                batch.forEach(waiting -> waiting.answer().completeExceptionally(
                        new IllegalStateException("The entry into " + raceCode + " was not decided")));
            }
        }

        void decideAlone(Waiting waiting) {
            try {
                waiting.answer().complete(decideInOneTransaction(List.of(waiting.request())).get(0));
            } catch (RuntimeException e) {
                waiting.answer().completeExceptionally(e);
            }
        }

        List<Decision> decideInOneTransaction(List<RegistrationRequest> requests) {
            return QuarkusTransaction.requiringNew().call(() -> registrations.decide(raceCode, requests));
        }
    }
}
