package fr.pyramidesnoires.results.graphs;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The clock pages read "now" from (what is due in the next 30 minutes, which cut-offs have fallen). A default
 * only: a test or another part of the service may give its own.
 */
@Dependent
public class EventClock {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
