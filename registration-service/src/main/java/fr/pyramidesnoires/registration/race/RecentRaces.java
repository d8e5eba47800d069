package fr.pyramidesnoires.registration.race;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The races as read a moment ago, for the check a request gets before it waits for its race: in a rush, reading
 * the race again for every request costs more than anything else that check does. A copy may be a few seconds
 * behind an organiser's change, so it may only let a request through, which the race's registrar then decides
 * under the lock: a refusal must come from the race as it is now.
 */
@ApplicationScoped
public class RecentRaces {

    private static final long FRESH_FOR_NANOS = Duration.ofSeconds(2).toNanos();

    /** Detached and never written to: threads share it to read. */
    private record Copy(Race race, long readAt) {
    }

    private final Map<String, Copy> copies = new ConcurrentHashMap<>();
    final EntityManager em;

    RecentRaces(EntityManager em) {
        this.em = em;
    }

    /** The race as read at most a couple of seconds ago; empty when there is no such race. */
    public Optional<Race> recent(String code) {
        Copy copy = copies.get(code);
        if (copy != null && System.nanoTime() - copy.readAt() < FRESH_FOR_NANOS) {
            return Optional.of(copy.race());
        }
        return current(code);
    }

    /** The race as it is now, kept for the requests that follow. */
    public Optional<Race> current(String code) {
        long readAt = System.nanoTime();
        Race race = QuarkusTransaction.requiringNew().call(() -> {
            Race found = Race.findById(code);
            if (found != null) {
                em.detach(found);
            }
            return found;
        });
        if (race == null) {
            copies.remove(code);
            return Optional.empty();
        }
        copies.put(code, new Copy(race, readAt));
        return Optional.of(race);
    }
}
