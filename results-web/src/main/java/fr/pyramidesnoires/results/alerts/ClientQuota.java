package fr.pyramidesnoires.results.alerts;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many subscriptions one client address asked for in the current window, on this replica: a script that mails
 * strangers through the form is held back, a family following its runners is not.
 */
final class ClientQuota {

    /** Beyond so many addresses, the windows that ended are swept away. */
    private static final int SWEEP_OVER = 10_000;

    private record Window(long startNanos, int count) {
    }

    private final int most;
    private final long windowNanos;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    ClientQuota(int most, Duration window) {
        this.most = most;
        this.windowNanos = window.toNanos();
    }

    /** Counts one more request from the client, answering whether it is within the quota. */
    boolean take(String client, long nowNanos) {
        if (windows.size() > SWEEP_OVER) {
            windows.values().removeIf(w -> nowNanos - w.startNanos() >= windowNanos);
        }
        Window window = windows.compute(client, (key, current) -> current == null
                || nowNanos - current.startNanos() >= windowNanos
                ? new Window(nowNanos, 1) : new Window(current.startNanos(), current.count() + 1));
        return window.count() <= most;
    }
}
