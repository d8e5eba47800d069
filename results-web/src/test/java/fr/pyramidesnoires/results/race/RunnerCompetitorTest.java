package fr.pyramidesnoires.results.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.events.RunnerTiming.Passage;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The time a runner ranks on at each point: the arrival, or at an aid station ranked on the way out, the departure. */
class RunnerCompetitorTest {

    static final Instant GUN = Instant.parse("2027-03-20T08:00:00Z");
    static final Instant IN = GUN.plusSeconds(4200);
    static final Instant OUT = GUN.plusSeconds(5100);

    private static Runner runner(Passage atStation) {
        EntryEvent entry = new EntryEvent(EntryEvent.Type.UPSERTED, "e1", "R", 31, "C31", "Alice", "Ravito", false,
                EntryEvent.Sex.F, "40-49", null, "FRA", GUN);
        return new Runner(entry, new RunnerTiming("R", 31, RunnerTiming.Status.ON_COURSE, GUN,
                List.of(new Passage(0, "start", "Départ", 0, GUN.plusSeconds(2)), atStation), null, null));
    }

    @Test
    void onArrivalsTheAidStationsTimeIsTheArrival() {
        Runner out = runner(new Passage(1, "ravito", "Ravito", 12, IN).departed(OUT));
        assertEquals(IN, out.competitor(Set.of()).timeAt(1).orElseThrow());
    }

    @Test
    void onDeparturesTheAidStationsTimeIsTheDeparture() {
        Runner out = runner(new Passage(1, "ravito", "Ravito", 12, IN).departed(OUT));
        assertEquals(OUT, out.competitor(Set.of(1)).timeAt(1).orElseThrow());
        assertEquals(GUN.plusSeconds(2), out.competitor(Set.of(1)).timeAt(0).orElseThrow(), "other points: arrivals");
    }

    @Test
    void onDeparturesARunnerStillAtTheAidStationHasNoTimeThereYet() {
        Runner still = runner(new Passage(1, "ravito", "Ravito", 12, IN));
        assertTrue(still.competitor(Set.of(1)).timeAt(1).isEmpty());
        assertEquals(0, still.competitor(Set.of(1)).furthestOrder().orElseThrow());
    }

    @Test
    void aDoubtfulPassageRanksNowhereEvenWithItsDeparture() {
        Runner doubted = runner(new Passage(1, "ravito", "Ravito", 12, IN).departed(OUT)
                .doubted(RunnerTiming.Doubt.TOO_FAST));
        assertTrue(doubted.competitor(Set.of(1)).timeAt(1).isEmpty());
        assertTrue(doubted.competitor(Set.of()).timeAt(1).isEmpty());
    }

    @Test
    void anyCategoryTextIsTheGroupAndTheApiLabelKeepsTheWiresLetter() {
        Runner any = runner(new Passage(1, "ravito", "Ravito", 12, IN));
        assertEquals("40-49", any.competitor(Set.of()).category());
        assertEquals("40-49-F", any.group().label());
    }
}
