package fr.pyramidesnoires.drills;

import fr.pyramidesnoires.simulator.Simulation;
import java.time.Duration;
import java.time.LocalTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A simulated day played in the background while a drill breaks something: fast enough that the whole day takes
 * under a minute, slow enough that "mid-race" lasts.
 */
final class Race implements AutoCloseable {

    /** Half an hour of race time a second: the sample event's day (05:00 to about 23:00) in some 40 s. */
    static final double SPEED = 1800;
    /** The first gun, the simulator's race clock when it starts playing. */
    private static final LocalTime FIRST_GUN = LocalTime.of(5, 0);
    /**
     * The middle of the day: every race started (the 22 km at 10:00), none of its runners home yet, the 110 km
     * runners hours from their finish.
     */
    private static final LocalTime MID_RACE = LocalTime.of(11, 0);

    private final CompletableFuture<Void> playing;
    private final long startedAt = System.nanoTime();

    private Race(Cluster cluster, Simulation day) {
        this.playing = CompletableFuture.runAsync(() -> {
            try {
                cluster.play(day, SPEED);
            } catch (Exception e) {
                throw new IllegalStateException("the simulated day stopped", e);
            }
        });
    }

    static Race started(Cluster cluster, Simulation day) {
        return new Race(cluster, day);
    }

    /** What a drill does to the cluster once the race is in its middle, the simulator still playing. */
    interface Breakage {
        void midRace(Simulation day) throws Exception;
    }

    /**
     * A drill: a seeded day of this many runners played while {@code breakage} breaks the cluster mid-race, ending
     * with the rankings of the ground truth and every read the mats sent in timing's archive.
     */
    static void breakMidRace(Cluster cluster, int runners, long seed, Breakage breakage) throws Exception {
        Simulation day = cluster.prepare(runners, seed);
        ReadLedger ledger = ReadLedger.opened(cluster);
        try (Race race = started(cluster, day)) {
            if (!race.awaitMidRace()) {
                throw new AssertionError("the race never reached its middle");
            }
            breakage.midRace(day);
            race.awaitEnd();
        }
        cluster.assertGroundTruth(day);
        ledger.assertEveryReadArchived();
    }

    /**
     * Waits until the simulator's race clock has reached the middle of the day: it plays at {@link #SPEED} from the
     * first gun, so that is a known time after it started (a simulator slowed by a busy machine is only later in the
     * day, never earlier).
     *
     * @return false if the day ended first
     */
    boolean awaitMidRace() throws InterruptedException {
        long due = startedAt + (long) (Duration.between(FIRST_GUN, MID_RACE).toNanos() / SPEED);
        Cluster.await(Duration.ofMinutes(2), () -> playing.isDone() || System.nanoTime() >= due);
        return !playing.isDone();
    }

    /** Waits for the simulator to have sent everything; its failure fails the drill. */
    void awaitEnd() throws Exception {
        playing.get(4, TimeUnit.MINUTES);
    }

    @Override
    public void close() {
        playing.cancel(true);
    }
}
