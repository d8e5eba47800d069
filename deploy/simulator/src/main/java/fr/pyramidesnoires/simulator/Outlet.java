package fr.pyramidesnoires.simulator;

import fr.pyramidesnoires.events.ChipRead;
import java.time.Instant;
import java.util.List;

/** Where the simulated mats' reads go: straight onto Kafka, or into readers that mat agents read. */
public interface Outlet extends AutoCloseable {

    /** The reads in the order and at the moments this outlet sends them. */
    List<Mats.Emission> schedule(Simulation simulation);

    void send(ChipRead read);

    /** Waits until what was sent has reached the platform, where the outlet can tell: before an official acts. */
    void flush() throws InterruptedException;

    /** The race clock has reached this moment. */
    default void raceClock(Instant now) throws InterruptedException {
    }

    /** What the outlet has to say once the day is played. */
    default String summary() {
        return "";
    }

    @Override
    void close() throws InterruptedException;
}
