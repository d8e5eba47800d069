package fr.pyramidesnoires.registration.admin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** In the test application only: a request that fails as a bug would, for the answer to an unexpected failure. */
@Path("/test-only/failure")
public class FailingResource {

    @GET
    public String fail() {
        throw new IllegalStateException("a bug's own message, for the log only");
    }
}
