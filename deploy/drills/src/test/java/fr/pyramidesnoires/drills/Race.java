package fr.pyramidesnoires.drills;

import fr.pyramidesnoires.simulator.Simulation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A simulated day played in the background while a drill breaks something: fast enough that the whole day takes
 * under a minute, slow enough that "mid-race" lasts.
 */
final class Race implements AutoCloseable {

    /** 40 minutes of race time a second: the sample event's day in about 40 s. */
    static final double SPEED = 2400;

    private final Cluster cluster;
    private final Simulation day;
    private final CompletableFuture<Void> playing;

    private Race(Cluster cluster, Simulation day) {
        this.cluster = cluster;
        this.day = day;
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

    /**
     * Waits for the first finisher of the 22 km (its gun five hours after the first, its winner home some two hours
     * later, the 110 km runners still out): the middle of the day.
     *
     * @return false if the day ended first, or did not get there within two minutes
     */
    boolean awaitMidRace() throws InterruptedException {
        var ours = new HashSet<>(day.expectedRanking("22K"));
        return Cluster.await(Duration.ofMinutes(2), () -> {
            if (playing.isDone()) {
                return true;
            }
            try {
                return !cluster.ranking("22K", ours).isEmpty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }) && !playing.isDone();
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
