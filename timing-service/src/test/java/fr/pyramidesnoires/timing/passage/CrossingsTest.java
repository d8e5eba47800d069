package fr.pyramidesnoires.timing.passage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CrossingsTest {

    static final Duration WINDOW = Duration.ofSeconds(60);
    static final Instant T = Instant.parse("2027-03-20T08:00:00Z");

    static Instant at(double seconds) {
        return T.plusMillis((long) (seconds * 1000));
    }

    @Test
    void aBurstOfReadsIsOneCrossingTimedAtTheFirstRead() {
        assertEquals(List.of(at(0.12)), Crossings.of(List.of(at(0.12), at(0.4), at(0.9), at(1.7)), WINDOW, false));
    }

    @Test
    void theStartMatKeepsTheLastReadTheMomentTheRunnerLeftIt() {
        // a runner standing on the start mat in the pen is read every few seconds until the gun
        assertEquals(List.of(at(185.3)), Crossings.of(List.of(at(0), at(30), at(75), at(130), at(185.3)), WINDOW, true));
    }

    @Test
    void aSilenceLongerThanTheWindowStartsAnotherCrossing() {
        List<Instant> reads = List.of(at(0), at(1), at(3600), at(3600.5));

        assertEquals(List.of(at(0), at(3600)), Crossings.of(reads, WINDOW, false));
        assertEquals(List.of(at(1), at(3600.5)), Crossings.of(reads, WINDOW, true));
    }

    @Test
    void readsExactlyOneWindowApartStillBelongToTheSameCrossing() {
        assertEquals(List.of(at(0)), Crossings.of(List.of(at(0), at(60)), WINDOW, false));
        assertEquals(List.of(at(0), at(60.001)), Crossings.of(List.of(at(0), at(60.001)), WINDOW, false));
    }

    @Test
    void noReadsNoCrossing() {
        assertEquals(List.of(), Crossings.of(List.of(), WINDOW, false));
    }

    @Test
    void arrivalOrderAndDuplicatesDoNotChangeTheCrossings() {
        List<Instant> reads = List.of(at(5), at(5.2), at(6), at(4000), at(4000.1), at(9000), at(9001));
        List<Instant> expected = Crossings.of(reads, WINDOW, false);
        Random random = new Random(20270320);
        for (int i = 0; i < 50; i++) {
            List<Instant> replayed = new ArrayList<>(reads);
            replayed.addAll(reads.subList(0, random.nextInt(reads.size())));
            Collections.shuffle(replayed, random);
            assertEquals(expected, Crossings.of(replayed, WINDOW, false));
            assertEquals(Crossings.of(reads, WINDOW, true), Crossings.of(replayed, WINDOW, true));
        }
    }
}
