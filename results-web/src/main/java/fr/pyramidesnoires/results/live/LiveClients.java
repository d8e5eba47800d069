package fr.pyramidesnoires.results.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/** Open live streams on this replica, whatever their race: the spectators a replica kill would send elsewhere. */
@Startup
@ApplicationScoped
public class LiveClients {

    LiveClients(LiveStreams streams, MeterRegistry metrics) {
        Gauge.builder("results.live.clients", streams, LiveStreams::openStreams)
                .description("Live pages (server-sent event streams) open on this replica").register(metrics);
    }
}
