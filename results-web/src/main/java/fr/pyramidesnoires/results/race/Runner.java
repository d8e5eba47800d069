package fr.pyramidesnoires.results.race;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.results.ranking.Competitor;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/** A runner as results know them: the entry's public fields and, once timed, their timing. */
public record Runner(EntryEvent entry, RunnerTiming timing) {

    /** The name results show, "LEFEBVRE Camille"; null for a runner who refused its publication. */
    public String publicName() {
        return entry.nameHidden() ? null : entry.lastName().toUpperCase() + " " + entry.firstName();
    }

    /** Category and sex together, as results rank them. */
    public Group group() {
        return Group.of(entry);
    }

    public RunnerTiming.Status status() {
        return timing == null ? RunnerTiming.Status.NOT_STARTED : timing.status();
    }

    public List<RunnerTiming.Passage> passages() {
        return timing == null ? List.of() : timing.passages();
    }

    /**
     * The runner as rankings and statistics see them: a doubtful passage is no fact to rank or count until an
     * official confirms it, so only the good ones are there. At an aid station the event ranks on the departure,
     * the runner's time there is when they left, and until they leave they have none.
     *
     * @param rankedOnDeparture orders of the points where runners rank on their departure
     */
    public Competitor competitor(Set<Integer> rankedOnDeparture) {
        TreeMap<Integer, Instant> times = new TreeMap<>();
        passages().stream().filter(p -> p.doubtful() == null).forEach(p -> {
            Instant time = rankedOnDeparture.contains(p.order()) ? p.departure() : p.time();
            if (time != null) {
                times.put(p.order(), time);
            }
        });
        return new Competitor(entry.bib(), entry.sex().name(), entry.category(), status(), times,
                timing == null ? null : timing.gunTimeMs());
    }
}
