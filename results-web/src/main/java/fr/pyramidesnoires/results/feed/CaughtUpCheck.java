package fr.pyramidesnoires.results.feed;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** A replica takes traffic only once it shows what the others show. */
@Readiness
public class CaughtUpCheck implements HealthCheck {

    final EventFeed feed;

    CaughtUpCheck(EventFeed feed) {
        this.feed = feed;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("results caught up with Kafka").status(feed.caughtUp()).build();
    }
}
