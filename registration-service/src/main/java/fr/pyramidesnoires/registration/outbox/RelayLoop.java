package fr.pyramidesnoires.registration.outbox;

import org.jboss.logging.Logger;

/**
 * A thread of its own that runs one round of a relay's work after another, from start-up until the service stops.
 * A round that fails is logged and tried again a second later: the database or the other side may be back by then,
 * and a relay that stopped would leave its messages waiting until the next restart.
 */
public final class RelayLoop {

    private static final Logger LOG = Logger.getLogger(RelayLoop.class);
    private static final long AFTER_A_FAILURE_MILLIS = 1000;

    /** One round of work, answering how long to pause before the next one, in milliseconds. */
    @FunctionalInterface
    public interface Round {
        long run();
    }

    private final String name;
    private final Round round;
    private final Thread thread;
    private volatile boolean running = true;

    private RelayLoop(String name, Round round) {
        this.name = name;
        this.round = round;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
    }

    public static RelayLoop start(String name, Round round) {
        RelayLoop loop = new RelayLoop(name, round);
        loop.thread.start();
        return loop;
    }

    /**
     * Lets the round under way end, for at most ten seconds, before interrupting it: a round cut short may not know
     * whether the other side took what it sent, and would send it again.
     */
    public void stop() throws InterruptedException {
        running = false;
        thread.join(10_000);
        if (thread.isAlive()) {
            thread.interrupt();
            thread.join(5_000);
        }
    }

    private void run() {
        while (running) {
            long pause;
            try {
                pause = round.run();
            } catch (RuntimeException e) {
                LOG.warnf("%s failed, retrying in a second: %s", name, e.getMessage());
                pause = AFTER_A_FAILURE_MILLIS;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
