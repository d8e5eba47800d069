package fr.pyramidesnoires.simulator;

import fr.pyramidesnoires.events.ChipRead;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The mats as they really behave: a burst of reads per crossing, some reads lost, now and then a whole crossing
 * missed at a checkpoint, and each reader's clock a little off.
 */
final class Mats {

    /** A read with the moment the simulated mat manages to send it. */
    record Emission(Instant sendAt, ChipRead read) {
    }

    private final Random random;
    private final Map<String, Long> clockOffsetMs = new HashMap<>();

    Mats(Random random) {
        this.random = random;
    }

    /**
     * @param keepLast  the start mat, where the passage is the last read: the burst ends at the true crossing
     * @param mayMiss   whether the mat may miss this crossing altogether (never the start, finish or a runner's
     *                  last crossing: those decide the result, and a real team re-checks them by hand)
     */
    List<ChipRead> crossing(String matId, String chip, Instant trueTime, boolean keepLast, boolean mayMiss) {
        List<ChipRead> reads = new ArrayList<>();
        if (mayMiss && random.nextDouble() < 0.02) {
            return reads;
        }
        long offset = clockOffsetMs.computeIfAbsent(matId, mat -> (long) (random.nextGaussian() * 80));
        int count = 3 + random.nextInt(8);
        for (int i = 0; i < count; i++) {
            long ms = i * (1500L / count);
            boolean defining = i == 0;
            // a read other than the one that times the passage may be lost in the crowd
            if (!defining && random.nextDouble() < 0.25) {
                continue;
            }
            Instant at = keepLast ? trueTime.minusMillis(ms) : trueTime.plusMillis(ms);
            reads.add(new ChipRead("R-" + matId, matId, chip, at.plusMillis(offset).atOffset(ZoneOffset.ofHours(1)),
                    1 + random.nextInt(4), -45 - random.nextInt(30), null, ChipRead.Source.MAT));
        }
        return reads;
    }
}
