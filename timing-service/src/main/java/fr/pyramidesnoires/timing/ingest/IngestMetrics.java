package fr.pyramidesnoires.timing.ingest;

import fr.pyramidesnoires.timing.read.IncomingRead;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the race-day dashboard shows of the reads: how many each mat takes, how long a batch takes to be stored and
 * published, and why messages are put aside. A batch tried again after a failure counts its reads again: the
 * counters measure work done, the archive holds the truth.
 */
@ApplicationScoped
public class IngestMetrics {

    static final String MALFORMED = "malformed";
    static final String UNKNOWN_MAT = "unknown-mat";
    static final String UNKNOWN_CHIP = "unknown-chip";
    static final String NOT_STORED = "not-stored";

    private final MeterRegistry metrics;
    private final Timer batches;

    IngestMetrics(MeterRegistry metrics) {
        this.metrics = metrics;
        this.batches = Timer.builder("timing.batch")
                .description("Time to store a batch of messages and publish the timings it changed")
                .publishPercentileHistogram()
                .register(metrics);
        // at zero from the start, so that the dashboard's rate() has a series before the first message put aside
        List.of(MALFORMED, UNKNOWN_MAT, UNKNOWN_CHIP, NOT_STORED).forEach(this::quarantine);
    }

    void taken(List<IncomingRead> incoming) {
        for (IncomingRead in : incoming) {
            if (in.read() != null) {
                Counter.builder("timing.chip.reads").description("Chip reads taken, by mat")
                        .tag("mat", in.read().matId()).register(metrics).increment();
            }
        }
    }

    /** @param wornBy whether a runner wears the read's chip */
    void kept(IncomingRead in, boolean wornBy, Set<String> knownMats) {
        if (in.read() == null) {
            quarantine(MALFORMED).increment();
        } else if (!knownMats.contains(in.read().matId())) {
            quarantine(UNKNOWN_MAT).increment();
        } else if (!wornBy) {
            quarantine(UNKNOWN_CHIP).increment();
        }
    }

    /** A message that could not be stored even alone, kept aside. */
    void notStored() {
        quarantine(NOT_STORED).increment();
    }

    private Counter quarantine(String reason) {
        return Counter.builder("timing.messages.quarantined").description("Messages put in quarantine, by reason")
                .tag("reason", reason).register(metrics);
    }

    <T> T timeBatch(Supplier<T> work) {
        return batches.record(work);
    }
}
