package fr.pyramidesnoires.results.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class LiveUpdatesTest {

    @Test
    void aBurstOfChangesIsToldAtOnceThenOnceMoreAtTheEndOfTheQuietWindow() throws Exception {
        LiveUpdates live = new LiveUpdates();
        List<String> told = new CopyOnWriteArrayList<>();
        List<String> otherRace = new CopyOnWriteArrayList<>();
        live.of("110K").subscribe().with(told::add);
        live.of("22K").subscribe().with(otherRace::add);

        // twenty passages at the finish within a few milliseconds
        for (int i = 0; i < 20; i++) {
            live.changed("110K");
        }
        Thread.sleep(LiveUpdates.QUIET.toMillis() / 2);
        assertEquals(1, told.size(), "the first change is told at once");
        Thread.sleep(LiveUpdates.QUIET.toMillis() * 3);

        assertEquals(List.of("110K", "110K"), told, "the rest of the burst is told once, later");
        assertEquals(List.of(), otherRace);
        live.stop();
    }
}
