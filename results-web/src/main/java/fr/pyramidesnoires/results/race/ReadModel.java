package fr.pyramidesnoires.results.race;

import fr.pyramidesnoires.events.CourseEvent;
import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.RaceEvent;
import fr.pyramidesnoires.events.RunnerTiming;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this replica knows of the event, built only from the topics. Entries and timings meet on race and bib:
 * they come from two services and either may arrive first.
 */
@ApplicationScoped
public class ReadModel {

    private final Map<String, EntryEvent> entriesByKey = new ConcurrentHashMap<>();
    private final Map<String, String> keyByEntryId = new ConcurrentHashMap<>();
    private final Map<String, RunnerTiming> timingsByKey = new ConcurrentHashMap<>();
    private final Map<String, RaceEvent> races = new ConcurrentHashMap<>();
    private final Map<String, CourseEvent> courses = new ConcurrentHashMap<>();
    private final Map<String, Long> versions = new ConcurrentHashMap<>();

    /** Goes up whenever anything of the race changes: what was computed at one version holds until the next. */
    public long version(String raceCode) {
        return versions.getOrDefault(raceCode, 0L);
    }

    private String changed(String raceCode) {
        versions.merge(raceCode, 1L, Long::sum);
        return raceCode;
    }

    /** The apply methods return the code of the race that changed. */
    public String race(RaceEvent race) {
        races.put(race.code(), race);
        return changed(race.code());
    }

    public String course(CourseEvent course) {
        courses.put(course.raceCode(), course);
        return changed(course.raceCode());
    }

    public Optional<RaceEvent> raceInfo(String code) {
        return Optional.ofNullable(races.get(code));
    }

    /** The race's name, or its code while its own event has not come (an entry may name the race first). */
    public String raceName(String code) {
        return raceInfo(code).map(RaceEvent::name).orElse(code);
    }

    /** What the organiser publishes of the race's results; the ranking for a race whose own event has not come. */
    public RaceEvent.Publication publication(String code) {
        return raceInfo(code).map(RaceEvent::publication).orElse(RaceEvent.Publication.RANKING);
    }

    public Optional<CourseEvent> course(String code) {
        return Optional.ofNullable(courses.get(code));
    }

    public String entry(EntryEvent entry) {
        String previousKey = keyByEntryId.remove(entry.entryId());
        if (previousKey != null) {
            EntryEvent previous = entriesByKey.remove(previousKey);
            if (previous != null) {
                changed(previous.raceCode());
            }
        }
        changed(entry.raceCode());
        if (entry.type() == EntryEvent.Type.UPSERTED) {
            String key = RunnerTiming.key(entry.raceCode(), entry.bib());
            entriesByKey.put(key, entry);
            keyByEntryId.put(entry.entryId(), key);
        }
        return entry.raceCode();
    }

    /** @param timing null for a tombstone: the key no longer names a timed runner */
    public String timing(String key, RunnerTiming timing) {
        if (timing == null) {
            timingsByKey.remove(key);
        } else {
            timingsByKey.put(key, timing);
        }
        return changed(key.substring(0, Math.max(0, key.indexOf('/'))));
    }

    /** Races the organiser published, and any race an entry names before its race event arrived. */
    public SortedSet<String> raceCodes() {
        SortedSet<String> codes = new TreeSet<>(races.keySet());
        entriesByKey.values().forEach(e -> codes.add(e.raceCode()));
        return codes;
    }

    /** Whether the race is one of {@link #raceCodes()}, without gathering them all. */
    public boolean knows(String raceCode) {
        return races.containsKey(raceCode)
                || entriesByKey.values().stream().anyMatch(e -> e.raceCode().equals(raceCode));
    }

    public Optional<Runner> runner(String raceCode, int bib) {
        String key = RunnerTiming.key(raceCode, bib);
        return Optional.ofNullable(entriesByKey.get(key)).map(entry -> new Runner(entry, timingsByKey.get(key)));
    }

    /** Every runner of every race. */
    public List<Runner> allRunners() {
        return entriesByKey.entrySet().stream()
                .map(e -> new Runner(e.getValue(), timingsByKey.get(e.getKey())))
                .toList();
    }

    public List<Runner> runners(String raceCode) {
        return entriesByKey.entrySet().stream()
                .filter(e -> e.getValue().raceCode().equals(raceCode))
                .map(e -> new Runner(e.getValue(), timingsByKey.get(e.getKey())))
                .toList();
    }
}
