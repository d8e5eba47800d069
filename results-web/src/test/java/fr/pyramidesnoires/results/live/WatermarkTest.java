package fr.pyramidesnoires.results.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WatermarkTest {

    private static final Watermark BEFORE = Watermark.parse("entries:0=12,runner-timings:3=40");

    @Test
    void anIdReadsBackAsTheSameWatermark() {
        Watermark mark = Watermark.NONE.after("runner-timings", 3, 39).after("entries", 0, 11);

        assertEquals("entries:0=12,runner-timings:3=40", mark.toString());
        assertEquals(mark, Watermark.parse(mark.toString()));
        assertEquals(Watermark.NONE, Watermark.parse(""));
    }

    @Test
    void aMessageMovesItsPartitionOnlyForward() {
        Watermark mark = BEFORE.after("runner-timings", 3, 50).after("runner-timings", 3, 20);

        assertEquals("entries:0=12,runner-timings:3=51", mark.toString());
        assertTrue(mark.beyond(BEFORE) && mark.covers(BEFORE));
        assertFalse(BEFORE.beyond(mark));
    }

    @Test
    void aClientThatMissedAChangeIsOwedIt() {
        Watermark race = BEFORE.after("runner-timings", 5, 7);

        assertTrue(Watermark.owed(BEFORE, race, race));
    }

    @Test
    void aClientInStepIsOwedNothing() {
        Watermark read = BEFORE.after("runner-timings", 1, 900).after("entries", 0, 30);

        assertFalse(Watermark.owed(BEFORE, BEFORE, read), "other races moved, not this one");
    }

    @Test
    void aReplicaBehindTheClientTellsNothingUntilItHasCaughtUp() {
        // the replica has a change on partition 5 the client has not, but has not read partition 3 as far as it has
        Watermark race = Watermark.parse("entries:0=12,runner-timings:3=30,runner-timings:5=8");
        Watermark read = Watermark.parse("entries:0=12,runner-timings:3=35,runner-timings:5=8");

        assertFalse(Watermark.owed(BEFORE, race, read));
        assertTrue(Watermark.owed(BEFORE, race, read.after("runner-timings", 3, 39)));
    }

    @Test
    void aPartitionTheReplicaHasNotReadAtAllHoldsItBack() {
        Watermark seen = BEFORE.after("courses", 0, 4);
        Watermark race = BEFORE.after("entries", 0, 20);

        assertFalse(Watermark.owed(seen, race, race));
    }

    @Test
    void aClientWithoutHistoryIsOwedAnyChange() {
        Watermark race = Watermark.NONE.after("races", 0, 0);

        assertTrue(Watermark.owed(Watermark.NONE, race, race));
        assertFalse(Watermark.owed(Watermark.NONE, Watermark.NONE, race));
    }

    @Test
    void anIdNotMadeHereIsRefusedWithItsFault() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Watermark.parse("entries:0=12,oops"))
                .getMessage().contains("'oops'"));
        assertThrows(IllegalArgumentException.class, () -> Watermark.parse("entries:0=-1"));
        assertThrows(IllegalArgumentException.class, () -> Watermark.parse("entries:0=1,entries:0=2"));
        assertThrows(IllegalArgumentException.class, () -> Watermark.parse("entries:0=1,"));
        assertThrows(IllegalArgumentException.class, () -> Watermark.parse("entries:0=99999999999999999999"));
        String tooMany = IntStream.rangeClosed(0, Watermark.MOST_PARTITIONS).mapToObj(p -> "t:" + p + "=1")
                .collect(Collectors.joining(","));
        assertThrows(IllegalArgumentException.class, () -> Watermark.parse(tooMany));
    }
}
