package fr.pyramidesnoires.timing.ingest;

import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while reads wait and nothing was stored for longer than a batch ever takes. */
@Readiness
public class ConsumerProgressCheck implements HealthCheck {

    final ConsumerProgress progress;
    final Duration stalledAfter;

    ConsumerProgressCheck(ConsumerProgress progress,
                          @ConfigProperty(name = "timing.stalled-after") Duration stalledAfter) {
        this.progress = progress;
        this.stalledAfter = stalledAfter;
    }

    @Override
    public HealthCheckResponse call() {
        Duration stalled = progress.stalledFor();
        return HealthCheckResponse.named("timing consumer advancing")
                .status(stalled.compareTo(stalledAfter) <= 0)
                .withData("waiting", progress.waiting())
                .withData("stalledSeconds", stalled.toSeconds())
                .withData("parked", progress.parkedSoFar())
                .build();
    }
}
