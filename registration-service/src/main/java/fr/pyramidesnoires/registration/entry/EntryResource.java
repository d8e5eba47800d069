package fr.pyramidesnoires.registration.entry;

import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

@Path("/api/entries")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class EntryResource {

    final Registrations registrations;

    EntryResource(Registrations registrations) {
        this.registrations = registrations;
    }

    @POST
    @Transactional
    public Response register(@NotNull @Valid RegistrationRequest request) {
        Entry entry = registrations.register(request);
        return Response.created(URI.create("/api/entries/by-token/" + entry.token))
                .entity(EntryConfirmation.of(entry)).build();
    }

    /** The runner's own view of their entry, through their private link. */
    @GET
    @Path("by-token/{token}")
    @Transactional
    public EntryConfirmation mine(@PathParam("token") String token) {
        Entry entry = Entry.find("token", token).firstResult();
        if (entry == null) {
            throw new EntryRefused(404, "unknown-entry", "No entry has this link");
        }
        return EntryConfirmation.of(entry);
    }

    @POST
    @Path("by-token/{token}/cancellation")
    @Consumes(MediaType.WILDCARD)
    @Transactional
    public EntryConfirmation cancel(@PathParam("token") String token) {
        return EntryConfirmation.of(registrations.cancel(token));
    }
}
