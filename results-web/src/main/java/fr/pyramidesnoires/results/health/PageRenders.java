package fr.pyramidesnoires.results.health;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.TimeUnit;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Pages served, by kind (the resource and its method: ranking, runner, screen...), for the race-day dashboard:
 * the finish brings thousands of spectators to a few pages, and this says which ones.
 */
public class PageRenders {

    private static final String STARTED = PageRenders.class.getName() + ".started";

    final MeterRegistry metrics;

    PageRenders(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    @ServerRequestFilter
    public void started(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @ServerResponseFilter
    public void served(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        if (!(request.getProperty(STARTED) instanceof Long started) || resource.getResourceMethod() == null
                || response.getMediaType() == null || !response.getMediaType().isCompatible(MediaType.TEXT_HTML_TYPE)) {
            return;
        }
        Timer.builder("results.page.renders").description("HTML pages served, by kind of page")
                .tag("page", resource.getResourceClass().getSimpleName() + "." + resource.getResourceMethod().getName())
                .register(metrics).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }
}
