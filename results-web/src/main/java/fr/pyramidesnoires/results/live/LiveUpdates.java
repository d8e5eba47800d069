package fr.pyramidesnoires.results.live;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Tells open pages that their race changed. The first change is told at once, so a spectator sees a passage
 * within moments; the changes that follow within a short quiet window are told once, at its end, so a burst of
 * passages at the finish does not become a burst of page refreshes.
 */
@ApplicationScoped
public class LiveUpdates {

    static final Duration QUIET = Duration.ofMillis(200);

    /** One broadcast per race, so a passage on the 22 km disturbs nobody following the 110 km. */
    private final Map<String, BroadcastProcessor<String>> changes = new ConcurrentHashMap<>();
    private final Map<String, Long> lastTold = new ConcurrentHashMap<>();
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "live-updates");
        thread.setDaemon(true);
        return thread;
    });

    public void changed(String raceCode) {
        if (raceCode == null) {
            return;
        }
        long now = System.nanoTime();
        Long last = lastTold.get(raceCode);
        if (last == null || now - last >= QUIET.toNanos()) {
            tell(raceCode);
        } else if (waiting.add(raceCode)) {
            later.schedule(() -> {
                waiting.remove(raceCode);
                tell(raceCode);
            }, QUIET.toNanos() - (now - last), TimeUnit.NANOSECONDS);
        }
    }

    /** The feed's thread and the timer both tell: one at a time into the broadcast. */
    private synchronized void tell(String raceCode) {
        lastTold.put(raceCode, System.nanoTime());
        changes(raceCode).onNext(raceCode);
    }

    /** A stream that emits the race's code whenever something of it changed. */
    public Multi<String> of(String raceCode) {
        return changes(raceCode);
    }

    private BroadcastProcessor<String> changes(String raceCode) {
        return changes.computeIfAbsent(raceCode, race -> BroadcastProcessor.create());
    }

    @PreDestroy
    void stop() {
        later.shutdownNow();
    }
}
