package fr.pyramidesnoires.results.live;

import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** Server-sent events: "this race changed", for the pages of that race to fetch their fresh content. */
@Path("/races/{race}/live")
public class LiveResource {

    final LiveUpdates updates;

    LiveResource(LiveUpdates updates) {
        this.updates = updates;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    @Operation(summary = "Server-sent events carrying the race code whenever something of the race changed")
    public Multi<String> changes(@PathParam("race") String race) {
        return updates.of(race);
    }
}
