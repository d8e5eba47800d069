package fr.pyramidesnoires.results.alerts;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.RunnerTiming;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * What the events applied to the read model mean for the followers, worked out on a thread of its own: the feed that
 * keeps every page up to date never waits for the database. Most events mean nothing to them and cost no query.
 */
@ApplicationScoped
public class AlertFeed {

    private static final Logger LOG = Logger.getLogger(AlertFeed.class);

    final Followers followers;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(work -> {
        Thread thread = new Thread(work, "passing-alerts");
        thread.setDaemon(true);
        return thread;
    });

    AlertFeed(Followers followers) {
        this.followers = followers;
    }

    /** An event the read model has just applied; null for a tombstone. */
    public void noticed(Object event) {
        if (event instanceof RunnerTiming timing && !AlertRules.news(timing, Instant.now()).isEmpty()) {
            worker.execute(() -> attempt(timing.key(), () -> followers.passed(timing)));
        } else if (event instanceof EntryEvent entry && Followers.endsFollowing(entry)) {
            worker.execute(() -> attempt(entry.entryId(), () -> followers.entryChanged(entry)));
        }
    }

    /** A failure (the database away) is logged and the next event tried: the feed must go on. */
    private static void attempt(String about, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Passing alerts of %s not queued", about);
        }
    }

    void stop(@Observes ShutdownEvent stop) throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }
}
