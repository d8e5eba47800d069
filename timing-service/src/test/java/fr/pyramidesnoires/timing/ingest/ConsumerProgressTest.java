package fr.pyramidesnoires.timing.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ConsumerProgressTest {

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2027-03-20T09:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void pass(Duration time) {
            now = now.plus(time);
        }
    }

    final HandClock clock = new HandClock();
    final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    final ConsumerProgress progress = new ConsumerProgress(metrics, clock);

    double stalledMetric() {
        return metrics.get("timing.consumer.stalled.seconds").gauge().value();
    }

    @Test
    void nothingWaitingIsNeverStalledHoweverLongItIsQuiet() {
        progress.polled(0);
        clock.pass(Duration.ofHours(3));
        progress.polled(0);
        assertEquals(Duration.ZERO, progress.stalledFor());
        assertEquals(0.0, stalledMetric());
    }

    @Test
    void messagesWaitingWithNothingStoredCountAsStalledFromTheLastAdvance() {
        progress.polled(0);
        clock.pass(Duration.ofSeconds(10));
        progress.polled(250);
        clock.pass(Duration.ofSeconds(50));
        progress.polled(400);
        assertEquals(Duration.ofSeconds(60), progress.stalledFor());
        assertEquals(60.0, stalledMetric());
        assertEquals(400.0, metrics.get("timing.consumer.waiting").gauge().value());
    }

    @Test
    void aStoredBatchIsAnAdvanceEvenWithMoreWaiting() {
        progress.polled(20_000);
        clock.pass(Duration.ofMinutes(5));
        progress.advanced();
        clock.pass(Duration.ofSeconds(4));
        progress.polled(15_000);
        assertEquals(Duration.ofSeconds(4), progress.stalledFor());
    }

    @Test
    void parkedMessagesAreCounted() {
        progress.parked();
        progress.parked();
        assertEquals(2, progress.parkedSoFar());
        assertEquals(2.0, metrics.get("timing.messages.parked").counter().count());
    }
}
