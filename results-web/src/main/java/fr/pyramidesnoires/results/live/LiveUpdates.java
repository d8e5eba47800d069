package fr.pyramidesnoires.results.live;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Tells open pages that their race changed. A busy race changes many times a second: each page hears at most once
 * a second, and then fetches the fresh table itself, so a slow phone never queues up stale rankings.
 */
@ApplicationScoped
public class LiveUpdates {

    static final Duration AT_MOST_EVERY = Duration.ofSeconds(1);

    private final BroadcastProcessor<String> changes = BroadcastProcessor.create();

    public void changed(String raceCode) {
        if (raceCode != null) {
            changes.onNext(raceCode);
        }
    }

    /** A stream that emits the race's code whenever something of it changed, at most once per second. */
    public Multi<String> of(String raceCode) {
        return changes.select().where(raceCode::equals)
                .group().intoLists().every(AT_MOST_EVERY)
                .select().where(batch -> !batch.isEmpty())
                .map(batch -> batch.get(0));
    }
}
