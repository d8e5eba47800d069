package fr.pyramidesnoires.timing.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether timing keeps up with what arrives. A consumer that stops advancing while reads wait is the one failure
 * that silences every mat at once, and nothing else would show it: the service still answers.
 */
@ApplicationScoped
public class ConsumerProgress {

    private final Clock clock;
    private final Counter parked;
    private volatile Instant lastAdvance;
    private volatile long waiting;

    @Inject
    ConsumerProgress(MeterRegistry metrics) {
        this(metrics, Clock.systemUTC());
    }

    ConsumerProgress(MeterRegistry metrics, Clock clock) {
        this.clock = clock;
        this.lastAdvance = clock.instant();
        this.parked = Counter.builder("timing.messages.parked")
                .description("Messages kept aside in quarantine because they could not be stored with their batch")
                .register(metrics);
        Gauge.builder("timing.consumer.waiting", this, p -> p.waiting)
                .description("Messages of entries and chip-reads not yet stored").register(metrics);
        Gauge.builder("timing.consumer.stalled.seconds", this, p -> p.stalledFor().toMillis() / 1000.0)
                .description("How long messages have waited without the consumer advancing; 0 while it keeps up")
                .register(metrics);
    }

    /** After each poll: how many messages are in hand or still on the broker. Nothing waiting is keeping up. */
    void polled(long waitingNow) {
        waiting = waitingNow;
        if (waitingNow == 0) {
            lastAdvance = clock.instant();
        }
    }

    /** A batch stored, published and committed. */
    void advanced() {
        lastAdvance = clock.instant();
    }

    void parked() {
        parked.increment();
    }

    /** How long messages have waited with nothing stored; zero while nothing waits. */
    public Duration stalledFor() {
        return waiting == 0 ? Duration.ZERO : Duration.between(lastAdvance, clock.instant());
    }

    public long waiting() {
        return waiting;
    }

    public long parkedSoFar() {
        return (long) parked.count();
    }
}
