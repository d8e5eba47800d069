package fr.pyramidesnoires.results.finish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.events.RunnerTiming.Status;
import fr.pyramidesnoires.results.race.Runner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlacingsTest {

    static final Instant GUN = Instant.parse("2027-03-20T08:00:00Z");

    @Test
    void eachFinisherRanksOverallAmongTheirSexAndInTheirCategory() {
        Placings placings = Placings.of(List.of(
                runner(1, EntryEvent.Sex.H, "SE", Status.FINISHED, 7_000),
                runner(2, EntryEvent.Sex.F, "SE", Status.FINISHED, 7_100),
                runner(3, EntryEvent.Sex.F, "M1", Status.FINISHED, 7_200),
                runner(4, EntryEvent.Sex.H, "M1", Status.FINISHED, 7_300),
                runner(5, EntryEvent.Sex.F, "SE", Status.FINISHED, 7_400),
                runner(6, EntryEvent.Sex.X, "SE", Status.FINISHED, 7_500)));

        assertEquals(new Placings.Placing(1, 1, 1), placings.of(1).orElseThrow());
        assertEquals(new Placings.Placing(2, 1, 1), placings.of(2).orElseThrow());
        assertEquals(new Placings.Placing(3, 2, 1), placings.of(3).orElseThrow());
        assertEquals(new Placings.Placing(4, 2, 1), placings.of(4).orElseThrow());
        assertEquals(new Placings.Placing(5, 3, 2), placings.of(5).orElseThrow());
        assertEquals(new Placings.Placing(6, 1, 1), placings.of(6).orElseThrow());
    }

    @Test
    void equalTimesShareAPlaceAsTheRankingsDo() {
        Placings placings = Placings.of(List.of(
                runner(1, EntryEvent.Sex.F, "SE", Status.FINISHED, 7_000),
                runner(2, EntryEvent.Sex.F, "SE", Status.FINISHED, 7_000),
                runner(3, EntryEvent.Sex.F, "SE", Status.FINISHED, 7_100)));

        assertEquals(new Placings.Placing(1, 1, 1), placings.of(2).orElseThrow());
        assertEquals(new Placings.Placing(3, 3, 3), placings.of(3).orElseThrow());
    }

    @Test
    void runnersWhoHaveNotFinishedHaveNoPlaceAndTakeNoneFromFinishers() {
        Placings placings = Placings.of(List.of(
                runner(1, EntryEvent.Sex.F, "SE", Status.ON_COURSE, 3_000),
                runner(2, EntryEvent.Sex.F, "SE", Status.DNF, 2_000),
                runner(3, EntryEvent.Sex.F, "SE", Status.FINISHED, 9_000),
                new Runner(entry(4, EntryEvent.Sex.F, "SE"), null)));

        assertTrue(placings.of(1).isEmpty());
        assertTrue(placings.of(2).isEmpty());
        assertTrue(placings.of(4).isEmpty());
        assertEquals(new Placings.Placing(1, 1, 1), placings.of(3).orElseThrow());
    }

    /** @param seconds since the gun at the runner's last point: the finish for a finisher, else halfway */
    private static Runner runner(int bib, EntryEvent.Sex sex, String category, Status status, long seconds) {
        boolean finished = status == Status.FINISHED;
        Instant at = GUN.plus(Duration.ofSeconds(seconds));
        RunnerTiming.Passage last = finished ? new RunnerTiming.Passage(2, "finish", "Arrivée", 22, at)
                : new RunnerTiming.Passage(1, "halfway", "Terril 5", 11, at);
        List<RunnerTiming.Passage> passages = List.of(new RunnerTiming.Passage(0, "start", "Départ", 0, GUN), last);
        Long official = finished ? seconds * 1000 : null;
        return new Runner(entry(bib, sex, category),
                new RunnerTiming("R", bib, status, GUN, passages, official, official));
    }

    private static EntryEvent entry(int bib, EntryEvent.Sex sex, String category) {
        return new EntryEvent(EntryEvent.Type.UPSERTED, "e" + bib, "R", bib, "C" + bib, "First" + bib, "Last" + bib,
                false, sex, category, null, null, GUN);
    }
}
